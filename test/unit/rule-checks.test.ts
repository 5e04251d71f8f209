/**
 * The rule kit's checks (server/src/core/rules/util.ts): `requireFilled`, `requireTrue`,
 * `requireFalse`, `applicableIf`, `reportMissing`. Each is run on a small declaration with a
 * context that records what it reports, and what it reports is compared in full (message,
 * outcome, path, fix, related information) with what the hand-written check it replaces reported.
 */
import * as assert from 'node:assert/strict';
import { defaultCatalogue } from '../../server/src/core/engine';
import { getIn } from '../../server/src/core/parse';
import type { ReportOptions, RuleContext } from '../../server/src/core/rules/api';
import { applicableIf, type Given, isGiven, reportMissing, requireFalse, requireFilled, requireTrue } from '../../server/src/core/rules/util';
import type { DataPath } from '../../server/src/core/types';

type M = 'missing' | 'missingProd' | 'breach' | 'breachProd' | 'why';

interface Run {
  reports: ReportOptions<M>[];
  notApplicable: boolean;
  ctx: RuleContext<M>;
}

function run(data: Record<string, unknown>): Run {
  const out: Run = { reports: [], notApplicable: false, ctx: undefined as unknown as RuleContext<M> };
  const statut = getIn(data, ['projet', 'statut']);
  out.ctx = {
    data,
    get: (p: DataPath) => getIn(data, p),
    has: (p: DataPath) => {
      const parent = p.length > 1 ? getIn(data, p.slice(0, -1)) : data;
      return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, p[p.length - 1]);
    },
    statut: typeof statut === 'string' ? statut : undefined,
    now: new Date('2026-06-01T12:00:00Z'),
    today: '2026-06-01',
    catalogue: defaultCatalogue(),
    options: {},
    report: (o) => {
      out.reports.push(o);
    },
    notApplicable: () => {
      out.notApplicable = true;
    },
  };
  return out;
}

const P = ['donnees', 'dpo_consulte'];
const ADD = { kind: 'insert-field', args: { path: ['donnees'], key: 'dpo_consulte' }, title: { fr: 'Ajouter « dpo_consulte »', en: "Add 'dpo_consulte'" }, preferred: false };

describe('rule kit: isGiven', () => {
  const cases: [Given, unknown, boolean][] = [
    ['filled', 'texte', true],
    ['filled', '  ', false],
    ['filled', 'A COMPLETER', false],
    ['filled', [], false],
    ['filled', 0, true],
    ['filled', null, false],
    ['present', '', true],
    ['present', null, false],
    ['string', '', true],
    ['string', 3, false],
    ['number', 3, true],
    ['number', '3', false],
    ['text', 'x', true],
    ['text', '', false],
    ['list', ['', 'a'], true],
    ['list', ['', ' '], false],
    ['list', 'a', false],
    ['mappings', [{ a: 1 }], true],
    ['mappings', ['a'], false],
    ['true', true, true],
    ['true', 'true', false],
    [(v) => v === 7, 7, true],
    [(v) => v === 7, 8, false],
  ];
  for (const [is, value, expected] of cases) {
    it(`${typeof is === 'function' ? 'a predicate' : is}: ${JSON.stringify(value)} → ${expected}`, () => {
      assert.equal(isGiven(run({ donnees: { dpo_consulte: value } }).ctx, P, is), expected);
    });
  }
  it('key: the key is there, whatever its value', () => {
    assert.equal(isGiven(run({ donnees: { dpo_consulte: null } }).ctx, P, 'key'), true);
    assert.equal(isGiven(run({ donnees: {} }).ctx, P, 'key'), false);
  });
});

describe('rule kit: requireFilled / reportMissing', () => {
  it('given: true, nothing reported', () => {
    const r = run({ donnees: { dpo_consulte: 'oui' } });
    assert.equal(requireFilled(r.ctx, P, { missing: 'missing' }), true);
    assert.deepEqual(r.reports, []);
  });

  it('not given: a_completer with the add-field fix, data, range and related passed through', () => {
    const r = run({ donnees: { autre: 1 } });
    const related = [{ path: ['donnees', 'autre'], messageId: 'why' as const }];
    assert.equal(requireFilled(r.ctx, P, { missing: 'missing', data: { field: 'x' }, rangePath: ['donnees', 'autre'], related }), false);
    assert.deepEqual(r.reports, [{ messageId: 'missing', data: { field: 'x' }, path: P, rangePath: ['donnees', 'autre'], outcome: 'a_completer', related, fixes: [ADD] }]);
  });

  it('the fix is preferred when asked, and absent when the parent is not a mapping', () => {
    const a = run({ donnees: {} });
    requireFilled(a.ctx, P, { missing: 'missing', preferredFix: true });
    assert.equal(a.reports[0].fixes?.[0].preferred, true);
    const b = run({ donnees: 'texte' });
    requireFilled(b.ctx, P, { missing: 'missing' });
    assert.equal(b.reports[0].fixes, undefined);
  });

  it('missingInService: non_conforme under that message in service, a_completer before; the fix kept', () => {
    const before = run({ projet: { statut: 'experimentation' }, donnees: {} });
    requireFilled(before.ctx, P, { missing: 'missing', missingInService: 'missingProd' });
    assert.deepEqual([before.reports[0].messageId, before.reports[0].outcome], ['missing', 'a_completer']);
    const prod = run({ projet: { statut: 'production' }, donnees: {} });
    requireFilled(prod.ctx, P, { missing: 'missing', missingInService: 'missingProd' });
    assert.deepEqual([prod.reports[0].messageId, prod.reports[0].outcome], ['missingProd', 'non_conforme']);
    assert.deepEqual(prod.reports[0].fixes, [ADD]);
  });

  it('inService overrides the status; without missingInService the status does not matter', () => {
    const a = run({ projet: { statut: 'production' }, donnees: {} });
    requireFilled(a.ctx, P, { missing: 'missing', missingInService: 'missingProd', inService: false });
    assert.equal(a.reports[0].outcome, 'a_completer');
    const b = run({ projet: { statut: 'production' }, donnees: {} });
    reportMissing(b.ctx, P, { missing: 'missing' });
    assert.deepEqual([b.reports[0].messageId, b.reports[0].outcome], ['missing', 'a_completer']);
  });
});

