/**
 * The worker-thread pool (`server/src/node/pool.ts`) gives what `lintPaths` gives, in the same
 * order, on the examples, the fixtures and a generated folder with cross-file duplicates and
 * unreadable files; small lists stay in-process. (The built CLI's output, byte for byte:
 * test/cli/pool.test.ts.) Workers run the TypeScript source here, through tsx.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withoutTree } from '../../server/src/core/parse';
import { findDeclarations } from '../../server/src/node/files';
import { lintFileForList, lintPaths } from '../../server/src/node/lintFiles';
import { lintListOnWorkers, lintPathsParallel, MIN_FILES_PER_WORKER, poolStats, SERVER_WORKER_LIMITS, threadsFor } from '../../server/src/node/pool';
import { makeFolder } from '../helpers/poolFolder';
import { FIXED_NOW } from './fixture-expectations';

const ROOT = path.join(__dirname, '..', '..');

/** Results as data (what any output format reads), with positions computed through the line index. */
function snapshot(results: ReturnType<typeof lintPaths>): string {
  return JSON.stringify(
    results.map((r) => ({
      file: r.file,
      ioError: r.ioError,
      diagnostics: r.result?.diagnostics,
      verdicts: r.result?.verdicts,
      engagements: r.result?.engagements,
      provisional: r.result?.provisional,
      value: r.result?.parsed.value,
      problems: r.result?.parsed.problems,
      index: r.result ? [...r.result.parsed.index] : undefined,
      lastLine: r.result?.parsed.lines.positionAt(r.result.parsed.text.length),
      catalogue: r.result?.catalogue.id,
    })),
  );
}

describe('worker-thread pool (lintPathsParallel)', function () {
  this.timeout(300_000);
  const saved = process.env.CADRE_IA_JOBS;
  let folder: string;
  before(() => {
    folder = makeFolder(97);
  });
  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
    if (saved === undefined) delete process.env.CADRE_IA_JOBS;
    else process.env.CADRE_IA_JOBS = saved;
  });

  it('threads: CADRE_IA_JOBS when set, else one per MIN_FILES_PER_WORKER files up to the free cores', () => {
    const cores = os.availableParallelism();
    assert.equal(threadsFor(5, { CADRE_IA_JOBS: '3' }, cores + 5), 3, 'CADRE_IA_JOBS whatever the load');
    assert.equal(threadsFor(2, { CADRE_IA_JOBS: '3' }), 2);
    assert.equal(threadsFor(500, { CADRE_IA_JOBS: '1' }, 0), 1);
    assert.equal(threadsFor(MIN_FILES_PER_WORKER - 1, {}, 0), 1);
    assert.equal(threadsFor(2 * MIN_FILES_PER_WORKER, {}, 0), Math.min(2, cores));
    assert.equal(threadsFor(100_000, { CADRE_IA_JOBS: 'beaucoup' }, 0), cores, 'an idle machine: every core');
    assert.equal(threadsFor(100_000, {}, cores + 2), 1, 'every core busy: in-process');
    assert.equal(threadsFor(100_000, {}, cores - 1), 1, 'one core free: in-process');
    if (cores >= 2) assert.equal(threadsFor(100_000, {}, 0.4), cores, 'a little load: every core');
    assert.equal(threadsFor(100_000, {}, Number.NaN), cores, 'no load average (Windows gives 0s): every core');
  });

  for (const jobs of ['2', '3']) {
    it(`${jobs} threads (this one and ${Number(jobs) - 1} worker${jobs === '2' ? '' : 's'}): the same results as in-process, in the same order (${jobs === '2' ? 'fr and en' : 'en'})`, async () => {
      for (const locale of jobs === '2' ? (['fr', 'en'] as const) : (['en'] as const)) {
        const options = { locale, now: FIXED_NOW };
        const reference = snapshot(lintPaths([folder], options));
        process.env.CADRE_IA_JOBS = jobs;
        const parallel = await lintPathsParallel([folder], options);
        assert.equal(poolStats.threads, Number(jobs));
        // This thread lints batches too, while the workers start: how the files split varies.
        assert.equal(poolStats.filesOnWorkers + poolStats.filesOnMain, parallel.filter((r) => !r.ioError).length);
        assert.ok(poolStats.filesOnMain > 0, 'the calling thread took batches');
        assert.ok(reference.includes('projet-id-duplique'), 'the folder has duplicate ids across files');
        assert.equal(snapshot(parallel), reference);
      }
    });
  }

  it('examples and a mix of paths (a file, a folder, a missing path): same results', async () => {
    const paths = [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'fixtures', 'rules'), path.join(ROOT, 'absent.ia.yaml')];
    const reference = snapshot(lintPaths(paths, { now: FIXED_NOW }));
    process.env.CADRE_IA_JOBS = '2';
    assert.equal(snapshot(await lintPathsParallel(paths, { now: FIXED_NOW })), reference);
    assert.ok(poolStats.filesOnWorkers + poolStats.filesOnMain > 10);
  });

  it('workers alone (the calling thread lints nothing): every file on them, the same results as in-process', async () => {
    const options = { locale: 'en' as const, now: FIXED_NOW };
    const files = findDeclarations([folder]).flatMap((f) => (f.error ? [] : [f.file]));
    const reference = files.map((f) => lintFileForList(f, options));
    process.env.CADRE_IA_JOBS = '2';
    const done = await lintListOnWorkers(files, options);
    assert.ok(done, 'the list went to the workers');
    assert.equal(poolStats.filesOnWorkers, files.length);
    assert.equal(poolStats.filesOnMain, 0);
    assert.equal(snapshot(done.map((d) => d!.result)), snapshot(reference.map((d) => d.result)));
    assert.deepEqual(
      done.map((d) => d!.id),
      reference.map((d) => d.id),
    );
  });

  it("the server's way (slim results, SERVER_WORKER_LIMITS): what the server keeps of each file, as in-process", async () => {
    const options = { now: FIXED_NOW };
    const files = findDeclarations([folder]).flatMap((f) => (f.error ? [] : [f.file]));
    const slimmed = (d: ReturnType<typeof lintFileForList>) => {
      const r = d.result.result;
      return r ? { ...d, result: { ...d.result, result: { ...r, parsed: withoutTree(r.parsed, { text: false, data: false }) } } } : d;
    };
    const reference = files.map((f) => slimmed(lintFileForList(f, options)));
    process.env.CADRE_IA_JOBS = '2';
    const done = await lintListOnWorkers(files, options, { slim: true, resourceLimits: SERVER_WORKER_LIMITS });
    assert.ok(done, 'the list went to the workers');
    assert.equal(poolStats.filesOnWorkers, files.length);
    const linted = done.map((d) => d!);
    for (const d of linted) {
      assert.equal(d.result.result?.parsed.text, '', 'no text crosses back');
      assert.equal(d.result.result?.parsed.value, undefined, 'no data crosses back');
    }
    assert.equal(snapshot(linted.map((d) => d.result)), snapshot(reference.map((d) => d.result)));
    assert.deepEqual(
      linted.map((d) => d.id),
      reference.map((d) => d.id),
    );
  });

  it('a small list stays in-process', async () => {
    delete process.env.CADRE_IA_JOBS;
    const r = await lintPathsParallel([path.join(ROOT, 'examples')], { now: FIXED_NOW });
    assert.ok(r.length > 0 && r.length < 2 * MIN_FILES_PER_WORKER);
    assert.equal(poolStats.threads, 0);
    assert.equal(poolStats.filesOnWorkers, 0);
    assert.equal(poolStats.filesOnMain, 0);
  });
});
