/**
 * One judgement per engagement (issue 11): the engine owns section presence, one mistake gives
 * one finding, severities are decided once, broken text never yields a clean verdict. Fixtures in
 * test/fixtures/judgement/ (carets and expected verdicts in each file); the properties over any
 * declaration are in test/fuzz/judgement.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/engine';
import { applyEdits, computeFixEdits } from '../../server/src/core/fixes';
import { documentVerdicts } from '../../server/src/core/verdictsView';
import type { SeveritySetting } from '../../server/src/core/types';
import { FIXED_NOW } from './fixture-expectations';
import { check } from './fixture-check';

const DIR = path.join(__dirname, '..', 'fixtures', 'judgement');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const lint = (text: string, severities?: Record<string, SeveritySetting>, locale: 'fr' | 'en' = 'fr') => lintText(text, { now: FIXED_NOW, severities, locale });
const BASE = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'traduction-documents-agents.ia.yaml'), 'utf8');
const ctx = (r: ReturnType<typeof lint>) => ({ locale: 'fr' as const, catalogue: r.catalogue });

describe('judgement: fixtures', () => {
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.ia.yaml'))
    .sort();
  it('finds the fixtures', () => assert.ok(files.length >= 12, `${files.length}`));
  for (const f of files) it(f, () => check(path.join(DIR, f)));
});

describe('judgement: the engine owns section presence', () => {
  const idee = read('stade-idee.ia.yaml');

  it('one finding per missing section, under one code, none from a rule, none on line 1', () => {
    const r = lint(idee);
    const sections = r.diagnostics.filter((d) => d.code === 'cadre-section-manquante');
    assert.ok(sections.length >= 10, `${sections.length}`);
    assert.deepEqual(new Set(sections.map((d) => String(d.path))).size, sections.length, 'one finding per section');
    for (const d of r.diagnostics) assert.equal(d.code, 'cadre-section-manquante', `${d.code}: ${d.message}`);
    // Placed where the section goes (after `projet`, the only section there), never on the `cadre:` line.
    for (const d of sections)
      assert.equal(
        d.range.start.line,
        idee.split('\n').findIndex((l) => l.startsWith('projet:')),
      );
    const donnees = sections.find((d) => d.path?.[0] === 'donnees')!;
    assert.match(donnees.message, /E05 .*E10/, 'names every engagement the section documents');
    assert.deepEqual(
      donnees.fixes?.map((f) => [f.kind, f.args]),
      [['insert-section', { section: 'donnees' }]],
    );
    for (const id of ['E05', 'E10'])
      assert.ok(
        r.engagements.find((e) => e.id === id)!.findings.some((i) => r.diagnostics[i] === donnees),
        `${id} cites the finding`,
      );
    // E14 is not due before going into service: `environnement` is asked for E13 only.
    assert.doesNotMatch(sections.find((d) => d.path?.[0] === 'environnement')!.message, /E14/);
  });

  it('turning any rule off never makes an engagement whose section is missing compliant', () => {
    const r0 = lint(idee);
    for (const code of ['E01-finalite', 'E01-alternatives', 'E06-pratique-interdite', 'E05-base-legale', 'E10-donnees-sensibles-secnumcloud', 'E13-sobriete']) {
      const r = lint(idee, { [code]: 'off' });
      assert.deepEqual(r.verdicts, r0.verdicts, `${code} off`);
    }
    // Every rule off: still à compléter, never conforme.
    const all = Object.fromEntries(r0.catalogue.engagements.flatMap((e) => (e.rules ?? []).map((x) => [x.id, 'off' as const])));
    for (const [id, v] of Object.entries(lint(idee, all).verdicts)) assert.notEqual(v, 'conforme', id);
  });

  it('the section fix inserts the section, and the finding goes away', () => {
    const r = lint(idee);
    const d = r.diagnostics.find((x) => x.path?.[0] === 'droits')!;
    const edits = computeFixEdits(r.parsed, d.fixes![0], ctx(r));
    assert.ok(edits?.length);
    const after = lint(applyEdits(idee, edits!));
    assert.ok(!after.diagnostics.some((x) => x.code === 'cadre-section-manquante' && x.path?.[0] === 'droits'));
  });

  it('no section asked by an engagement declared not applicable or derogated', () => {
    const text = idee + 'engagements:\n  E11:\n    statut: non_applicable\n    justification: Aucun prestataire, développé et hébergé par la Ville.\n';
    const r = lint(text);
    assert.ok(!r.diagnostics.some((d) => d.code === 'cadre-section-manquante' && d.path?.[0] === 'reversibilite'));
    assert.equal(r.verdicts.E11, 'non_applicable');
  });
});

describe('judgement: severities are decided once', () => {
  const noClause = BASE.replace('  clause_contractuelle: true\n', '');

  it('an override to error keeps missing information a warning (the invariant of ARCHITECTURE.md)', () => {
    const r = lint(noClause, { 'E11-reversibilite': 'error' });
    const d = r.diagnostics.find((x) => x.code === 'E11-reversibilite')!;
    assert.equal(d.outcome, 'a_completer');
    assert.equal(d.severity, 'warning');
    assert.equal(r.verdicts.E11, 'a_completer');
    const sec = lint(read('stade-idee.ia.yaml'), { 'cadre-section-manquante': 'error' });
    for (const x of sec.diagnostics) assert.equal(x.severity, 'warning');
  });

  it('an override applies to a violation, and can lower missing information', () => {
    const breach = BASE.replace('  interaction_directe: false', '  interaction_directe: true');
    assert.equal(lint(breach, { 'E02-interaction-directe': 'hint' }).diagnostics.find((x) => x.code === 'E02-interaction-directe')!.severity, 'hint');
    assert.equal(lint(noClause, { 'E11-reversibilite': 'information' }).diagnostics.find((x) => x.code === 'E11-reversibilite')!.severity, 'information');
    assert.ok(!lint(noClause, { 'E11-reversibilite': 'off' }).diagnostics.some((x) => x.code === 'E11-reversibilite'));
  });
});

describe('judgement: one mistake, one finding', () => {
  it('a boolean written as text: the schema error with its true/false fix, and no rule finding on it', () => {
    for (const [written, meant] of [
      ['oui', true],
      ['non', false],
      ['yes', true],
      ['"true"', true],
      ['"false"', false],
    ] as const) {
      const text = BASE.replace('  clause_contractuelle: true', `  clause_contractuelle: ${written}`);
      const r = lint(text);
      const on = r.diagnostics.filter((d) => d.path?.join('.') === 'reversibilite.clause_contractuelle');
      assert.deepEqual(
        on.map((d) => d.code),
        ['schema-type'],
        written,
      );
      assert.deepEqual(
        on[0].fixes?.map((f) => [f.kind, f.args.to, f.preferred]),
        [['replace-value', meant, true]],
        written,
      );
      const fixed = lint(applyEdits(text, computeFixEdits(r.parsed, on[0].fixes![0], ctx(r))!));
      assert.equal((fixed.parsed.value as { reversibilite: { clause_contractuelle: unknown } }).reversibilite.clause_contractuelle, meant);
      assert.equal(r.verdicts.E11, 'a_completer', written);
    }
  });

  it('an engagement id in the wrong case: one error, did-you-mean and its fix', () => {
    const r = lint(read('engagement-casse.ia.yaml'));
    const on = r.diagnostics.filter((d) => d.path?.[0] === 'engagements');
    assert.deepEqual(
      on.map((d) => [d.code, d.severity]),
      [['cadre-engagement-inconnu', 'error']],
    );
    assert.match(on[0].message, /« E09 »/);
    assert.deepEqual(
      on[0].fixes?.map((f) => [f.kind, f.args.to, f.preferred]),
      [['replace-key', 'E09', true]],
    );
    const fixed = lint(applyEdits(read('engagement-casse.ia.yaml'), computeFixEdits(r.parsed, on[0].fixes![0], ctx(r))!));
    assert.equal(fixed.verdicts.E09, 'non_applicable');
  });

  it('with cadre-engagement-inconnu off, the schema still says the key is unknown', () => {
    const r = lint(read('engagement-casse.ia.yaml'), { 'cadre-engagement-inconnu': 'off' });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.path?.[0] === 'engagements').map((d) => d.code),
      ['schema-additionalProperties'],
    );
  });
});

describe('judgement: broken text never yields a clean verdict', () => {
  it('a duplicate key: provisional, the engagement not compliant, the error among its findings', () => {
    for (const f of ['cle-en-double.ia.yaml', 'cle-en-double-breche.ia.yaml']) {
      const r = lint(read(f));
      assert.equal(r.provisional, true);
      assert.notEqual(r.verdicts.E02, 'conforme');
      const e02 = r.engagements.find((e) => e.id === 'E02')!;
      assert.ok(
        e02.findings.some((i) => r.diagnostics[i].code === 'syntax'),
        f,
      );
    }
  });

  it('the checklist payload says the verdicts are provisional', () => {
    const r = lint(read('crochet-non-ferme.ia.yaml'));
    assert.equal(documentVerdicts('file:///x.ia.yaml', 1, r, r.catalogue, 'fr').provisional, true);
    const ok = lint(BASE);
    assert.equal(ok.provisional, false);
    assert.equal(documentVerdicts('file:///x.ia.yaml', 1, ok, ok.catalogue, 'fr').provisional, undefined);
  });
});

describe('judgement: an empty or comments-only file', () => {
  for (const text of ['', '\n\n', '# rien que des commentaires\n# encore\n']) {
    it(JSON.stringify(text), () => {
      for (const locale of ['fr', 'en'] as const) {
        const r = lint(text, undefined, locale);
        assert.equal(r.diagnostics.length, 1);
        const d = r.diagnostics[0];
        assert.doesNotMatch(d.message, /null|objet|object/i);
        assert.match(d.message, /cadre:/);
        assert.equal(d.fixes?.[0].kind, 'insert-skeleton');
        const after = applyEdits(text, computeFixEdits(r.parsed, d.fixes![0], ctx(r))!);
        assert.ok(after.startsWith(text), 'what the file held is kept');
        const next = lint(after);
        assert.equal(next.parsed.problems.length, 0);
        assert.ok(!next.diagnostics.some((x) => x.severity === 'error'), next.diagnostics.map((x) => x.message).join('\n'));
      }
    });
  }
});
