import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FullLintResult } from '../../server/src/core/engine';
import { ALL_RULES, RULES_BY_ID } from '../../server/src/core/rules/index';
import { ruleName } from '../../server/src/core/framework';
import { schemaAt } from '../../server/src/core/schema';
import { LOCALES } from '../../server/src/core/types';
import { parseExpectations } from './fixture-expectations';
import { check, lint, show } from './fixture-check';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const RULES_DIR = path.join(FIXTURES, 'rules');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

function fixturesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ia\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

const ruleDirs = fs.existsSync(RULES_DIR)
  ? fs
      .readdirSync(RULES_DIR)
      .filter((d) => fs.statSync(path.join(RULES_DIR, d)).isDirectory())
      .sort()
  : [];

describe('rules: fixtures', () => {
  for (const dir of ruleDirs) {
    describe(dir, () => {
      for (const file of fixturesIn(path.join(RULES_DIR, dir))) {
        it(path.basename(file), () => check(file, { othersCompliant: true }));
      }
    });
  }
});

describe('rules: every rule has a failing and a passing fixture', () => {
  it('one folder per rule, named by its id', () => {
    assert.deepEqual(ruleDirs, ALL_RULES.map((r) => r.meta.id).sort());
  });
  for (const rule of ALL_RULES) {
    it(rule.meta.id, () => {
      const files = fixturesIn(path.join(RULES_DIR, rule.meta.id));
      // Its code is the id under the engagement it was written for, else `<engagement>-<name>` (framework.ts).
      const name = ruleName(rule);
      const fires = files.filter((f) => parseExpectations(fs.readFileSync(f, 'utf8')).carets.some((c) => c.code === rule.meta.id || c.code.endsWith(`-${name}`)));
      assert.ok(fires.length > 0, 'no fixture where the rule fires');
      assert.ok(fires.length < files.length, 'no fixture where the rule passes');
    });
  }
});

describe('schema mapping: fixtures', () => {
  for (const file of fixturesIn(path.join(FIXTURES, 'schema-mapping'))) it(path.basename(file), () => check(file));
});

describe('syntax: fixtures', () => {
  for (const file of fixturesIn(path.join(FIXTURES, 'syntax'))) it(path.basename(file), () => check(file));
});

describe('rules: metadata', () => {
  const catalogueRules = (() => {
    const { defaultCatalogue } = require('../../server/src/core/engine') as typeof import('../../server/src/core/engine');
    return defaultCatalogue().engagements.flatMap((e) => e.rules.map((r) => ({ engagement: e.id, id: r.id })));
  })();

  it('ids are unique and well formed', () => {
    assert.equal(RULES_BY_ID.size, ALL_RULES.length);
    for (const r of ALL_RULES) {
      // Written for an engagement: its id is prefixed by it (Lyon's stable codes); otherwise a plain name (`fria`), or `cadre-…` framework-wide.
      if (r.meta.engagement) assert.match(r.meta.id, new RegExp(`^${r.meta.engagement}-[a-z0-9]+(?:-[a-z0-9]+)*$`));
      else assert.match(r.meta.id, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    }
  });

  it('the Lyon catalogue lists each engagement rule once, under its engagement, and covers all 14 engagements', () => {
    const engagementRules = ALL_RULES.filter((r) => r.meta.engagement);
    assert.deepEqual(catalogueRules.map((r) => r.id).sort(), engagementRules.map((r) => r.meta.id).sort());
    for (const r of catalogueRules) assert.equal(RULES_BY_ID.get(r.id)?.meta.engagement, r.engagement, r.id);
    assert.equal(new Set(catalogueRules.map((r) => r.engagement)).size, 14);
  });

  for (const rule of ALL_RULES) {
    it(`${rule.meta.id}: texts in French and English, fields of the schema, references`, () => {
      const m = rule.meta;
      for (const text of [m.title, m.description, m.howToFix, ...Object.values(m.messages)]) {
        for (const l of LOCALES) assert.ok(text[l]?.trim(), `${m.id}: empty ${l} text`);
        assert.notEqual(text.fr, text.en, `${m.id}: untranslated text ${text.fr}`);
        // `{x_fr}` / `{x_en}`: the same datum, given in each language.
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1].replace(/_(fr|en)$/, '')).sort();
        assert.deepEqual(names(text.en), names(text.fr), `${m.id}: placeholders differ in ${text.fr}`);
      }
      assert.ok(['error', 'warning', 'information', 'hint'].includes(m.defaultSeverity));
      assert.ok(m.references.length > 0, `${m.id}: no reference`);
      assert.ok(m.fields.length > 0, `${m.id}: no field`);
      for (const field of m.fields) {
        const p = field.split('.').map((s) => (s === '<Exx>' ? 'E01' : s.replace(/\[\]$/, '')));
        const withItems = field.split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), 0] : [s === '<Exx>' ? 'E01' : s]));
        assert.ok(schemaAt(withItems) ?? schemaAt(p), `${m.id}: field ${field} is not in the schema`);
      }
    });
  }
});

