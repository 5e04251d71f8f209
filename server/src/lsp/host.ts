import type { CatalogueLoad } from '../core/catalogue';
import type { FullLintResult, LintOptions } from '../core/engine';
import type { IdEntry } from '../core/crossFile';

/** A declaration read from the workspace: its text, or why it could not be read (as the CLI says it). */
export type HostRead = { text: string } | { error: string; detail?: string };

/**
 * What the language server needs from where it runs, and nothing else: the Node host
 * (`nodeHost.ts`: the disk, file paths) and the browser host (`../browser/host.ts`: the
 * editor's file system, reached through requests to the client; files named by their URI).
 *
 * A *file* here is the host's name for a workspace file: a file-system path on Node, the URI
 * itself in the browser. Every method is safe: failures are values, never exceptions.
 */
export interface ServerHost {
  /** `node` or `browser`: for messages that say what a browser cannot do. */
  readonly kind: 'node' | 'browser';
  /** The file a URI names, or undefined when this host cannot read it (an `untitled:` buffer…). */
  fileOf(uri: string): string | undefined;
  uriOf(file: string): string;
  /** Whether `file` is the folder `folder` or lies inside it. */
  contains(folder: string, file: string): boolean;
  /** The catalogue file a `cadreIa.catalogue` setting names (relative to the document's folder). */
  resolveCatalogue(configured: string, folder: string | undefined): string;
  /** Changes when the file changes (modification time and size where the host knows them). */
  catalogueKey(file: string): Promise<string>;
  loadCatalogue(file: string, knownRuleIds: ReadonlySet<string>): Promise<CatalogueLoad>;
  /** The bundled catalogue's file name (shown by `cadreIa/catalogue`). */
  bundledCatalogueFile(): string;
  /** The declarations of a folder (`*.ia.yaml`, `*.ia.yml`), sorted. */
  findDeclarations(folder: string): Promise<string[]>;
  /** A key that changes when the file changes, or why it cannot be read. */
  fileKey(file: string): Promise<{ key: string } | { error: string }>;
  readDeclaration(file: string, maxBytes: number): Promise<HostRead>;
  /** A glob pattern the client can watch for this file. */
  watchPattern(file: string): string;
  /** Today (Node: `CADRE_IA_DATE` when set, for reproducible results). */
  today(): Date;
  /**
   * Lints many files at once, each as the server would (Node: on worker threads); `undefined`
   * when the host would gain nothing (too few files, no threads): the server then lints them
   * one by one. An entry is `undefined` for a file it could not lint (the server reads it itself).
   */
  lintMany?(files: string[], options: LintOptions): Promise<({ result: FullLintResult; id?: IdEntry } | undefined)[] | undefined>;
}