describe('rule kit: requireTrue / requireFalse', () => {
  const related = [{ path: ['donnees', 'personnelles'], messageId: 'why' as const }];

  it('true: nothing reported, returns true', () => {
    const r = run({ donnees: { dpo_consulte: true } });
    assert.equal(requireTrue(r.ctx, P, { missing: 'missing', breach: 'breach' }), true);
    assert.deepEqual(r.reports, []);
  });

  it('false: non_conforme with the breach fixes and related, returns false', () => {
    const r = run({ donnees: { dpo_consulte: false } });
    const fix = { kind: 'replace-value' as const, args: { path: P, to: true }, title: { fr: 'Oui', en: 'Yes' } };
    assert.equal(requireTrue(r.ctx, P, { missing: 'missing', breach: 'breach', breachFixes: [fix], related }), false);
    assert.deepEqual(r.reports, [{ messageId: 'breach', path: P, outcome: 'non_conforme', related, fixes: [fix] }]);
  });

  for (const value of [undefined, null, 'yes', 1]) {
    it(`not stated (${JSON.stringify(value)}): a_completer with the add-field fix, returns undefined`, () => {
      const r = run({ donnees: value === undefined ? {} : { dpo_consulte: value } });
      assert.equal(requireTrue(r.ctx, P, { missing: 'missing', breach: 'breach', related }), undefined);
      assert.equal(r.reports.length, 1);
      assert.deepEqual([r.reports[0].messageId, r.reports[0].outcome, r.reports[0].related], ['missing', 'a_completer', related]);
      // The add-field fix only when the key is absent (a present key is the schema's to fix).
      assert.deepEqual(r.reports[0].fixes, value === undefined ? [ADD] : undefined);
    });
  }

  it('breachInService: a_completer before service, non_conforme in service (or as inService says)', () => {
    const spec = { missing: 'missing', breach: 'breach', breachInService: 'breachProd' } as const;
    const before = run({ projet: { statut: 'conception' }, donnees: { dpo_consulte: false } });
    requireTrue(before.ctx, P, spec);
    assert.deepEqual([before.reports[0].messageId, before.reports[0].outcome], ['breach', 'a_completer']);
    const prod = run({ projet: { statut: 'production' }, donnees: { dpo_consulte: false } });
    requireTrue(prod.ctx, P, spec);
    assert.deepEqual([prod.reports[0].messageId, prod.reports[0].outcome], ['breachProd', 'non_conforme']);
    const forced = run({ projet: { statut: 'production' }, donnees: { dpo_consulte: false } });
    requireTrue(forced.ctx, P, { ...spec, inService: false });
    assert.deepEqual([forced.reports[0].messageId, forced.reports[0].outcome], ['breach', 'a_completer']);
  });

  it('requireFalse: true is the breach, false is fine', () => {
    const bad = run({ donnees: { dpo_consulte: true } });
    assert.equal(requireFalse(bad.ctx, P, { missing: 'missing', breach: 'breach' }), true);
    assert.deepEqual([bad.reports[0].messageId, bad.reports[0].outcome], ['breach', 'non_conforme']);
    const good = run({ donnees: { dpo_consulte: false } });
    assert.equal(requireFalse(good.ctx, P, { missing: 'missing', breach: 'breach' }), false);
    assert.deepEqual(good.reports, []);
  });
});

describe('rule kit: applicableIf', () => {
  it('true: applies, nothing reported', () => {
    const r = run({ donnees: { dpo_consulte: true } });
    assert.equal(applicableIf(r.ctx, P, 'missing'), true);
    assert.deepEqual([r.reports, r.notApplicable], [[], false]);
  });
  it('false: the rule does not apply, nothing reported', () => {
    const r = run({ donnees: { dpo_consulte: false } });
    assert.equal(applicableIf(r.ctx, P, 'missing'), false);
    assert.deepEqual([r.reports, r.notApplicable], [[], true]);
  });
  it('not stated: reported missing (a_completer, add-field fix), the rule still applies', () => {
    const r = run({ donnees: {} });
    assert.equal(applicableIf(r.ctx, P, 'missing'), false);
    assert.equal(r.notApplicable, false);
    assert.deepEqual(r.reports, [{ messageId: 'missing', data: undefined, path: P, rangePath: undefined, outcome: 'a_completer', related: undefined, fixes: [ADD] }]);
  });
});

describe('rule kit: message ids are checked by the compiler', () => {
  it('a message id the rule does not have does not compile', () => {
    const r = run({ donnees: {} });
    // @ts-expect-error 'typo' is not one of the context's message ids
    requireFilled(r.ctx, P, { missing: 'typo' });
    // @ts-expect-error idem for a boolean's breach
    requireTrue(r.ctx, P, { missing: 'missing', breach: 'typo' });
    // @ts-expect-error idem for applicableIf
    applicableIf(r.ctx, P, 'typo');
    assert.equal(r.reports.length, 3);
  });
});
