/**
 * A small probe for start-up and memory, to compare server bundles side by side in one run
 * (the full bench measures one build): for each `dist/` folder given, alternating,
 *
 * - cold start: spawn → `initialize` result, and spawn → first `publishDiagnostics` of the
 *   200-line declaration opened right after `initialized` (wall, and the server's CPU time at
 *   those moments: /proc ticks of 10 ms);
 * - workspace (`--workspace`): a server initialized on the 1,000-file folder, `cadreIa/verdicts`
 *   with no uri: wall time, and the server's peak RSS (VmHWM) at the end.
 *
 *   npx tsx bench/probe.ts [--runs N] [--workspace] [--ws-runs N] DIST_DIR...
 *
 * Medians are printed. The corpus must exist (`npx tsx bench/generate.ts`).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as fs from 'node:fs';
import { GENERATOR_VERSION, sizeFileName } from './generate';
import { cpuTime, LspClient, peakRss } from './lsp-client';

const CORPUS = path.join(__dirname, '.cache', `corpus-v${GENERATOR_VERSION}`);
const SETTINGS = { locale: 'fr', catalogue: '', rules: {}, debounceMs: 0, maxFileSize: 5 * 1024 * 1024, codeLens: true };

function spawn(dist: string): LspClient {
  return new LspClient({
    name: dist,
    args: [path.join(dist, 'server.js'), '--stdio'],
    onRequest: (method, params) => (method === 'workspace/configuration' ? ((params as { items?: unknown[] }).items ?? []).map(() => SETTINGS) : null),
  });
}

function initParams(folder?: string) {
  return {
    processId: process.pid,
    locale: 'fr',
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true, workspaceFolders: !!folder } },
    initializationOptions: { locale: 'fr', settings: SETTINGS },
  };
}

interface Cold {
  init: number;
  diags: number;
  cpuInit?: number;
  cpuDiags?: number;
}

async function coldStart(dist: string, text: string, n: number): Promise<Cold> {
  const c = spawn(dist);
  try {
    await c.request('initialize', initParams());
    const init = performance.now() - c.spawnedAt;
    const cpuInit = cpuTime(c.pid);
    c.notify('initialized', {});
    const uri = pathToFileURL(path.join(os.tmpdir(), 'cadre-ia-probe', String(n), 'declaration-200.ia.yaml')).href;
    const wait = c.waitDiagnostics(uri);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'declaration-ia', version: 1, text } });
    const d = await wait;
    return { init, diags: d.at - c.spawnedAt, cpuInit, cpuDiags: cpuTime(c.pid) };
  } finally {
    await c.stop();
  }
}

async function workspace(dist: string, folder: string): Promise<{ ms: number; rss?: number; documents: number }> {
  const c = spawn(dist);
  try {
    await c.request('initialize', initParams(folder));
    c.notify('initialized', {});
    const t0 = performance.now();
    const r = await c.request<{ documents: unknown[] }>('cadreIa/verdicts', {}, 300_000);
    return { ms: performance.now() - t0, rss: peakRss(c.pid), documents: r.documents.length };
  } finally {
    await c.stop();
  }
}

function median(xs: (number | undefined)[]): number | undefined {
  const v = xs.filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const f = (x: number | undefined, unit = 'ms') => (x === undefined ? '—' : `${x.toFixed(0)} ${unit}`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let runs = 9;
  let wsRuns = 1;
  let ws = false;
  const dists: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--ws-runs') wsRuns = Number(argv[++i]);
    else if (argv[i] === '--workspace') ws = true;
    else dists.push(path.resolve(argv[i]));
  }
  if (!dists.length) dists.push(path.join(__dirname, '..', 'dist'));
  const text = fs.readFileSync(path.join(CORPUS, sizeFileName(200)), 'utf8');
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const cold = new Map<string, Cold[]>(dists.map((d) => [d, []]));
  for (const d of dists) await coldStart(d, text, -1); // warm the disk cache, not counted
  for (let r = 0; r < runs; r++) {
    for (const d of r % 2 ? [...dists].reverse() : dists) cold.get(d)!.push(await coldStart(d, text, r));
  }
  for (const d of dists) {
    const s = cold.get(d)!;
    console.log(
      `${path.relative(process.cwd(), d) || '.'}: spawn → initialize ${f(median(s.map((x) => x.init)))} (CPU ${f(median(s.map((x) => x.cpuInit)))}); ` +
        `spawn → first diagnostics ${f(median(s.map((x) => x.diags)))} (CPU ${f(median(s.map((x) => x.cpuDiags)))}); ${runs} runs, medians`,
    );
  }
  if (ws) {
    const folder = path.join(CORPUS, 'workspace-1000');
    const out = new Map<string, { ms: number; rss?: number; documents: number }[]>(dists.map((d) => [d, []]));
    for (let r = 0; r < wsRuns; r++) {
      for (const d of r % 2 ? [...dists].reverse() : dists) out.get(d)!.push(await workspace(d, folder));
    }
    for (const d of dists) {
      const s = out.get(d)!;
      console.log(
        `${path.relative(process.cwd(), d) || '.'}: workspace verdicts ${f(median(s.map((x) => x.ms)))}, peak RSS ${f(median(s.map((x) => (x.rss === undefined ? undefined : x.rss / 1024 / 1024))), 'MB')} (max ${f(Math.max(...s.map((x) => (x.rss ?? 0) / 1024 / 1024)), 'MB')}), ${s[0].documents} documents; ${wsRuns} runs`,
      );
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
