/**
 * A minimal LSP client for protocol-level tests: spawns the built server (`node dist/server.js
 * --stdio`), speaks JSON-RPC with vscode-jsonrpc, answers the server's requests
 * (workspace/configuration, client/registerCapability…), and records what it publishes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

/** Everything a capable client (VS Code-like) announces. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: false },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    diagnostics: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: {
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertTextModeSupport: { valueSet: [1, 2] } },
      contextSupport: true,
    },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      resolveSupport: { properties: ['edit'] },
      isPreferredSupport: true,
      dataSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
    documentLink: {},
    codeLens: {},
  },
  window: { showMessage: {} },
  general: { positionEncodings: ['utf-16'] },
};

/** FULL_CAPABILITIES plus pull diagnostics. */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  textDocument: { ...FULL_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

/** What a bare client announces: no configuration, no pull, no resolve, no snippets, plain text. */
export const MINIMAL_CAPABILITIES: ClientCapabilities = {};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  locale?: string;
  /** Workspace folders (file-system paths). */
  folders?: string[];
  /** `cadreIa` settings answered to workspace/configuration (per scope URI when a function). */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>);
  env?: NodeJS.ProcessEnv;
  /** Command to run instead of `node dist/server.js --stdio`. */
  command?: string[];
}

type Waiter = { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

const running = new Set<ChildProcess>();

// A test that fails half-way must not leave its server running (mocha would wait for it).
if (typeof after === 'function') {
  after(() => {
    for (const p of running) p.kill('SIGKILL');
    running.clear();
  });
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly registrations: unknown[] = [];
  configurationRequests = 0;
  refreshRequests = 0;
  stderr = '';
  initializeResult?: InitializeResult;
  settings: StartOptions['settings'];
  private waiters: Waiter[] = [];
  private noteWaiters: { method: string; pred: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  private exited: Promise<number | null>;

  constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings;
    running.add(proc);
    this.exited = new Promise((resolve) =>
      proc.on('exit', (code) => {
        running.delete(proc);
        resolve(code);
      }),
    );
    proc.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
    });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p);
    });
    conn.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.noteWaiters = this.noteWaiters.filter((w) => {
        if (w.method !== method || !w.pred(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests++;
      return p.items.map((item) => (typeof this.settings === 'function' ? this.settings(item.scopeUri) : (this.settings ?? {})));
    });
    conn.onRequest('client/registerCapability', (p: unknown) => {
      this.registrations.push(p);
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      return null;
    });
    conn.onRequest('workspace/codeLens/refresh', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('window/showMessageRequest', () => null);
    conn.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`node scripts/build.mjs\` first`);
    const cmd = options.command ?? [process.execPath, SERVER, '--stdio'];
    const proc = spawn(cmd[0], cmd.slice(1), { cwd: ROOT, env: { ...process.env, CADRE_IA_DATE: '2026-06-01', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, conn, options);
    const folders = options.folders ?? [];
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'cadre-ia-tests' },
      locale: options.locale,
      rootUri: folders[0] ? uri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uri(f), name: path.basename(f) })),
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  open(docUri: string, text: string, version = 1, languageId = 'declaration-ia'): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri: docUri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-document change event). */
  change(docUri: string, version: number, text: string): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri: docUri, version }, contentChanges: [{ text }] });
  }

  close(docUri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri: docUri } });
  }

  /** The next publishDiagnostics for a URI that satisfies `pred` (already received ones count). */
  diagnostics(docUri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const ok = (p: PublishDiagnosticsParams) => p.uri === docUri && pred(p);
    const already = [...this.published].reverse().find(ok);
    if (already) return Promise.resolve(already);
    return withTimeout(new Promise((resolve) => this.waiters.push({ pred: ok, resolve })), timeoutMs, `publishDiagnostics for ${docUri}`);
  }

  /** The next notification `method` whose params satisfy `pred`. */
  notification<T = unknown>(method: string, pred: (p: T) => boolean = () => true, timeoutMs = 10_000): Promise<T> {
    return withTimeout(new Promise<T>((resolve) => this.noteWaiters.push({ method, pred: pred as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void })), timeoutMs, method);
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    try {
      await withTimeout(this.conn.sendRequest('shutdown'), 5000, 'shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await withTimeout(this.exited, 5000, 'exit').catch(() => {
      this.proc.kill('SIGKILL');
      return null;
    });
    this.conn.dispose();
    return code;
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).href;
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function codes(diags: Diagnostic[]): string[] {
  return [...new Set(diags.map((d) => String(d.code)))].sort();
}

/**
 * A fixture with one `|` cursor marker (outside `#` comment lines, where expectations may
 * contain `|`): the text without it, and the cursor position.
 */
export function withCursor(source: string): { text: string; position: { line: number; character: number } } {
  const lines = source.split('\n');
  const marks: { line: number; character: number }[] = [];
  lines.forEach((l, i) => {
    if (/^\s*#/.test(l)) return;
    for (let c = l.indexOf('|'); c >= 0; c = l.indexOf('|', c + 1)) marks.push({ line: i, character: c });
  });
  if (marks.length !== 1) throw new Error(`a fixture needs exactly one \`|\` cursor marker outside comments (found ${marks.length})`);
  const [position] = marks;
  lines[position.line] = lines[position.line].slice(0, position.character) + lines[position.line].slice(position.character + 1);
  return { text: lines.join('\n'), position };
}

/** Expectation comments of a fixture: `# key: value` lines, by key. */
export function expectations(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/^#\s*([\w-]+):\s?(.*)$/gm)) {
    const list = out.get(m[1]) ?? [];
    list.push(m[2].trim());
    out.set(m[1], list);
  }
  return out;
}

export function tmpDir(prefix = 'cadre-ia-lsp-'): string {
  return fs.mkdtempSync(path.join(require('node:os').tmpdir(), prefix));
}