describe('rules: robustness', () => {
  const base = fs.readFileSync(path.join(RULES_DIR, 'E02-interaction-directe', 'conforme.ia.yaml'), 'utf8');
  const odd: unknown[] = [null, 'A COMPLETER : texte', 42, [null], { x: 1 }];
  it('no rule throws on values of an unexpected shape, in any field it reads or its parents', function () {
    this.timeout(120_000);
    const { parseDocument } = require('yaml') as typeof import('yaml');
    const prefixes = new Map<string, (string | number)[]>();
    for (const rule of ALL_RULES) {
      for (const field of rule.meta.fields) {
        const p = field.split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), 0] : [s === '<Exx>' ? 'E05' : s]));
        for (let depth = 1; depth <= p.length; depth++) prefixes.set(p.slice(0, depth).join('.'), p.slice(0, depth));
      }
    }
    let runs = 0;
    for (const p of prefixes.values()) {
      for (const v of odd) {
        const doc = parseDocument(base);
        doc.setIn(p, v);
        const r = lint(doc.toString(), 'fr');
        assert.deepEqual(
          r.diagnostics.filter((d) => d.code === 'internal').map((d) => d.message),
          [],
          `${p.join('.')} = ${JSON.stringify(v)}`,
        );
        assert.equal(Object.keys(r.verdicts).length, 14);
        runs++;
      }
    }
    assert.ok(runs > 200, `${runs} runs`);
  });

  it('rules read the injected clock: the review date passes with time', () => {
    const text = base.replace(/date_revue: .*/, 'date_revue: 2026-09-01');
    assert.ok(!lint(text, 'fr', new Date('2026-08-31T12:00:00Z')).diagnostics.some((d) => d.code === 'cadre-date-revue'));
    assert.ok(lint(text, 'fr', new Date('2026-09-02T12:00:00Z')).diagnostics.some((d) => d.code === 'cadre-date-revue'));
  });
});

describe('rules: severities, related information and fixes', () => {
  const at = (rule: string, name: string) => lint(fs.readFileSync(path.join(RULES_DIR, rule, `${name}.ia.yaml`), 'utf8'), 'fr');
  const find = (r: FullLintResult, code: string) => {
    const d = r.diagnostics.find((x) => x.code === code);
    assert.ok(d, `no ${code}:\n${show(r)}`);
    return d;
  };

  it('a breach shows with the rule severity, missing information at most as a warning', () => {
    assert.equal(find(at('E02-interaction-directe', 'interaction-directe'), 'E02-interaction-directe').severity, 'error');
    const missing = find(at('E02-interaction-directe', 'non-renseigne'), 'E02-interaction-directe');
    assert.equal(missing.outcome, 'a_completer');
    assert.equal(missing.severity, 'warning');
    assert.equal(find(at('E12-hebergement-ue', 'hors-ue'), 'E12-hebergement-ue').severity, 'warning');
    assert.equal(find(at('E12-modeles-ouverts', 'poids-fermes'), 'E12-modeles-ouverts').severity, 'hint');
  });

  it('E10 ties the classification to the hosting qualification (related information)', () => {
    const r = at('E10-donnees-sensibles-secnumcloud', 'sensible-sans-secnumcloud');
    const d = find(r, 'E10-donnees-sensibles-secnumcloud');
    assert.equal(d.related?.length, 1);
    const line = r.parsed.text.split('\n')[d.related![0].range.start.line];
    assert.match(line, /^\s*classification: sensible$/);
    assert.match(d.related![0].message, /sensible/);
  });

  it('a derogation in force lowers the engagement findings to information; an expired one does not', () => {
    assert.equal(find(at('cadre-derogation-expiree', 'en-cours'), 'E12-hebergement-ue').severity, 'information');
    assert.equal(find(at('cadre-derogation-expiree', 'expiree'), 'E12-hebergement-ue').severity, 'warning');
  });

  it('mechanical fixes are attached where one exists', () => {
    const days = find(at('E09-journalisation', 'conservation-courte'), 'E09-journalisation');
    assert.deepEqual(
      days.fixes?.map((f) => [f.kind, f.args]),
      [['replace-value', { path: ['securite', 'journalisation', 'conservation_jours'], to: 180 }]],
    );
    const section = find(at('E11-reversibilite', 'section-absente'), 'cadre-section-manquante');
    assert.deepEqual(
      section.fixes?.map((f) => [f.kind, f.args]),
      [['insert-section', { section: 'reversibilite' }]],
    );
    const field = find(at('E04-validation-humaine', 'validation-absente'), 'E04-validation-humaine');
    assert.deepEqual(
      field.fixes?.map((f) => [f.kind, f.args]),
      [['insert-field', { path: ['controle_humain'], key: 'validation' }]],
    );
    const incomplete = find(at('cadre-derogation-incomplete', 'incomplete'), 'cadre-derogation-incomplete');
    assert.deepEqual(
      incomplete.fixes?.map((f) => f.args.key),
      ['validee_par', 'echeance'],
    );
    // A breach the user must decide on is never fixed in a "fix all" pass.
    for (const f of find(at('E02-interaction-directe', 'interaction-directe'), 'E02-interaction-directe').fixes ?? []) assert.ok(!f.preferred);
    // No rule offers a derogation itself: the LSP does, for every derogable engagement.
    for (const rule of ruleDirs)
      for (const file of fixturesIn(path.join(RULES_DIR, rule))) {
        for (const d of lint(fs.readFileSync(file, 'utf8'), 'fr').diagnostics) assert.ok(!(d.fixes ?? []).some((f) => f.kind === 'declare-derogation'), `${file}: ${d.code}`);
      }
  });

  it('no "add" fix when a sibling key is a typo of the missing one (the schema renames it)', () => {
    const text = fs.readFileSync(path.join(RULES_DIR, 'E02-interaction-directe', 'conforme.ia.yaml'), 'utf8').replace('  interaction_directe: false', '  interaction_direct: false');
    const r = lint(text, 'fr');
    assert.deepEqual(find(r, 'E02-interaction-directe').fixes, undefined);
    assert.match(find(r, 'schema-additionalProperties').message, /interaction_directe/);
  });
});

