/**
 * A worker thread of `pool.ts` (bundled as `dist/lint-worker.js`): lints the files it is sent,
 * one batch at a time, with the options it was started with, and answers the results in the
 * order of the batch. Reads the package's data files itself (`installNodeResources`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cadreId } from '../core/catalogue';
import { withoutTree } from '../core/parse';
import { lintFileForList, type LintedFile } from './lintFiles';
import { installNodeResources } from './resources';
import { workerOptions, type PoolRequest, type PoolResponse, type PoolStart } from './pool';

installNodeResources();
const start = workerData as PoolStart;
const options = workerOptions(start);

/** What crosses to the main thread: no class instances (the line index is rebuilt there), the catalogue as its `cadre:` (the main thread has the same ones). */
function portable(d: LintedFile): LintedFile {
  const r = d.result.result;
  if (!r) return d;
  const { catalogue, ...rest } = r;
  const { lines: _lines, ...parsed } = start.slim ? withoutTree(r.parsed, { text: false, data: false }) : r.parsed;
  return { ...d, result: { ...d.result, result: { ...rest, parsed, cadre: cadreId(catalogue) } as never } };
}

parentPort?.on('message', (req: PoolRequest) => {
  let answer: PoolResponse;
  try {
    answer = { batch: req.batch, done: req.files.map((f) => portable(lintFileForList(f, options))) };
  } catch (e) {
    answer = { batch: req.batch, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort?.postMessage(answer);
});
