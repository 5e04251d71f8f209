/**
 * Frameworks as data: each declaration is judged by the framework its `cadre:` names; the legal
 * baseline (socle-ia/v1) ships beside Lyon's; codes read `<engagement>-<rule name>`; a duty not
 * yet in force is information that says from when; catalogues set options, notes, conditions.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledCatalogues, cadreId, engagementOfPath, parseCatalogue, sectionOrder, type Catalogue } from '../../server/src/core/catalogue';
import { codeInfo } from '../../server/src/core/codes';
import { defaultCatalogue, knownRuleIds, lintText, type FullLintResult } from '../../server/src/core/engine';
import { frameworkOf, frameworkSet, ruleCode } from '../../server/src/core/framework';
import { buildModel, renderCsv, renderHtml, renderMarkdown } from '../../server/src/core/report/index';
import { ALL_RULES } from '../../server/src/core/rules/index';

const ROOT = path.join(__dirname, '..', '..');
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');
const CHATBOT = read('examples', 'assistant-conversationnel-usagers.ia.yaml');
const asSocle = (text: string) => text.replace(/^cadre: lyon-ia\/v1$/m, 'cadre: socle-ia/v1');
const at = (day: string) => new Date(`${day}T12:00:00Z`);
const lyonYaml = read('schemas', 'frameworks', 'lyon-2025.yaml');

function verdict(r: FullLintResult, id: string) {
  return r.verdicts[id];
}

describe('frameworks: the declaration names its framework, and that is what judges it', () => {
  it('ships two frameworks: Lyon 2025 (the default) and the legal baseline', () => {
    assert.deepEqual(bundledCatalogues(knownRuleIds()).map(cadreId), ['lyon-ia/v1', 'socle-ia/v1']);
    assert.equal(cadreId(defaultCatalogue()), 'lyon-ia/v1');
  });

  it('the same chatbot that tells people it is an AI: forbidden by Lyon (E02), allowed by the legal baseline (AI Act art. 50)', () => {
    const lyon = lintText(CHATBOT, { now: at('2026-12-02') });
    const socle = lintText(asSocle(CHATBOT), { now: at('2026-12-02') });
    assert.equal(cadreId(lyon.catalogue), 'lyon-ia/v1');
    assert.equal(cadreId(socle.catalogue), 'socle-ia/v1');
    assert.equal(verdict(lyon, 'E02'), 'non_conforme');
    assert.ok(lyon.diagnostics.some((d) => d.code === 'E02-interaction-directe' && d.severity === 'error'));
    assert.equal(verdict(socle, 'AIA-50'), 'conforme');
    assert.equal(verdict(socle, 'E02'), undefined, 'the baseline has no E02');
    assert.deepEqual(
      socle.diagnostics.filter((d) => /^E\d\d-/.test(d.code)).map((d) => d.code),
      [],
      'no finding under a Lyon code in a baseline declaration',
    );
    // Without the disclosure, the baseline objects too, under its own code.
    const silent = lintText(asSocle(CHATBOT).replace('information_ia: true', 'information_ia: false'), { now: at('2026-12-02') });
    assert.equal(verdict(silent, 'AIA-50'), 'non_conforme');
    assert.ok(silent.diagnostics.some((d) => d.code === 'AIA-50-information-interaction' && d.severity === 'error'));
  });

  it('an unknown framework is an error that lists the known ones, suggests the closest, and judges nothing', () => {
    const r = lintText(CHATBOT.replace('cadre: lyon-ia/v1', 'cadre: lyon-ia/v2'), { locale: 'en' });
    const d = r.diagnostics.find((x) => x.code === 'cadre-inconnu');
    assert.ok(d && d.severity === 'error');
    assert.match(d.message, /lyon-ia\/v1, socle-ia\/v1/);
    assert.match(d.message, /Did you mean 'lyon-ia\/v1'/);
    assert.deepEqual(
      d.fixes?.map((f) => f.args.to),
      ['lyon-ia/v1'],
    );
    assert.equal(r.framework.known, false);
    assert.deepEqual(r.verdicts, {});
    assert.ok(!r.diagnostics.some((x) => /^E\d\d-/.test(x.code)), 'no rule ran');
    const fr = lintText(CHATBOT.replace('cadre: lyon-ia/v1', 'cadre: nantes-ia/v1'));
    assert.match(fr.diagnostics.find((x) => x.code === 'cadre-inconnu')!.message, /Cadres connus : lyon-ia\/v1, socle-ia\/v1\./);
  });

  it('a configured catalogue adds a framework; one with a bundled cadre replaces it; it judges files without cadre', () => {
    const rennes = parseCatalogue(lyonYaml.replace(/^id: lyon-ia$/m, 'id: rennes-ia'), 'rennes.yaml', knownRuleIds()).catalogue!;
    assert.ok(rennes);
    const set = frameworkSet([rennes]);
    assert.deepEqual(set.known(), ['rennes-ia/v1', 'lyon-ia/v1', 'socle-ia/v1']);
    assert.equal(cadreId(lintText(CHATBOT, { catalogue: rennes }).catalogue), 'lyon-ia/v1', 'a Lyon declaration stays judged by Lyon');
    assert.equal(cadreId(lintText(CHATBOT.replace('lyon-ia/v1', 'rennes-ia/v1'), { catalogue: rennes }).catalogue), 'rennes-ia/v1');
    assert.equal(cadreId(lintText(CHATBOT.replace(/^cadre: .*\n/m, ''), { catalogue: rennes }).catalogue), 'rennes-ia/v1', 'no cadre: the configured default');
    const stricter = parseCatalogue(lyonYaml.replace('      - id: E02-interaction-directe', '      - id: E02-interaction-directe\n        severity: warning'), 'lyon.yaml', knownRuleIds()).catalogue!;
    const r = lintText(CHATBOT, { catalogue: stricter });
    assert.equal(r.catalogue, stricter, 'a configured catalogue with a bundled cadre replaces it');
    assert.equal(r.diagnostics.find((d) => d.code === 'E02-interaction-directe')?.severity, 'warning');
  });
});

describe('frameworks: codes', () => {
  it('Lyon keeps its codes; under another framework a rule reads <engagement>-<name>', () => {
    const lyon = frameworkOf(defaultCatalogue());
    for (const b of lyon.bindings) if (b.engagement) assert.equal(b.code, b.rule.meta.id, 'Lyon codes are the rule ids');
    const socle = bundledCatalogues()[1];
    const codes = frameworkOf(socle)
      .bindings.filter((b) => b.engagement)
      .map((b) => b.code);
    assert.ok(codes.includes('AIA-5-pratique-interdite'));
    assert.ok(codes.includes('RGPD-35-aipd'));
    assert.ok(codes.includes('AIA-27-fria'));
    for (const b of frameworkOf(socle).bindings) if (b.engagement) assert.ok(b.code.startsWith(`${b.engagement.id}-`), b.code);
    const pratique = ALL_RULES.find((r) => r.meta.id === 'E06-pratique-interdite')!;
    assert.equal(ruleCode(pratique, 'AIA-5'), 'AIA-5-pratique-interdite');
  });

  it('code metadata follows the framework: engagement, the catalogue’s note and references', () => {
    const socle = bundledCatalogues()[1];
    const info = codeInfo('AIA-4-formation', socle);
    assert.equal(info.engagement, 'AIA-4');
    assert.match(info.note!.fr, /socle/i);
    assert.equal(codeInfo('AIA-4-formation').title.fr, 'AIA-4-formation', 'unknown without its framework');
  });
});

describe('frameworks: dates of application (judged at the run’s date)', () => {
  const fria = read('test', 'fixtures', 'rules', 'fria', 'non-realisee.ia.yaml');
  it('before the date a duty applies from, its finding is information that says from when, and the verdict is non_applicable', () => {
    for (const [day, sev, v] of [
      ['2027-12-01', 'information', 'non_applicable'],
      ['2027-12-02', 'error', 'non_conforme'],
    ] as const) {
      const r = lintText(fria, { now: at(day), locale: 'en' });
      const d = r.diagnostics.find((x) => x.code === 'AIA-27-fria')!;
      assert.equal(d.severity, sev, day);
      assert.equal(verdict(r, 'AIA-27'), v, day);
      if (sev === 'information') {
        assert.match(d.message, /^Applies from 2 December 2027 — /);
        assert.equal(r.engagements.find((e) => e.id === 'AIA-27')?.appliesFrom, '2027-12-02');
      }
    }
    assert.ok(!lintText(fria, { now: at('2026-12-02') }).diagnostics.some((d) => d.severity === 'error'), 'never an error before the date');
  });

  it('every item of the baseline carries its date, cites its articles, and admits no derogation', () => {
    const socle = bundledCatalogues()[1];
    assert.equal(socle.engagements.length, 12);
    for (const e of socle.engagements) {
      assert.match(e.applies_from ?? '', /^\d{4}-\d{2}-\d{2}$/, e.id);
      assert.equal(e.source, 'law', e.id);
      assert.equal(e.derogable, false, e.id);
      assert.ok(e.references.length > 0 && e.references.every((r) => /art\./.test(r.label) || /Loi|décret|délibération/i.test(r.label)), `${e.id} cites articles`);
      assert.ok(e.rules.length > 0, e.id);
    }
    const dates = Object.fromEntries(socle.engagements.map((e) => [e.id, e.applies_from]));
    assert.equal(dates['AIA-4'], '2025-02-02');
    assert.equal(dates['AIA-5'], '2025-02-02');
    assert.equal(dates['AIA-50'], '2026-08-02');
    for (const id of ['AIA-26', 'AIA-27', 'AIA-49']) assert.equal(dates[id], '2027-12-02', id);
    for (const id of ['RGPD-13-14', 'RGPD-22', 'RGPD-28', 'RGPD-35']) assert.equal(dates[id], '2018-05-25', id);
  });

  it('the high-risk items apply only to high-risk systems (applies_when); an unstated category leaves them to complete', () => {
    const minimal = lintText(fria.replace('categorie: haut_risque', 'categorie: minimal'), { now: at('2028-01-15') });
    for (const id of ['AIA-26', 'AIA-27', 'AIA-49']) assert.equal(verdict(minimal, id), 'non_applicable', id);
    assert.ok(!minimal.diagnostics.some((d) => d.code === 'AIA-27-fria'), 'its rule’s findings are dropped');
    const unstated = lintText(fria.replace(/^    categorie: haut_risque\n/m, ''), { now: at('2028-01-15') });
    for (const id of ['AIA-26', 'AIA-27', 'AIA-49']) assert.equal(verdict(unstated, id), 'a_completer', id);
    const item = unstated.engagements.find((e) => e.id === 'AIA-27')!;
    assert.ok(
      item.findings.some((i) => unstated.diagnostics[i].path?.join('.') === 'droits.ai_act.categorie'),
      'the finding on the category explains it',
    );
  });
});

describe('frameworks: which field serves which engagement is the catalogue’s (one source)', () => {
  it('the most precise field wins; sections derive from fields', () => {
    const lyon = defaultCatalogue();
    assert.equal(engagementOfPath(lyon, ['donnees', 'classification']), 'E10');
    assert.equal(engagementOfPath(lyon, ['donnees', 'aipd', 'realisee']), 'E05');
    assert.equal(engagementOfPath(lyon, ['environnement', 'mesure', 'methode']), 'E14');
    assert.equal(engagementOfPath(lyon, ['environnement', 'justification_sobriete']), 'E13');
    assert.deepEqual(lyon.engagements.find((e) => e.id === 'E10')?.sections, ['donnees']);
    const socle = bundledCatalogues()[1];
    assert.equal(engagementOfPath(socle, ['droits', 'fria', 'realisee']), 'AIA-27');
    assert.equal(engagementOfPath(socle, ['controle_humain', 'niveau']), 'RGPD-22');
    assert.equal(engagementOfPath(socle, ['controle_humain', 'validation']), 'AIA-26');
  });

  it('a schema error counts for the engagement of the file’s framework', () => {
    const broken = CHATBOT.replace('information_ia: true', 'information_ia: oui');
    const lyon = lintText(broken);
    const socle = lintText(asSocle(broken), { now: at('2026-12-02') });
    const of = (r: FullLintResult) => r.diagnostics.find((d) => d.code === 'schema-type' && d.path?.join('.') === 'usagers.information_ia')?.engagement;
    assert.equal(of(lyon), 'E02');
    assert.equal(of(socle), 'AIA-50');
  });

  it('section order is catalogue data, completed by the schema’s order', () => {
    const lyon = defaultCatalogue();
    assert.deepEqual(sectionOrder(lyon).slice(0, 3), ['cadre', 'projet', 'interet_general']);
    const custom: Catalogue = { ...lyon, section_order: ['cadre', 'projet', 'securite'] };
    const order = sectionOrder(custom);
    assert.deepEqual(order.slice(0, 4), ['cadre', 'projet', 'securite', 'interet_general']);
    assert.equal(new Set(order).size, order.length);
  });
});

describe('frameworks: the annual report groups by framework', () => {
  it('one engagements table per framework, and the register has the columns of both', () => {
    const file = (name: string, text: string) => ({ file: name, result: lintText(text, { now: at('2026-12-02') }) });
    const results = [file('lyon.ia.yaml', CHATBOT), file('socle.ia.yaml', asSocle(CHATBOT).replace('id: assistant-conversationnel-usagers', 'id: assistant-metropole'))];
    const model = buildModel(results, { year: 2026, locale: 'fr', catalogue: defaultCatalogue(), now: at('2026-12-02') });
    assert.deepEqual(
      model.frameworks.map((f) => [f.cadre, f.projects]),
      [
        ['lyon-ia/v1', 1],
        ['socle-ia/v1', 1],
      ],
    );
    assert.equal(model.projects.find((p) => p.file === 'socle.ia.yaml')?.framework, 'socle-ia/v1');
    assert.equal(model.frameworks[1].engagements.find((e) => e.id === 'AIA-50')?.counts.conforme, 1);
    assert.equal(model.frameworks[0].engagements.find((e) => e.id === 'E02')?.counts.non_conforme, 1);
    const md = renderMarkdown(model);
    assert.match(md, /### Cadre « Cadre d'usage de l'intelligence artificielle de la Ville de Lyon » \(lyon-ia\/v1\) : 1 projet\(s\)/);
    assert.match(md, /### Cadre « Socle légal[^»]*» \(socle-ia\/v1\) : 1 projet\(s\)/);
    assert.match(renderHtml(model), /id="cap-engagements-2"/);
    const header = renderCsv(model).split('\n')[0].split(',');
    assert.ok(header.includes('E02') && header.includes('AIA-50'), header.join(','));
  });

  it('a declaration of an unknown framework is not counted: the internal review says why', () => {
    const model = buildModel([{ file: 'x.ia.yaml', result: lintText(CHATBOT.replace('lyon-ia/v1', 'nantes-ia/v1')) }], { year: 2026, locale: 'fr', catalogue: defaultCatalogue() });
    assert.equal(model.projects.length, 0);
    assert.match(model.unreadable[0].reason, /Cadre « nantes-ia\/v1 » inconnu/);
  });
});
