/**
 * The built CLI (bin/cadre-ia.js → dist/cli.js, workers in dist/lint-worker.js) says the same
 * thing, byte for byte, whether it lints a folder on worker threads or in-process
 * (`CADRE_IA_JOBS=1`): every output format, both locales, exit status. Run `npm run build` first.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { frameworkSet } from '../../server/src/core/framework';
import { makeFolder } from '../helpers/poolFolder';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'cadre-ia.js');
const WORKER = path.join(ROOT, 'dist', 'lint-worker.js');

function run(args: string[], jobs: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CADRE_IA_JOBS: jobs, CADRE_IA_DATE: '2026-06-15', NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI on worker threads: byte-identical to in-process', function () {
  this.timeout(300_000);
  let folder: string;
  before(() => {
    folder = makeFolder(150);
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('the bundled worker answers a batch', async () => {
    assert.ok(fs.existsSync(WORKER), 'dist/lint-worker.js is missing: run npm run build');
    const set = frameworkSet();
    const w = new Worker(WORKER, { workerData: { options: { locale: 'fr' }, frameworks: { catalogues: set.all(), fallback: set.fallback } } });
    try {
      const answer = await new Promise<{ batch: number; done: { result: { file: string; result?: { diagnostics: unknown[] } } }[] }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
        w.postMessage({ batch: 7, files: [path.join(ROOT, 'examples', fs.readdirSync(path.join(ROOT, 'examples')).find((f) => f.endsWith('.ia.yaml'))!)] });
      });
      assert.equal(answer.batch, 7);
      assert.equal(answer.done.length, 1);
      assert.ok(Array.isArray(answer.done[0].result.result?.diagnostics));
    } finally {
      await w.terminate();
    }
  });

  for (const args of [
    ['--format', 'json'],
    ['--format', 'text'],
    ['--format', 'sarif', '--locale', 'en'],
    ['--format', 'gitlab'],
  ]) {
    it(`lint <folder> ${args.join(' ')}`, () => {
      const one = run(['lint', folder, ...args], '1');
      const two = run(['lint', folder, ...args], '2');
      assert.ok(one.stdout.length > 1000, one.stderr);
      assert.ok(one.stdout.includes('projet-id-duplique'), 'the folder has duplicate ids across files');
      assert.equal(two.status, one.status);
      assert.equal(two.stderr, one.stderr);
      assert.equal(two.stdout, one.stdout);
    });
  }
});
