/**
 * `lintPaths` over worker threads: the files of a folder are linted by `os.availableParallelism()`
 * threads — this one and workers (`lintWorker.ts`, bundled as `dist/lint-worker.js`) — in
 * batches handed out as threads free up; results come back in input order, and the check across
 * files runs here, as in `lintPaths`. (The server's workspace answers use workers alone:
 * `lintListOnWorkers`.) The output is the same as in-process (tested byte for
 * byte on the CLI's formats). Small lists stay in-process: starting a worker costs about as
 * much as linting `MIN_FILES_PER_WORKER` files (measured, see bench/README.md).
 *
 * `CADRE_IA_JOBS` sets the number of threads (1: in-process); an unusable worker (no bundle, a
 * crash) means the remaining files are linted in-process: the answer is the same, only slower.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Catalogue } from '../core/catalogue';
import { defaultCatalogue, frameworksOf, type LintOptions } from '../core/engine';
import { FrameworkSet } from '../core/framework';
import type { FileResult } from '../core/fileResult';
import { LineIndex } from '../core/positions';
import { findDeclarations } from './files';
import { finishList, lintFileForList, type LintedFile } from './lintFiles';

/**
 * Files per worker below which a worker costs more than it saves. Measured (bench/README.md):
 * a worker's start-up (its bundle, the schemas, the bundled catalogues) costs as much CPU as
 * linting 55–130 declarations of 200 lines; with two workers on two cores the wall time falls
 * only past about twice that many files.
 */
export const MIN_FILES_PER_WORKER = 64;
/** Files per message: enough to amortize the round trip, few enough to balance the load. */
const BATCH = 16;

/** What a worker starts with (`workerData`): the options without their class instances, and the frameworks as a list. */
export interface PoolStart {
  options: Omit<LintOptions, 'frameworks'>;
  frameworks: { catalogues: Catalogue[]; fallback: Catalogue };
  /** Send each result without its text and data (`withoutTree`): what the server keeps of an unopened file. */
  slim?: boolean;
}

/** How the pool runs, besides the lint options. */
export interface PoolOptions {
  /**
   * Results without their text and data (`withoutTree(…, { text: false, data: false })`): what
   * the server keeps of an unopened file: less to copy between threads, less for the main thread
   * to hold while the results arrive (measured on the bench's 1,000-file workspace: the server's
   * peak RSS fell from ~199 MB to ~171 MB).
   */
  slim?: boolean;
  /** V8 limits of each worker (`resourceLimits`), e.g. SERVER_WORKER_LIMITS. */
  resourceLimits?: ResourceLimits;
  /**
   * The calling thread lints batches too, between the workers' messages: one worker fewer to
   * start (its bundle, its catalogues, its cold code) for the same number of threads. The CLI
   * does; the server does not (its main thread keeps answering the editor, and its memory).
   */
  mainThread?: boolean;
}

/**
 * The language server's workers: a young generation of 4 MB instead of V8's default (up to
 * 48 MB). Measured on the bench's 1,000-file workspace (bench/README.md, third round): the
 * server's peak RSS falls from ~171 MB to ~146 MB (with slim results; 201 MB before either)
 * for the same wall time; it costs the CLI ~8–10 % more CPU, which is why the CLI keeps the
 * default. No old-generation limit: reaching it kills the worker (its files are then linted on
 * the main thread), and one declaration of 30,000 lines needs 64–128 MB.
 */
export const SERVER_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4 };

/** The options a worker lints with, rebuilt from what it started with (the same frameworks, in the same order). */
export function workerOptions(start: PoolStart): LintOptions {
  const frameworks = new FrameworkSet(start.frameworks.catalogues, start.frameworks.fallback);
  return { ...start.options, catalogue: start.options.catalogue ?? frameworks.fallback, frameworks };
}
export interface PoolRequest {
  batch: number;
  files: string[];
}
export type PoolResponse = { batch: number; done: LintedFile[] } | { batch: number; error: string };

/**
 * Threads for `files` files: `CADRE_IA_JOBS` when set (1: in-process), else the cores that are
 * free — `os.availableParallelism()` less the 1-minute load average (`load`), rounded, at least
 * one — at most one per MIN_FILES_PER_WORKER files. A worker pays for itself only on a core
 * nobody else uses: measured on 2 cores at a load average of 4–5 (bench/README.md, third
 * round), the 1,000-file workspace took 0.99 s in-process against 1.41 s on two threads for the
 * CLI, 1.25 s against 1.54 s for the server's verdicts; on an idle machine the threads win.
 */
