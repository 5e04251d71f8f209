import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCatalogue } from '../../server/src/core/engine';
import { commonFolder, handleReport, type ReportContext } from '../../server/src/lsp/handlers/report';
import { ClientError } from '../../server/src/lsp/server';
import { DECLS, NOW } from '../fixtures/report/support';

describe('report: the cadreIa/report request (handler)', () => {
  const ctx = (roots: string[] = [DECLS]): ReportContext => ({ locale: 'fr', catalogue: defaultCatalogue(), roots, now: NOW });
  const out = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-report-lsp-'));

  it('writes the four files of the workspace folders and returns the HTML to open', () => {
    const dir = out();
    const r = handleReport({ outDir: dir, year: 2026 }, ctx());
    assert.deepEqual(
      r.files.map((f) => path.basename(f)),
      ['bilan-2026.md', 'bilan-2026.html', 'registre-2026.csv', 'registre-2026-excel.csv', 'registre-2026.json', 'bilan-2026-revue.html', 'bilan-2026-revue.md'],
    );
    for (const f of r.files) assert.ok(fs.statSync(f).size > 0, f);
    assert.equal(r.html, path.join(dir, 'bilan-2026.html'));
    const md = fs.readFileSync(r.files[6], 'utf8');
    assert.match(md, /\(injection\.ia\.yaml\)/, 'the review names files relative to the folder read');
    assert.doesNotMatch(md, new RegExp(DECLS.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'no absolute path of the machine in the public report');
  });

  it('reads the roots the request names, instead of the workspace folders', () => {
    const r = handleReport({ outDir: out(), year: 2026, roots: [path.join(DECLS, 'tri-courriers.ia.yaml')] }, ctx([]));
    const csv = fs.readFileSync(r.files[2], 'utf8').trim().split('\n');
    assert.equal(csv.length, 2, 'header and one project');
  });

  const bad: [string, unknown, RegExp][] = [
    ['no parameters', null, /parameters are missing/],
    ['an empty outDir', { outDir: ' ', year: 2026 }, /outDir/],
    ['a year that is not an integer', { outDir: '/tmp/x', year: '2026' }, /year/],
    ['roots that are not paths', { outDir: '/tmp/x', year: 2026, roots: [1] }, /roots/],
  ];
  for (const [what, params, message] of bad) {
    it(`answers a client error for ${what}`, () => {
      assert.throws(
        () => handleReport(params as never, ctx()),
        (e: unknown) => e instanceof ClientError && message.test(e.message),
      );
    });
  }

  it('answers a client error when there is nothing to read or the folder cannot be written', () => {
    assert.throws(() => handleReport({ outDir: out(), year: 2026 }, ctx([])), /no workspace folder/);
    const blocker = path.join(out(), 'file');
    fs.writeFileSync(blocker, '');
    assert.throws(
      () => handleReport({ outDir: blocker, year: 2026 }, ctx()),
      (e: unknown) => e instanceof ClientError && /cannot write/.test(e.message),
    );
  });

  it('commonFolder()', () => {
    assert.equal(commonFolder(['/a/b/c', '/a/b/d/e']), '/a/b');
    assert.equal(commonFolder(['/a/b']), '/a/b');
    assert.equal(commonFolder(['/x', '/y']), '/');
    assert.equal(commonFolder([]), undefined);
  });
});
