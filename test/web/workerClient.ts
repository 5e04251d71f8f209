/**
 * A small LSP client for the browser server: `dist/web/server.js` runs in a Web Worker of a
 * headless Chromium page (playwright-core, Debian's /usr/bin/chromium); JSON-RPC messages go to
 * it with `worker.postMessage` and come back through the worker's `message` events, relayed to
 * this process by an exposed function. The server's file requests (shared/fsProtocol.ts) are
 * answered from this repository, under a virtual URI scheme (`vscode-test-web://mount/…`), as
 * the extension's client answers them through `vscode.workspace.fs`.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/lib/browser';
import { FindDeclarationsRequest, ReadFileRequest, SKIPPED_FOLDERS, StatRequest, type ReadFileResult, type StatResult } from '../../shared/fsProtocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const WEB_SERVER = path.join(ROOT, 'dist', 'web', 'server.js');

/** The virtual workspace: `vscode-test-web://mount/<path from the repository root>`. */
export const MOUNT = 'vscode-test-web://mount';

export function uriOf(rel: string): string {
  return `${MOUNT}/${rel.split(path.sep).map(encodeURIComponent).join('/')}`;
}

export function relOf(uri: string): string | undefined {
  if (!uri.startsWith(MOUNT + '/')) return undefined;
  try {
    return decodeURIComponent(uri.slice(MOUNT.length + 1))
      .split('/')
      .join(path.sep);
  } catch {
    return undefined;
  }
}

/** The file behind a URI, never outside the repository. */
function fileOf(uri: string): string | undefined {
  const rel = relOf(uri);
  if (rel === undefined) return undefined;
  const abs = path.resolve(ROOT, rel);
  return abs === ROOT || abs.startsWith(ROOT + path.sep) ? abs : undefined;
}

const DECLARATION_RE = /\.ia\.ya?ml$/i;

/** What the extension's client does with `vscode.workspace.fs` (client/src/workspaceFs.ts), on this repository. */
export const fsHandlers: Record<string, (params: never) => unknown> = {
  [FindDeclarationsRequest]: (params: { folder: string }) => {
    const dir = fileOf(params.folder);
    const out: string[] = [];
    const walk = (d: string, depth: number) => {
      if (depth > 40) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.includes(e.name) && !e.name.startsWith('.')) walk(p, depth + 1);
        } else if (e.isFile() && DECLARATION_RE.test(e.name)) out.push(uriOf(path.relative(ROOT, p)));
      }
    };
    if (dir) walk(dir, 0);
    return out.sort();
  },
  [StatRequest]: (params: { uri: string }): StatResult => {
    const f = fileOf(params.uri);
    if (!f) return { error: 'ENOENT' };
    try {
      const st = fs.statSync(f);
      return { mtime: st.mtimeMs, size: st.size, type: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other' };
    } catch (e) {
      return { error: (e as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  },
  [ReadFileRequest]: (params: { uri: string; maxBytes: number }): ReadFileResult => {
    const f = fileOf(params.uri);
    if (!f) return { error: 'ENOENT' };
    try {
      const st = fs.statSync(f);
      if (st.isDirectory()) return { error: 'EISDIR' };
      if (st.size > params.maxBytes) return { error: 'TOO_LARGE', detail: String(st.size) };
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(f));
      } catch {
        return { error: 'INVALID_UTF8' };
      }
      return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    } catch (e) {
      return { error: (e as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  },
};

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** The page: it only starts the worker and relays messages both ways. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>cadre-ia web worker</title><script>
window.worker = new Worker('/server.js');
window.worker.onmessage = (e) => window.fromWorker(e.data);
window.worker.onerror = (e) => window.fromWorker({ workerError: String(e.message || e) });
</script>`;

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  /** Notifications received (method, params), in order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Requests the server sent to the client (method), in order. */
  readonly serverRequests: string[] = [];
  readonly errors: string[] = [];
  /** Answers of `workspace/configuration` (one settings object per item). */
  settings: Record<string, unknown> = {};

  private constructor(
    private readonly httpServer: http.Server,
    private readonly context: BrowserContext,
    private readonly profile: string,
    readonly page: Page,
  ) {}

  /** Serves the page and the bundle on 127.0.0.1, opens them in headless Chromium, starts the worker. */
  static async start(): Promise<WorkerClient> {
    if (!fs.existsSync(WEB_SERVER)) throw new Error(`${path.relative(ROOT, WEB_SERVER)} is missing: run \`node scripts/build.mjs\` first`);
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash test/e2e/setup.sh\` (Debian's chromium)`);
    const bundle = fs.readFileSync(WEB_SERVER);
    const server = http.createServer((req, res) => {
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      else if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-web-chromium-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    const client = new WorkerClient(server, context, profile, page);
    page.on('pageerror', (e) => client.errors.push(`page: ${e.message}`));
    await page.exposeFunction('fromWorker', (m: unknown) => client.receive(m));
    await page.goto(`http://127.0.0.1:${port}/`);
    return client;
  }

  private post(m: Message): Promise<void> {
    return this.page.evaluate((msg) => (globalThis as unknown as { worker: { postMessage(m: unknown): void } }).worker.postMessage(msg), m as unknown as Record<string, unknown>);
  }

  private receive(raw: unknown): void {
    const m = raw as Message & { workerError?: string };
    if (m.workerError) {
      this.errors.push(`worker: ${m.workerError}`);
      return;
    }
    if (m.method !== undefined && m.id !== undefined) {
      this.serverRequests.push(m.method);
      void this.answer(m);
    } else if (m.method !== undefined) {
      this.notifications.push({ method: m.method, params: m.params });
    } else if (typeof m.id === 'number') {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(Object.assign(new Error(`${p.method}: ${m.error.message}`), { code: m.error.code }));
      else p.resolve(m.result);
    }
  }

  private async answer(m: Message): Promise<void> {
    let result: unknown = null;
    const fsHandler = fsHandlers[m.method!];
    if (fsHandler) result = fsHandler(m.params as never);
    else if (m.method === 'workspace/configuration') result = ((m.params as { items?: unknown[] })?.items ?? []).map(() => this.settings);
    await this.post({ jsonrpc: '2.0', id: m.id, result });
  }

  request<R = unknown>(method: string, params: unknown, timeoutMs = 60_000): Promise<R> {
    const id = this.nextId++;
    const p = new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      setTimeout(() => {
        if (this.pending.delete(id)) reject(new Error(`${method}: no answer from the worker after ${timeoutMs} ms (errors: ${this.errors.join('; ') || 'none'})`));
      }, timeoutMs).unref();
    });
    void this.post({ jsonrpc: '2.0', id, method, params });
    return p;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.post({ jsonrpc: '2.0', method, params });
  }

  async stop(): Promise<void> {
    try {
      await this.request('shutdown', null, 5000);
      await this.notify('exit', null);
    } catch {
      // A dead worker is stopped with its page.
    }
    await this.context.close().catch(() => undefined);
    fs.rmSync(this.profile, { recursive: true, force: true });
    await new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
  }
}