export function threadsFor(files: number, env: NodeJS.ProcessEnv = process.env, load: number = os.loadavg()[0]): number {
  const asked = Number(env.CADRE_IA_JOBS);
  if (env.CADRE_IA_JOBS && Number.isInteger(asked) && asked >= 1) return Math.max(1, Math.min(asked, files));
  const cores = os.availableParallelism();
  const free = Math.max(1, Math.min(cores, Math.round(cores - (Number.isFinite(load) ? load : 0))));
  return Math.max(1, Math.min(free, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** How a worker is started: the bundled `lint-worker.js` next to this bundle, else the TypeScript source through tsx (tests, scripts). */
function workerScript(): { file: string; eval: boolean } | undefined {
  const bundled = path.join(__dirname, 'lint-worker.js');
  if (fs.existsSync(bundled)) return { file: bundled, eval: false };
  const source = path.join(__dirname, 'lintWorker.ts');
  if (fs.existsSync(source)) return { file: `require('tsx/cjs'); require(${JSON.stringify(source)});`, eval: true };
  return undefined;
}

/** What the last call did (tests and benchmarks read it): threads used (the calling one included when it lints too), files linted on workers and on the calling thread. */
export const poolStats = { threads: 0, filesOnWorkers: 0, filesOnMain: 0 };

/** Same results as `lintPaths(paths, options)`, linted on worker threads when the list is large enough. */
export async function lintPathsParallel(paths: string[], options: LintOptions = {}): Promise<FileResult[]> {
  const opts: LintOptions = { ...options, catalogue: options.catalogue ?? defaultCatalogue() };
  const found = findDeclarations(paths);
  const done: (LintedFile | undefined)[] = found.map((f) => (f.error ? { result: { file: f.file, ioError: f.error } } : undefined));
  const todo = found.flatMap((f, i) => (f.error ? [] : [i]));
  const linted = await lintListOnWorkers(
    todo.map((i) => found[i].file),
    opts,
    { mainThread: true },
  );
  for (const [k, i] of todo.entries()) done[i] = linted?.[k];
  // In-process: everything when no worker was used, and whatever a failed worker left.
  for (const i of todo) done[i] ??= lintFileForList(found[i].file, opts);
  return finishList(done as LintedFile[], opts);
}

/**
 * Lints a list of files on worker threads, each as `lintFileForList` would (no check across
 * files), in input order; `undefined` when the list is too small for more than one thread (or
 * no worker can start), and `undefined` entries for files a failed worker left.
 */
export async function lintListOnWorkers(files: string[], options: LintOptions, pool: PoolOptions = {}): Promise<(LintedFile | undefined)[] | undefined> {
  const withCatalogue: LintOptions = { ...options, catalogue: options.catalogue ?? defaultCatalogue() };
  const opts: LintOptions = { ...withCatalogue, frameworks: frameworksOf(withCatalogue) };
  const threads = threadsFor(files.length);
  const script = threads > 1 ? workerScript() : undefined;
  poolStats.threads = script ? threads : 0;
  poolStats.filesOnWorkers = 0;
  poolStats.filesOnMain = 0;
  if (!script) return undefined;
  const out: (LintedFile | undefined)[] = files.map(() => undefined);
  await onWorkers(script, threads, files, opts, pool, (k, d, local) => {
    out[k] = local ? d : rehydrate(d, opts);
    if (local) poolStats.filesOnMain++;
    else poolStats.filesOnWorkers++;
  });
  return out;
}

/** Back from a worker: the line index rebuilt, the catalogue (sent as its `cadre:`) this thread's own object. */
function rehydrate(d: LintedFile, options: LintOptions): LintedFile {
  const r = d.result.result as (NonNullable<LintedFile['result']['result']> & { cadre?: string }) | undefined;
  if (r) {
    const frameworks = frameworksOf(options);
    r.parsed.lines = new LineIndex(r.parsed.text);
    r.catalogue = (r.cadre !== undefined ? frameworks.get(r.cadre) : undefined) ?? frameworks.fallback;
    delete r.cadre;
  }
  return d;
}

function onWorkers(
  script: { file: string; eval: boolean },
  threads: number,
  files: string[],
  options: LintOptions,
  pool: PoolOptions,
  put: (k: number, d: LintedFile, local: boolean) => void,
): Promise<void> {
  const batches: number[] = [];
  for (let k = 0; k < files.length; k += BATCH) batches.push(k);
  let next = 0;
  const workers = pool.mainThread ? threads - 1 : threads;
  return new Promise((resolve) => {
    let running = threads;
    const finished = () => {
      if (--running === 0) resolve();
    };
    if (pool.mainThread) {
      // One batch at a time, then back to the event loop: the workers' results are taken and
      // their next batches sent between two of ours.
      const step = () => {
        if (next >= batches.length) return finished();
        const batch = next++;
        for (let k = batches[batch]; k < Math.min(batches[batch] + BATCH, files.length); k++) put(k, lintFileForList(files[k], options), true);
        setImmediate(step);
      };
      setImmediate(step);
    }
    for (let w = 0; w < workers; w++) {
      let worker: Worker;
      try {
        const set = frameworksOf(options);
        const { frameworks: _frameworks, ...plain } = options;
        const workerData: PoolStart = { options: plain, frameworks: { catalogues: set.all(), fallback: set.fallback }, slim: pool.slim };
        worker = new Worker(script.file, { eval: script.eval, resourceLimits: pool.resourceLimits, workerData });
      } catch {
        finished();
        continue;
      }
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        // Resolved once the thread is gone, its memory with it: the caller's next allocations
        // (the server's answer for the whole workspace) do not add up with the workers'.
        worker.terminate().then(finished, finished);
      };
      let inFlight = 0;
      const send = () => {
        if (next >= batches.length) return inFlight === 0 ? end() : undefined;
        const batch = next++;
        inFlight++;
        worker.postMessage({ batch, files: files.slice(batches[batch], batches[batch] + BATCH) } satisfies PoolRequest);
      };
      worker.on('message', (m: PoolResponse) => {
        inFlight--;
        if ('error' in m) return end(); // its batches are linted in-process afterwards
        for (const [j, d] of m.done.entries()) put(batches[m.batch] + j, d, false);
        send();
      });
      // A worker that fails (start-up, out of memory) stops taking batches; the others go on.
      worker.on('error', end);
      worker.on('exit', end);
      send();
      // When this thread lints too, it reads the workers' messages only between its batches:
      // one batch more in hand keeps a worker busy meanwhile.
      if (pool.mainThread) send();
    }
  });
}
