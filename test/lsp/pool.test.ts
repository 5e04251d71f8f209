/**
 * The server's workspace verdicts and workspace diagnostics on worker threads (`prefetchFiles`
 * → `nodeHost.lintMany` → `server/src/node/pool.ts`) equal those of a server that lints the
 * files one by one (`CADRE_IA_JOBS=1`), on a generated folder with duplicate ids and unreadable
 * files and one open document. Runs the built server (dist/server.js, dist/lint-worker.js).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeFolder } from '../helpers/poolFolder';
import { TestClient, uri } from './helper';

async function workspaceAnswers(folder: string, jobs: string, open: string): Promise<{ verdicts: string; diagnostics: string }> {
  const c = await TestClient.start({ folders: [folder], env: { CADRE_IA_JOBS: jobs } });
  try {
    await c.open(uri(open), fs.readFileSync(open, 'utf8'), 1);
    const verdicts = JSON.stringify(await c.request('cadreIa/verdicts', {}));
    const report = await c.request<{ items: { uri: string }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const diagnostics = JSON.stringify([...report.items].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)));
    return { verdicts, diagnostics };
  } finally {
    await c.stop();
  }
}

describe('server: workspace answers on worker threads', function () {
  this.timeout(300_000);
  let folder: string;
  before(() => {
    folder = makeFolder(130);
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('cadreIa/verdicts and workspace/diagnostic: the same with 2 workers as one by one', async () => {
    const open = path.join(folder, 'd0', fs.readdirSync(path.join(folder, 'd0')).sort()[0]);
    const one = await workspaceAnswers(folder, '1', open);
    const two = await workspaceAnswers(folder, '2', open);
    assert.ok(one.verdicts.length > 10_000 && one.diagnostics.includes('projet-id-duplique'), 'the folder gives a substantial answer, with duplicates');
    assert.equal(two.verdicts, one.verdicts);
    assert.equal(two.diagnostics, one.diagnostics);
  });
});
