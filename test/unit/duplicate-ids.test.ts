import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DUPLICATE_ID } from '../../server/src/core/crossFile';
import { defaultCatalogue } from '../../server/src/core/engine';
import { lintPaths } from '../../server/src/node/lintFiles';
import { collectReport } from '../../server/src/node/report';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = path.join(ROOT, 'examples', 'tri-courrier-entrant.ia.yaml');

describe('duplicate projet.id across files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-dup-'));
  fs.copyFileSync(SOURCE, path.join(dir, 'a.ia.yaml'));
  fs.copyFileSync(SOURCE, path.join(dir, 'b.ia.yaml'));

  it('lint on a folder: an error on both files, each pointing at the other', () => {
    const results = lintPaths([dir], { locale: 'fr', catalogue: defaultCatalogue() });
    for (const r of results) {
      const d = r.result!.diagnostics.filter((x) => x.code === DUPLICATE_ID);
      assert.equal(d.length, 1, r.file);
      assert.equal(d[0].severity, 'error');
      const other = r.file.endsWith('a.ia.yaml') ? 'b.ia.yaml' : 'a.ia.yaml';
      assert.ok(d[0].related?.[0].file?.endsWith(other), 'related information points at the other file');
      assert.match(d[0].message, new RegExp(other.replace('.', '\\.')));
    }
  });

  it('a single file is not a duplicate of itself', () => {
    const results = lintPaths([SOURCE], { locale: 'fr', catalogue: defaultCatalogue() });
    assert.equal(results[0].result!.diagnostics.filter((x) => x.code === DUPLICATE_ID).length, 0);
  });

  it('the report keeps neither entry in the register and names both files', () => {
    const { model } = collectReport([dir], { year: 2026, locale: 'fr', catalogue: defaultCatalogue(), displayRoot: dir });
    assert.equal([...model.projects, ...model.studied, ...model.excluded].length, 0);
    assert.deepEqual(model.duplicates.map((d) => d.files), [['a.ia.yaml', 'b.ia.yaml']]);
  });
});
