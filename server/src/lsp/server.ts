import { idEntry, type IdEntry } from '../core/crossFile';
import {
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledCatalogue, type Catalogue } from '../core/catalogue';
import { checkCatalogueText, isCatalogueFile, looksLikeCatalogue } from '../core/catalogueAuthoring';
import { frameworkSet, type FrameworkSet } from '../core/framework';
import { knownRuleIds, lintParsed, type FullLintResult } from '../core/engine';
import { isDeclarationFile, unreadableResult } from '../core/fileResult';
import { resolveLocale, t } from '../core/i18n';
import { parseDeclaration, withoutTree } from '../core/parse';
import { declarationSchema } from '../core/schema';
import { loadTemplates } from '../core/templates';
import type { Diagnostic, Locale, Localized, SeveritySetting } from '../core/types';
import { features, type ClientFeatures } from './clientFeatures';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, VerdictsChangedNotification, type Settings } from '../../../shared/protocol';
import { toLspDiagnostic } from './convert';
import type { ServerHost } from './host';

/** One analysis of a document at one version, under one set of settings: reused by every request. */
export interface Analysis {
  uri: string;
  /** Document version (open documents); `undefined` for a file read from disk. */
  version?: number;
  text: string;
  result: FullLintResult;
  settings: Settings;
  locale: Locale;
  /** The framework that judged the document: the one its `cadre:` names (see FullLintResult.catalogue). */
  catalogue: Catalogue;
  /** Every framework the document could name (bundled and configured), e.g. for completing `cadre:`. */
  frameworks: FrameworkSet;
  /** Changes whenever the text, the settings or the catalogue change (pull diagnostics' resultId). */
  resultId: string;
  /** `projet.id` and where it stands, for the cross-file check of workspace diagnostics. */
  id?: IdEntry;
}

export interface CatalogueChoice {
  /** The configured catalogue, or the bundled default (Lyon's). */
  catalogue: Catalogue;
  file: string;
  bundled: boolean;
  fallbackReason?: string;
  /** The frameworks documents may name: the configured one (if usable), then the bundled ones. */
  frameworks: FrameworkSet;
}

const MSG: Record<string, Localized> = {
  badCatalogue: {
    fr: 'Cadre IA : le catalogue « {file} » est inutilisable ({why}). Seuls les cadres fournis avec l’extension (lyon-ia/v1, socle-ia/v1) sont utilisés.',
    en: "Cadre IA: the catalogue '{file}' cannot be used ({why}). Only the frameworks bundled with the extension (lyon-ia/v1, socle-ia/v1) are used.",
  },
};

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Settings as the client sent them, made safe: anything malformed falls back to the default. */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (r.locale === 'auto' || r.locale === 'fr' || r.locale === 'en') s.locale = r.locale;
  if (typeof r.catalogue === 'string') s.catalogue = r.catalogue.trim();
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) if (typeof v === 'string' && SEVERITIES.has(v)) s.rules[k] = v as SeveritySetting;
  }
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) s.debounceMs = Math.max(0, Math.min(10_000, Math.round(r.debounceMs)));
  if (typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize > 0) s.maxFileSize = Math.round(r.maxFileSize);
  if (typeof r.codeLens === 'boolean') s.codeLens = r.codeLens;
  return s;
}

/** A request failure the client caused (unknown document, bad parameters): answered, not logged as a crash. */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly code: number = ErrorCodes.InvalidParams,
  ) {
    super(message);
  }
}

/**
 * The Cadre IA language server: documents, settings, catalogues, and the per-version cache
 * of analyses that every handler reads. Handlers (handlers/*.ts) only adapt the core.
 */
export class CadreServer {
  readonly documents = new TextDocuments(TextDocument);
  client: ClientFeatures = features({});
  /** Locale of the editor (initializationOptions.locale, or the client's `locale`). */
  editorLocale: Locale = 'fr';
  /** Workspace folders, as the host names files (paths on Node, URIs in the browser). */
  folders: string[] = [];
  /** Settings used when the client cannot answer workspace/configuration. */
  private globalSettings: unknown = {};
  private generation = 0;
  private readonly analyses = new Map<string, Analysis>();
  private readonly catalogueChecks = new Map<string, { version: number; generation: number; locale: Locale; diagnostics: Diagnostic[] }>();
  private readonly pending = new Map<string, Promise<Analysis>>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly seqs = new Map<string, number>();
  private readonly catalogues = new Map<string, { key: string; choice: CatalogueChoice }>();
  private readonly warned = new Set<string>();
  private readonly watchedCatalogues = new Set<string>();
  private readonly disk = new Map<string, { key: string; analysis: Analysis }>();
  private shuttingDown = false;

