/**
 * A minimal LSP client over stdio for the benchmarks: Content-Length framing, requests,
 * notifications, answers to the server's own requests, and waiting for `publishDiagnostics`.
 * Deliberately tiny (no vscode-jsonrpc) so both servers pay the same, small client cost.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface PublishDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code?: string | number; message: string; range: unknown; severity?: number; source?: string }[];
}

export interface SpawnOptions {
  /** The Node binary (process.execPath by default). */
  node?: string;
  /** Node flags and script, then the script's arguments. */
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Answers the server's requests (workspace/configuration…); `null` by default. */
  onRequest?: (method: string, params: unknown) => unknown;
  /** Name used in error messages. */
  name: string;
}

/** Reads VmHWM (peak resident set size) of a process, in bytes; undefined when unreadable. */
export function peakRss(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

let clockTicks: number | undefined;

/**
 * CPU time (user + system) a process has used so far, in ms; undefined when unreadable. Less
 * sensitive than wall time to other processes competing for the cores (not immune: caches).
 */
export function cpuTime(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly name: string;
  /** When the process was spawned (performance.now()). */
  readonly spawnedAt: number;
  private buf: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private diagWaiters: { uri: string; accept: (p: PublishDiagnostics) => boolean; resolve: (p: PublishDiagnostics & { at: number }) => void }[] = [];
  private notificationListeners: ((m: Message, at: number) => void)[] = [];
  private onRequest: (method: string, params: unknown) => unknown;
  private exited = false;
  stderr = '';
  /** The last diagnostics received per uri. */
  readonly lastDiagnostics = new Map<string, PublishDiagnostics>();

  constructor(options: SpawnOptions) {
    this.name = options.name;
    this.onRequest = options.onRequest ?? (() => null);
    this.spawnedAt = performance.now();
    this.proc = spawn(options.node ?? process.execPath, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 64 * 1024) this.stderr += chunk.toString('utf8');
    });
    this.proc.on('exit', (code, signal) => {
      this.exited = true;
      const err = new Error(`${this.name} exited (code ${code}, signal ${signal})${this.stderr ? ': ' + this.stderr.slice(-2000) : ''}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
    this.proc.stdin!.on('error', () => {
      /* the exit handler reports it */
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  private onData(chunk: Buffer): void {
    const at = performance.now();
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`${this.name}: bad header ${header}`);
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(JSON.parse(body) as Message, at);
    }
  }

  private dispatch(msg: Message, at: number): void {
    if (msg.method !== undefined && msg.id !== undefined) {
      // A request from the server.
      let result: unknown = null;
      try {
        result = this.onRequest(msg.method, msg.params);
      } catch {
        result = null;
      }
      this.write({ jsonrpc: '2.0', id: msg.id, result: result === undefined ? null : result });
      return;
    }
    if (msg.method !== undefined) {
      if (msg.method === 'textDocument/publishDiagnostics') {
        const p = msg.params as PublishDiagnostics;
        this.lastDiagnostics.set(p.uri, p);
        const i = this.diagWaiters.findIndex((w) => w.uri === p.uri && w.accept(p));
        if (i >= 0) {
          const [w] = this.diagWaiters.splice(i, 1);
          w.resolve({ ...p, at });
        }
      }
      for (const l of this.notificationListeners) l(msg, at);
      return;
    }
    const p = typeof msg.id === 'number' ? this.pending.get(msg.id) : undefined;
    if (!p) return;
    this.pending.delete(msg.id as number);
    if (msg.error) p.reject(new Error(`${this.name}: ${p.method} failed: ${msg.error.message}`));
    else p.resolve(msg.result);
  }

  private write(msg: Message): void {
    if (this.exited) throw new Error(`${this.name} has exited${this.stderr ? ': ' + this.stderr.slice(-2000) : ''}`);
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${method} timed out after ${timeoutMs} ms${this.stderr ? '; stderr: ' + this.stderr.slice(-1000) : ''}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  onNotification(listener: (m: Message, at: number) => void): void {
    this.notificationListeners.push(listener);
  }

  /**
   * Resolves with the next `publishDiagnostics` for `uri` that `accept` takes (with the
   * performance.now() of its arrival). Register it BEFORE sending what triggers it.
   */
  waitDiagnostics(uri: string, accept: (p: PublishDiagnostics) => boolean = () => true, timeoutMs = 60_000): Promise<PublishDiagnostics & { at: number }> {
    return new Promise((resolve, reject) => {
      const w = {
        uri,
        accept,
        resolve: (p: PublishDiagnostics & { at: number }) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        const i = this.diagWaiters.indexOf(w);
        if (i >= 0) this.diagWaiters.splice(i, 1);
        reject(new Error(`${this.name}: no diagnostics for ${uri} within ${timeoutMs} ms${this.stderr ? '; stderr: ' + this.stderr.slice(-1000) : ''}`));
      }, timeoutMs);
      this.diagWaiters.push(w);
    });
  }

  /** shutdown + exit; kills the process if it does not leave within `graceMs`. */
  async stop(graceMs = 2_000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, graceMs);
      this.notify('exit', null);
    } catch {
      // already gone or stuck: killed below
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }
}
