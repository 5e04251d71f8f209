import type { Connection } from 'vscode-languageserver';
import { MAX_CATALOGUE_BYTES, parseCatalogue } from '../core/catalogue';
import type { HostRead, ServerHost } from '../lsp/host';
import {
  FindDeclarationsRequest,
  ReadFileRequest,
  StatRequest,
  type FindDeclarationsParams,
  type FindDeclarationsResult,
  type ReadFileParams,
  type ReadFileResult,
  type StatParams,
  type StatResult,
} from '../../../shared/fsProtocol';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** `a/./b/../c` → `a/c` on the path of a URI (never above its root). */
function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '.') continue;
    if (part === '..') {
      if (out.length > 1) out.pop();
      continue;
    }
    out.push(part);
  }
  return out.join('/');
}

/** Splits `scheme://authority/path` into its origin (`scheme://authority`) and path. */
function splitUri(uri: string): { origin: string; path: string } {
  const m = /^([a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/i.exec(uri);
  return m ? { origin: m[1], path: m[2] } : { origin: '', path: uri };
}

/** The bundled catalogue's name in the browser (there is no file path: it is inside the bundle). */
export const BUNDLED_CATALOGUE_NAME = 'schemas/frameworks/lyon-2025.yaml';

/**
 * The language server in a web worker: files are named by their URI and read by the client
 * (`shared/fsProtocol.ts`), which goes through `vscode.workspace.fs` — local folders, GitLab's
 * and GitHub's virtual file systems alike. A request that fails is an unreadable file, never an
 * exception.
 */
export class BrowserHost implements ServerHost {
  readonly kind = 'browser' as const;
  /** Set from `initializationOptions.date` (YYYY-MM-DD): reproducible results in tests. */
  fixedDate: Date | undefined;

  constructor(private readonly connection: Connection) {}

  fileOf(uri: string): string | undefined {
    // An unsaved buffer has no file to read; every other scheme is the editor's to read.
    return uri.startsWith('untitled:') ? undefined : uri;
  }

  uriOf(file: string): string {
    return file;
  }

  contains(folder: string, file: string): boolean {
    return file === folder || file.startsWith(folder.endsWith('/') ? folder : folder + '/');
  }

  resolveCatalogue(configured: string, folder: string | undefined): string {
    const value = folder ? configured.replace(/^\$\{workspaceFolder\}/, folder) : configured;
    if (SCHEME.test(value) && !/^[a-z]:[\\/]/i.test(value)) return value;
    if (!folder) return value;
    const { origin, path } = splitUri(folder);
    const rel = value.replace(/\\/g, '/');
    return origin + normalizePath(rel.startsWith('/') ? rel : `${path.replace(/\/$/, '')}/${rel}`);
  }

  async catalogueKey(file: string): Promise<string> {
    const st = await this.stat(file);
    return 'error' in st ? `${file}|${st.error}` : `${file}|${st.mtime}|${st.size}|${st.type}`;
  }

  async loadCatalogue(file: string, knownRuleIds: ReadonlySet<string>) {
    const read = await this.read(file, MAX_CATALOGUE_BYTES);
    if ('error' in read) {
      const why =
        read.error === 'TOO_LARGE'
          ? `catalogue larger than 2 MiB: ${file}`
          : read.error === 'EISDIR'
            ? `not a file: ${file}`
            : `cannot read ${file}: ${read.error}${read.detail ? ` (${read.detail})` : ''}`;
      return { file, errors: [why] };
    }
    return parseCatalogue(read.text, file, knownRuleIds);
  }

  bundledCatalogueFile(): string {
    return BUNDLED_CATALOGUE_NAME;
  }

  async findDeclarations(folder: string): Promise<string[]> {
    try {
      const r = await this.connection.sendRequest<FindDeclarationsResult>(FindDeclarationsRequest, { folder } satisfies FindDeclarationsParams);
      return Array.isArray(r) ? r.filter((u): u is string => typeof u === 'string').sort() : [];
    } catch {
      return [];
    }
  }

  async fileKey(file: string): Promise<{ key: string } | { error: string }> {
    const st = await this.stat(file);
    if ('error' in st) return st;
    return { key: `${st.mtime}:${st.size}` };
  }

  readDeclaration(file: string, maxBytes: number): Promise<HostRead> {
    return this.read(file, maxBytes);
  }

  watchPattern(file: string): string {
    return splitUri(file).path;
  }

  today(): Date {
    return this.fixedDate ?? new Date();
  }

  private async stat(uri: string): Promise<{ mtime: number; size: number; type: string } | { error: string }> {
    try {
      const r = await this.connection.sendRequest<StatResult>(StatRequest, { uri } satisfies StatParams);
      if (r && typeof r === 'object' && 'mtime' in r && typeof r.mtime === 'number' && typeof r.size === 'number') return r;
      return { error: r && typeof r === 'object' && 'error' in r && typeof r.error === 'string' ? r.error : 'EIO' };
    } catch (e) {
      return { error: `EIO (${(e as Error).message})` };
    }
  }

  private async read(uri: string, maxBytes: number): Promise<HostRead> {
    try {
      const r = await this.connection.sendRequest<ReadFileResult>(ReadFileRequest, { uri, maxBytes } satisfies ReadFileParams);
      if (r && typeof r === 'object' && 'text' in r && typeof r.text === 'string') return { text: r.text };
      if (r && typeof r === 'object' && 'error' in r && typeof r.error === 'string') return { error: r.error, ...(typeof r.detail === 'string' ? { detail: r.detail } : {}) };
      return { error: 'EIO', detail: 'malformed answer from the client' };
    } catch (e) {
      return { error: 'EIO', detail: (e as Error).message };
    }
  }
}
