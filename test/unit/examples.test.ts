import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/engine';
import { getIn } from '../../server/src/core/parse';
import { FIXED_NOW, parseExpectations } from './fixture-expectations';

const DIR = path.join(__dirname, '..', '..', 'examples');
const files = fs
  .readdirSync(DIR)
  .filter((f) => /\.ia\.ya?ml$/.test(f))
  .sort();

const GOOD = new Set(['conforme', 'non_applicable', 'derogation']);

describe('examples', () => {
  it('at least six realistic declarations from different directions, covering the headline cases', () => {
    assert.ok(files.length >= 6, `${files.length} examples`);
    const data = files.map((f) => lintText(fs.readFileSync(path.join(DIR, f), 'utf8'), { now: FIXED_NOW }));
    const directions = new Set(data.map((r) => getIn(r.parsed.value, ['projet', 'direction'])));
    assert.ok(directions.size >= 6, `${directions.size} directions`);
    assert.ok(
      data.some((r) => r.verdicts.E02 === 'non_conforme'),
      'a declaration breaching E02',
    );
    assert.ok(
      data.some((r) => Object.values(r.verdicts).includes('derogation')),
      'a declaration with a derogation',
    );
    assert.ok(
      data.some((r) => getIn(r.parsed.value, ['droits', 'ai_act', 'categorie']) === 'haut_risque'),
      'a high-risk system',
    );
    assert.ok(
      data.some((r) => Object.values(r.verdicts).every((v) => GOOD.has(v))),
      'a compliant declaration',
    );
  });

  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(DIR, file), 'utf8');
      assert.equal(text.split('\n')[0], '# yaml-language-server: $schema=../schemas/declaration.schema.json');
      const exp = parseExpectations(text);
      assert.ok(exp.allVerdicts, 'no "# verdicts-attendus:" header');
      const r = lintText(text, { now: FIXED_NOW });
      assert.deepEqual(r.verdicts, exp.verdicts, r.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code} ${d.message}`).join('\n'));
      // An example follows the format: no syntax or schema problem.
      assert.deepEqual(
        r.diagnostics.filter((d) => d.code === 'syntax' || d.code.startsWith('schema-')).map((d) => d.message),
        [],
      );
      // Every verdict short of compliance has findings that say why.
      for (const e of r.engagements) if (!GOOD.has(e.verdict)) assert.ok(e.findings.length > 0, `${e.id} ${e.verdict} without a finding`);
      // A compliant declaration has neither error nor warning.
      if (Object.values(r.verdicts).every((v) => GOOD.has(v))) {
        assert.deepEqual(
          r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.code} ${d.message}`),
          [],
        );
      }
    });
  }
});
