/**
 * A worker thread of `pool.ts` (bundled as `dist/lint-worker.js`): lints the files it is sent,
 * one batch at a time, with the options it was started with, and answers the results in the
 * order of the batch. Reads the package's data files itself (`installNodeResources`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultCatalogue, type LintOptions } from '../core/engine';
import { lintFileForList, type LintedFile } from './lintFiles';
import { installNodeResources } from './resources';
import type { PoolRequest, PoolResponse, PoolStart } from './pool';

installNodeResources();
const start = workerData as PoolStart;
const options: LintOptions = { ...start.options, catalogue: start.options.catalogue ?? defaultCatalogue() };

/** What crosses to the main thread: no class instances (the line index is rebuilt there), no catalogue (it has its own). */
function portable(d: LintedFile): LintedFile {
  const r = d.result.result;
  if (!r) return d;
  const { catalogue: _catalogue, ...rest } = r;
  const { lines: _lines, ...parsed } = r.parsed;
  return { ...d, result: { ...d.result, result: { ...rest, parsed } as never } };
}

parentPort?.on('message', (req: PoolRequest) => {
  let answer: PoolResponse;
  try {
    answer = { batch: req.batch, done: req.files.map((f) => portable(lintFileForList(f, options))) };
  } catch (e) {
    answer = { batch: req.batch, error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  parentPort?.postMessage(answer);
});