  constructor(
    readonly connection: Connection,
    readonly host: ServerHost,
  ) {}

  /** The file a URI names on this host (a path on Node, the URI in the browser). */
  fileOf(uri: string): string | undefined {
    return this.host.fileOf(uri);
  }

  today(): Date {
    return this.host.today();
  }

  // ---- initialization -------------------------------------------------------------------

  initialize(params: InitializeParams): void {
    this.client = features(params.capabilities ?? {});
    const opts = (params.initializationOptions ?? {}) as { locale?: unknown; settings?: unknown };
    const fromOptions = typeof opts.locale === 'string' ? opts.locale : undefined;
    this.editorLocale = resolveLocale(fromOptions ?? params.locale ?? undefined, 'fr');
    if (opts.settings && typeof opts.settings === 'object') this.globalSettings = opts.settings;
    const folders = params.workspaceFolders?.map((f) => this.fileOf(f.uri)) ?? [params.rootUri ? this.fileOf(params.rootUri) : this.host.kind === 'node' ? (params.rootPath ?? undefined) : undefined];
    this.folders = folders.filter((f): f is string => !!f);
  }

  /** After `initialized`: dynamic registrations the client accepts; the schema and catalogue are warmed up. */
  async initialized(): Promise<void> {
    setTimeout(() => this.guard('warm-up', () => warmUp()), 0);
    if (this.client.watchedFilesDynamic) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.ia.{yaml,yml}' }],
      });
    }
    if (this.client.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) =>
        this.guard('workspaceFolders', () => {
          const removed = new Set(e.removed.map((f) => this.fileOf(f.uri)));
          this.folders = this.folders.filter((f) => !removed.has(f));
          for (const f of e.added) {
            const p = this.fileOf(f.uri);
            if (p && !this.folders.includes(p)) this.folders.push(p);
          }
          this.disk.clear();
        }),
      );
    }
  }

  // ---- settings and catalogues ------------------------------------------------------------

  settingsFor(uri: string | undefined): Promise<Settings> {
    const key = uri ?? '';
    let p = this.settingsCache.get(key);
    if (!p) {
      p = this.fetchSettings(uri);
      this.settingsCache.set(key, p);
    }
    return p;
  }

  private async fetchSettings(uri: string | undefined): Promise<Settings> {
    if (!this.client.configuration) return sanitizeSettings(this.globalSettings);
    try {
      const raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return sanitizeSettings(raw ?? this.globalSettings);
    } catch (e) {
      this.connection.console.warn(`cadre-ia: workspace/configuration failed (${(e as Error).message}); default settings used`);
      return sanitizeSettings(this.globalSettings);
    }
  }

  localeOf(settings: Settings): Locale {
    return settings.locale === 'auto' ? this.editorLocale : settings.locale;
  }

  /** The folder of the workspace holding a document, or the first one. */
  folderOf(uri: string | undefined): string | undefined {
    const p = uri ? this.fileOf(uri) : undefined;
    if (p) {
      const inside = this.folders.filter((f) => this.host.contains(f, p)).sort((a, b) => b.length - a.length);
      if (inside.length) return inside[0];
    }
    return this.folders[0];
  }

  /**
   * The catalogue a document is checked against: the configured file (relative paths from the
   * document's workspace folder; `~` and `${workspaceFolder}` expanded) or the bundled one. A
   * configured file that cannot be used falls back to the bundled catalogue, and the user is
   * told once why. A catalogue is data: it is read and validated, never executed.
   */
  async catalogueFor(settings: Settings, uri: string | undefined): Promise<CatalogueChoice> {
    const bundledFile = this.host.bundledCatalogueFile();
    const configured = settings.catalogue;
    if (!configured) return { catalogue: bundledCatalogue(knownRuleIds()), file: bundledFile, bundled: true, frameworks: frameworkSet() };
    const file = this.host.resolveCatalogue(configured, this.folderOf(uri));
    const key = await this.host.catalogueKey(file);
    const cached = this.catalogues.get(file);
    if (cached && cached.key === key) return cached.choice;
    const load = await this.host.loadCatalogue(file, knownRuleIds());
    let choice: CatalogueChoice;
    if (load.catalogue) {
      choice = { catalogue: load.catalogue, file, bundled: false, frameworks: frameworkSet([load.catalogue]) };
    } else {
      const why = load.errors.join('; ');
      choice = { catalogue: bundledCatalogue(knownRuleIds()), file: bundledFile, bundled: true, fallbackReason: why, frameworks: frameworkSet() };
      const warnKey = `${file}|${why}`;
      if (!this.warned.has(warnKey)) {
        this.warned.add(warnKey);
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: t(MSG.badCatalogue, this.localeOf(settings), { file: configured, why }) });
      }
    }
    this.catalogues.set(file, { key, choice });
    this.watchCatalogue(file);
    return choice;
  }

  /** Asks the client to report changes of a configured catalogue file (inside the workspace or not). */
  private watchCatalogue(file: string): void {
    if (!this.client.watchedFilesDynamic || this.watchedCatalogues.has(file)) return;
    this.watchedCatalogues.add(file);
    void this.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: this.host.watchPattern(file) }] })
      .catch((e: unknown) => this.logError('watch catalogue', e));
  }

  /** Whether a file is a catalogue some document uses (for watched-file events). */
  isCatalogueFile(p: string): boolean {
    return this.catalogues.has(p);
  }

  // ---- analyses -----------------------------------------------------------------------------

  isDeclaration(doc: TextDocument): boolean {
    if (doc.languageId === 'declaration-ia') return true;
    const p = this.fileOf(doc.uri) ?? doc.uri.replace(/[?#].*$/, '');
    let name = p;
    try {
      name = decodeURIComponent(p);
    } catch {
      // A malformed escape: the raw name is tested.
    }
    return isDeclarationFile(name);
  }

  /**
   * Whether a document is a catalogue being written: language `catalogue-ia`, a file named
   * `*.catalogue.yaml` (or under `schemas/frameworks/`), or YAML that names the catalogue schema.
   */
  isCatalogue(doc: TextDocument): boolean {
    if (doc.languageId === 'catalogue-ia') return true;
    if (this.isDeclaration(doc)) return false;
    const p = this.fileOf(doc.uri) ?? doc.uri.replace(/[?#].*$/, '');
    let name = p;
    try {
      name = decodeURIComponent(p);
    } catch {
      // A malformed escape: the raw name is tested.
    }
    return isCatalogueFile(name) || (doc.languageId === 'yaml' && looksLikeCatalogue(doc.getText()));
  }

  /** The check of a catalogue document at its current version (computed once per version). */
  async checkCatalogue(doc: TextDocument): Promise<{ version: number; diagnostics: Diagnostic[]; locale: Locale }> {
    const hit = this.catalogueChecks.get(doc.uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit;
    const settings = await this.settingsFor(doc.uri);
    const locale = this.localeOf(settings);
    const c = { version: doc.version, generation: this.generation, locale, diagnostics: checkCatalogueText(doc.getText(), locale, this.fileOf(doc.uri) ?? doc.uri).diagnostics };
    this.catalogueChecks.set(doc.uri, c);
    return c;
  }

  /** The open document, or a client error for an unknown one. */
  document(uri: unknown): TextDocument {
    if (typeof uri !== 'string') throw new ClientError('textDocument.uri is missing');
    const doc = this.documents.get(uri);
    if (!doc) throw new ClientError(`unknown document: ${uri}`);
    return doc;
  }

  /** The cached analysis of a document at its current version, if any. */
  cached(doc: TextDocument): Analysis | undefined {
    const a = this.analyses.get(doc.uri);
    return a && a.version === doc.version && a.resultId.startsWith(`${this.generation}:`) ? a : undefined;
  }

  /** The analysis of an open document at its current version: computed once, then reused. */
  analyze(doc: TextDocument): Promise<Analysis> {
    const hit = this.cached(doc);
    if (hit) return Promise.resolve(hit);
    const key = `${doc.uri}|${doc.version}|${this.generation}`;
    const inflight = this.pending.get(key);
    if (inflight) return inflight;
    const generation = this.generation;
    const p = (async () => {
      const settings = await this.settingsFor(doc.uri);
      const a = await this.compute(doc.uri, doc.version, doc.getText(), settings, `${generation}:v${doc.version}`);
      // Keep it only if nothing newer replaced the document or the settings meanwhile.
      const current = this.documents.get(doc.uri);
      if (current && current.version === doc.version && generation === this.generation) this.analyses.set(doc.uri, a);
      return a;
    })().finally(() => this.pending.delete(key));
    this.pending.set(key, p);
    return p;
  }

  private async compute(uri: string, version: number | undefined, text: string, settings: Settings, resultId: string): Promise<Analysis> {
    const locale = this.localeOf(settings);
    const { catalogue, frameworks } = await this.catalogueFor(settings, uri);
    const parsed = parseDeclaration(text, { maxChars: settings.maxFileSize });
    // The document's `cadre:` picks its framework among the known ones.
    const result = lintParsed(parsed, { locale, catalogue, frameworks, severities: settings.rules, now: this.today(), maxChars: settings.maxFileSize });
    return { uri, version, text, result, settings, locale, catalogue: result.catalogue, frameworks, resultId, id: idEntry(this.fileOf(uri) ?? uri, parsed, result.catalogue.register_engagement) };
  }

  /** The analysis of a declaration on disk (unopened files of the workspace), cached by mtime and size. */
  async analyzeFile(file: string): Promise<Analysis | { uri: string; error: string }> {
    const uri = this.host.uriOf(file);
    // A file of a workspace folder takes the folder's settings: one workspace/configuration
    // round trip per folder rather than per file (1,000 of them for a 1,000-file workspace).
    const folder = this.folderOf(uri);
    const inFolder = folder !== undefined && this.host.contains(folder, file);
    const settings = await this.settingsFor(inFolder ? this.host.uriOf(folder) : uri);
    const stat = await this.host.fileKey(file);
    if ('error' in stat) return { uri, error: stat.error };
    const key = `${this.generation}:${stat.key}`;
    const hit = this.disk.get(file);
    if (hit && hit.key === key) return hit.analysis;
    const read = await this.host.readDeclaration(file, settings.maxFileSize * 3);
    const a = await this.compute(uri, undefined, 'text' in read ? read.text : '', settings, key);
    // Unreadable (too large on disk, not UTF-8, permission…): its one diagnostic says why, as in the CLI.
    if (!('text' in read))
      a.result = unreadableResult(read.error, read.detail, { locale: a.locale, catalogue: a.catalogue, severities: settings.rules, now: this.today(), maxChars: settings.maxFileSize });
    // Kept for verdicts and workspace diagnostics only, which read the diagnostics and verdicts:
    // without the syntax tree, the data and the text (~360 KB → ~10 KB for a 200-line file),
    // a 1,000-file workspace fits in the memory budget. `text` is '' for these analyses.
    a.result.parsed = withoutTree(a.result.parsed, { text: false, data: false });
    a.text = '';
    this.disk.set(file, { key, analysis: a });
    return a;
  }

  /**
   * Fills the cache of `analyzeFile` for many unopened files at once, through the host's
   * `lintMany` (worker threads on Node) when it has one: the workspace verdicts and diagnostics
   * call it before going through their files. The analyses are those `analyzeFile` would make
   * (same settings per folder, catalogue, cache key); files it leaves are analysed as before.
   */
  async prefetchFiles(files: string[]): Promise<void> {
    if (!this.host.lintMany) return;
    const groups = new Map<Settings, { uri: string; choice: CatalogueChoice; items: { file: string; uri: string; key: string }[] }>();
    for (const file of files) {
      if (this.openDocumentFor(file)) continue;
      const uri = this.host.uriOf(file);
      const folder = this.folderOf(uri);
      const inFolder = folder !== undefined && this.host.contains(folder, file);
      const settings = await this.settingsFor(inFolder ? this.host.uriOf(folder) : uri);
      const stat = await this.host.fileKey(file);
      if ('error' in stat) continue;
      const key = `${this.generation}:${stat.key}`;
      if (this.disk.get(file)?.key === key) continue;
      let g = groups.get(settings);
      if (!g) groups.set(settings, (g = { uri, choice: await this.catalogueFor(settings, uri), items: [] }));
      g.items.push({ file, uri, key });
    }
    for (const [settings, g] of groups) {
      const locale = this.localeOf(settings);
      const { catalogue, frameworks } = g.choice;
      // As compute() does: the document's `cadre:` picks its framework among the known ones.
      const options = { locale, catalogue, frameworks, severities: settings.rules, now: this.today(), maxChars: settings.maxFileSize };
      const done = await this.host.lintMany(
        g.items.map((i) => i.file),
        options,
      );
      if (!done) continue;
      g.items.forEach((item, k) => {
        const d = done[k];
        if (!d) return;
        d.result.parsed = withoutTree(d.result.parsed, { text: false, data: false });
        this.disk.set(item.file, {
          key: item.key,
          analysis: { uri: item.uri, version: undefined, text: '', result: d.result, settings, locale, catalogue: d.result.catalogue, frameworks, resultId: item.key, id: d.id },
        });
      });
    }
  }

  /** The open document whose file is `file`, if any (URIs may be spelled differently). */
  openDocumentFor(file: string): TextDocument | undefined {
    for (const doc of this.documents.all()) if (this.fileOf(doc.uri) === file) return doc;
    return undefined;
  }

  forgetFile(file: string): void {
    this.disk.delete(file);
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.catalogueChecks.delete(uri);
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.seqs.delete(uri);
  }

  // ---- validation and publication ----------------------------------------------------------

  /** Validates after the configured delay; a newer edit cancels the pending validation. */
  schedule(doc: TextDocument, immediate = false): void {
    if (!this.isDeclaration(doc) && !this.isCatalogue(doc)) return;
    const uri = doc.uri;
    const seq = (this.seqs.get(uri) ?? 0) + 1;
    this.seqs.set(uri, seq);
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    this.timers.delete(uri);
    const start = (delay: number) => {
      if (this.seqs.get(uri) !== seq || this.shuttingDown) return; // a newer edit took over
      this.timers.set(
        uri,
        setTimeout(() => {
          this.timers.delete(uri);
          if (this.seqs.get(uri) === seq) void this.validate(uri);
        }, delay),
      );
    };
    if (immediate) start(0);
    else
      void this.settingsFor(uri).then(
        (s) => start(s.debounceMs),
        () => start(DEFAULT_SETTINGS.debounceMs),
      );
  }

  /** Analyses the current version and publishes it, unless the document changed meanwhile. */
  async validate(uri: string): Promise<void> {
    await this.guardAsync('validate', async () => {
      const doc = this.documents.get(uri);
      if (!doc || this.shuttingDown) return;
      if (this.isCatalogue(doc)) {
        // A catalogue being written: its own diagnostics (schema, rules, options, fields).
        const c = await this.checkCatalogue(doc);
        if (!this.client.pullDiagnostics)
          void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: c.diagnostics.map((d) => toLspDiagnostic(d, uri, this.client, (f) => this.host.uriOf(f))) });
        return;
      }
      if (!this.isDeclaration(doc)) return;
      const a = await this.analyze(doc);
      const now = this.documents.get(uri);
      if (!now || now.version !== a.version) return; // outdated: a newer validation follows
      if (!this.client.pullDiagnostics) this.publish(a);
      void this.connection.sendNotification(VerdictsChangedNotification, { uri });
    });
  }

  publish(a: Analysis): void {
    void this.connection.sendDiagnostics({
      uri: a.uri,
      version: a.version,
      diagnostics: a.result.diagnostics.map((d) => toLspDiagnostic(d, a.uri, this.client, (f) => this.host.uriOf(f))),
    });
  }

  /** Settings or catalogue changed: forget everything computed and re-validate open documents. */
  revalidateAll(): void {
    this.generation++;
    this.settingsCache.clear();
    this.catalogues.clear();
    this.analyses.clear();
    this.disk.clear();
    for (const doc of this.documents.all()) this.schedule(doc, true);
    if (this.client.pullDiagnostics && this.client.diagnosticRefresh) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    if (this.client.codeLensRefresh) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  setGlobalSettings(settings: unknown): void {
    if (settings !== undefined) this.globalSettings = settings;
  }

  shutdown(): void {
    this.shuttingDown = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  // ---- robustness ----------------------------------------------------------------------------

  /** Runs a notification handler; an exception is logged, never thrown. */
  guard(name: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.logError(name, e);
    }
  }

  async guardAsync(name: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.logError(name, e);
    }
  }

  logError(name: string, e: unknown): void {
    this.connection.console.error(`cadre-ia: ${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }

  /**
   * Wraps a request handler: an exception becomes a ResponseError (logged when it is ours,
   * not the client's); the server keeps serving.
   */
  // biome-ignore lint/suspicious/noExplicitAny: each LSP request has its own error-data type (void, DiagnosticServerCancellationData…); one wrapper serves them all
  safe<P extends unknown[], R>(name: string, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R | ResponseError<any>> {
    return async (...args: P) => {
      // LSP: once `shutdown` is received, requests fail with InvalidRequest.
      if (this.shuttingDown) return new ResponseError(ErrorCodes.InvalidRequest, `cadre-ia: ${name}: the server is shutting down`);
      try {
        return await fn(...args);
      } catch (e) {
        if (e instanceof ResponseError) return e;
        if (e instanceof ClientError) return new ResponseError(e.code, `cadre-ia: ${name}: ${e.message}`);
        this.logError(name, e);
        return new ResponseError(ErrorCodes.InternalError, `cadre-ia: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
  }
}

/** Compiles the schema and loads the bundled catalogue and templates before the first document arrives. */
function warmUp(): void {
  declarationSchema();
  bundledCatalogue(knownRuleIds());
  loadTemplates();
}
