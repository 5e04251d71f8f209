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

  it('the duplicate counts for the engagement the file’s framework names (register_engagement): E03 under Lyon, none under the legal baseline', () => {
    const mixed = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-dup-mixed-'));
    const text = fs.readFileSync(SOURCE, 'utf8');
    const socle = text.replace(/^cadre: lyon-ia\/v1$/m, 'cadre: socle-ia/v1');
    assert.notEqual(socle, text);
    fs.writeFileSync(path.join(mixed, 'lyon.ia.yaml'), text);
    fs.writeFileSync(path.join(mixed, 'socle.ia.yaml'), socle);
    const results = lintPaths([mixed], { locale: 'fr', catalogue: defaultCatalogue() });
    const dup = (name: string) => results.find((r) => r.file.endsWith(name))!.result!.diagnostics.filter((x) => x.code === DUPLICATE_ID);
    assert.equal(dup('lyon.ia.yaml').length, 1);
    assert.equal(dup('lyon.ia.yaml')[0].engagement, 'E03');
    assert.equal(dup('socle.ia.yaml').length, 1);
    assert.equal(dup('socle.ia.yaml')[0].engagement, undefined);
  });

  it('a single file is not a duplicate of itself', () => {
    const results = lintPaths([SOURCE], { locale: 'fr', catalogue: defaultCatalogue() });
    assert.equal(results[0].result!.diagnostics.filter((x) => x.code === DUPLICATE_ID).length, 0);
  });

  it('the report keeps neither entry in the register and names both files', () => {
    const { model } = collectReport([dir], { year: 2026, locale: 'fr', catalogue: defaultCatalogue(), displayRoot: dir });
    assert.equal([...model.projects, ...model.studied, ...model.excluded].length, 0);
    assert.deepEqual(
      model.duplicates.map((d) => d.files),
      [['a.ia.yaml', 'b.ia.yaml']],
    );
  });
});