describe('docs: the pages diagnostics link to', function () {
  this.timeout(120_000);
  // Loaded lazily: generating reads every fixture.
  const gen = () => require('../../scripts/gen-docs') as typeof import('../../scripts/gen-docs');

  it('are up to date with the rules, the catalogue, the schema and the fixtures (UPDATE_SNAPSHOTS=1 or npx tsx scripts/gen-docs.ts)', () => {
    const { generateDocs, outdatedDocs, writeDocs } = gen();
    const pages = generateDocs();
    if (UPDATE) writeDocs(pages);
    assert.deepEqual(outdatedDocs(pages), []);
  });

  it('exist for every rule, engagement and schema code a diagnostic can link to', () => {
    const { defaultCatalogue } = require('../../server/src/core/engine') as typeof import('../../server/src/core/engine');
    const { docUrl, engagementUrl } = require('../../server/src/core/catalogue') as typeof import('../../server/src/core/catalogue');
    const { SCHEMA_CODES } = require('../../server/src/core/codes') as typeof import('../../server/src/core/codes');
    const catalogue = defaultCatalogue();
    const base = catalogue.docs_base_url.replace(/\/+$/, '');
    const docs = path.join(__dirname, '..', '..', 'docs');
    const local = (url: string) => path.join(docs, url.slice(base.length + 1).replace(/#.*$/, ''));
    const { codeInfo: info, ENGINE_CODES_LIST } = require('../../server/src/core/codes') as typeof import('../../server/src/core/codes');
    const { bundledCatalogues } = require('../../server/src/core/catalogue') as typeof import('../../server/src/core/catalogue');
    const { frameworkOf } = require('../../server/src/core/framework') as typeof import('../../server/src/core/framework');
    for (const rule of ALL_RULES) {
      const page = fs.readFileSync(local(docUrl(catalogue, rule.meta.id)), 'utf8');
      const title = info(rule.meta.id).title;
      assert.ok(page.includes(title.fr) && page.includes(title.en), rule.meta.id);
      assert.match(page, /```yaml[\s\S]*\^[\s\S]*```/, `${rule.meta.id}: no failing example`);
    }
    for (const code of ENGINE_CODES_LIST) assert.ok(fs.existsSync(local(docUrl(catalogue, code))), code);
    // Every framework shipped: a page for each code it gives and each of its engagements.
    for (const c of bundledCatalogues()) {
      for (const b of frameworkOf(c).bindings) {
        const page = fs.readFileSync(local(docUrl(c, b.code)), 'utf8');
        assert.ok(page.includes(info(b.code, c).title.fr), `${c.id}: ${b.code}`);
      }
      for (const e of c.engagements) assert.ok(fs.existsSync(local(engagementUrl(c, e.id))), `${c.id}: ${e.id}`);
    }
    const schema = fs.readFileSync(local(docUrl(catalogue, 'schema-required')), 'utf8');
    for (const code of SCHEMA_CODES) assert.ok(schema.includes(`<a id="${docUrl(catalogue, code).split('#')[1]}"></a>`), code);
    assert.ok(fs.existsSync(local(docUrl(catalogue, 'syntax'))));
  });
});
