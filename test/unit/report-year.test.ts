import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify, type Classification } from '../../server/src/core/report/model';
import { DECLS, expectations, fixtureModel } from '../fixtures/report/support';

/**
 * The year rule, data-driven: each fixture declaration says, in its "# attendu:" line, where it
 * stands for given years (en_service, a_l_etude, hors_periode, illisible).
 */
describe('report: which declarations count for a year (fixtures)', () => {
  const files = fs
    .readdirSync(DECLS)
    .filter((f) => f.endsWith('.ia.yaml'))
    .sort();
  it('has fixtures', () => assert.ok(files.length >= 6));
  const models = new Map<number, ReturnType<typeof fixtureModel>>();
  const model = (year: number) => {
    if (!models.has(year)) models.set(year, fixtureModel(year));
    return models.get(year)!;
  };
  for (const f of files) {
    for (const [year, expected] of Object.entries(expectations(path.join(DECLS, f)))) {
      it(`${f} in ${year}: ${expected}`, () => {
        const m = model(Number(year));
        const file = `decls/${f}`;
        const where = [
          m.projects.some((p) => p.file === file) && 'en_service',
          m.studied.some((p) => p.file === file) && 'a_l_etude',
          m.excluded.some((p) => p.file === file) && 'hors_periode',
          m.unreadable.some((u) => u.file === file) && 'illisible',
        ].filter(Boolean);
        assert.deepEqual(where, [expected]);
      });
    }
  }
});

describe('report: classify()', () => {
  const cases: [string | undefined, string | undefined, string | undefined, number, Classification][] = [
    ['production', '2024-09-02', undefined, 2026, { scope: 'en_service' }],
    ['production', '2026-12-31', undefined, 2026, { scope: 'en_service' }],
    ['production', '2027-01-01', undefined, 2026, { scope: 'hors_periode', reason: 'future', date: '2027-01-01' }],
    ['experimentation', undefined, undefined, 2026, { scope: 'en_service' }],
    [undefined, undefined, undefined, 2026, { scope: 'en_service' }],
    ['idee', '2030-01-01', undefined, 2026, { scope: 'a_l_etude' }],
    ['conception', undefined, undefined, 2026, { scope: 'a_l_etude' }],
    ['retire', '2023-02-01', '2025-06-30', 2025, { scope: 'en_service' }],
    ['retire', '2023-02-01', '2025-06-30', 2026, { scope: 'hors_periode', reason: 'retired_before', date: '2025-06-30' }],
    ['retire', '2023-02-01', '2026-01-01', 2026, { scope: 'en_service' }],
    ['retire', '2023-02-01', undefined, 2026, { scope: 'hors_periode', reason: 'retired_no_date' }],
    ['retire', '2027-02-01', '2028-01-01', 2026, { scope: 'hors_periode', reason: 'future', date: '2027-02-01' }],
    ['retire', undefined, '2026-05-01', 2026, { scope: 'en_service' }],
  ];
  for (const [statut, start, review, year, expected] of cases) {
    it(`${statut ?? '(no status)'} from ${start ?? '?'} reviewed ${review ?? '?'}, year ${year}: ${expected.scope}${expected.reason ? ` (${expected.reason})` : ''}`, () => {
      assert.deepEqual(classify(statut, start, review, year), expected);
    });
  }
});
