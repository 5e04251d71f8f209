/**
 * The rules are framework-neutral: no rule file names a city. What a city's framework says of a
 * rule (its wording, its deliberation, its choices) is its catalogue's data (`note`, `references`
 * of a rule entry), and reaches its users the same way the rule's own text does: hovers, docs
 * pages (scripts/gen-docs.ts prints the note), SARIF help.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledCatalogues, cadreId, parseCatalogue, type Catalogue } from '../../server/src/core/catalogue';
import { codeInfo } from '../../server/src/core/codes';
import { knownRuleIds, lintText } from '../../server/src/core/engine';
import { frameworkOf } from '../../server/src/core/framework';
import { diagnosticMarkdown } from '../../server/src/core/hover';
import { t } from '../../server/src/core/i18n';
import { formatSarif } from '../../server/src/cli/formats/sarif';

const ROOT = path.join(__dirname, '..', '..');
const RULES_DIR = path.join(ROOT, 'server', 'src', 'core', 'rules');

/** Leading common nouns of an organisation's name: « Ville de Lyon » names the city « Lyon ». */
const ORGANISATION_NOUN = /^(?:ville|commune|métropole|metropole|city|town|municipality|metropolis|département|region|région|eurométropole)\s+(?:de la |de l['’]|de |du |des |d['’]|of the |of )?/i;

/** The city names no rule file may contain: Lyon, those a bundled catalogue names (`city`), and the cities the code once cited. */
function cityNames(catalogues: readonly Catalogue[]): string[] {
  const names = new Set<string>(['Lyon', 'Strasbourg']);
  for (const c of catalogues) {
    if (!c.city) continue;
    for (const full of [c.city.fr, c.city.en]) {
      names.add(full.trim());
      const bare = full.trim().replace(ORGANISATION_NOUN, '').trim();
      if (bare) names.add(bare);
    }
  }
  return [...names];
}

/** Where `text` names one of `names` (a whole word, any case): `name@line`. */
function cityMentions(text: string, names: readonly string[]): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  for (const name of names) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    lines.forEach((line, i) => {
      if (re.test(line)) out.push(`${name}@${i + 1}`);
    });
  }
  return out;
}

const catalogues = bundledCatalogues(knownRuleIds());
const lyon = catalogues.find((c) => cadreId(c) === 'lyon-ia/v1')!;
const socle = catalogues.find((c) => cadreId(c) === 'socle-ia/v1')!;

describe('rules are framework-neutral: no rule file names a city', () => {
  const names = cityNames(catalogues);

  it('the city names come from the bundled catalogues (Lyon’s gives « Lyon »)', () => {
    assert.ok(names.includes('Lyon'));
    assert.ok(names.includes('Ville de Lyon'), 'the full name of the organisation, from lyon-2025.yaml');
  });

  it('the detector finds a city in a rule text, whatever its case, and not inside another word', () => {
    assert.deepEqual(cityMentions("  fr: 'Le cadre de Lyon exige…',", names), ['Lyon@1']);
    assert.deepEqual(cityMentions('x\nemail: ia@mairie-lyon.fr', names), ['Lyon@2']);
    assert.deepEqual(cityMentions('Lyonnaise, Salyon', names), [], 'part of a longer word');
    assert.deepEqual(cityMentions("'Charte de l’IA de Strasbourg (2025)'", names), ['Strasbourg@1']);
  });

  const files = fs
    .readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  it('reads every rule file', () => assert.ok(files.length > 40, `${files.length} files`));
  for (const file of files) {
    it(`${file} names no city`, () => {
      assert.deepEqual(cityMentions(fs.readFileSync(path.join(RULES_DIR, file), 'utf8'), names), [], `${file} names a city: move the wording to the catalogue (note, references)`);
    });
  }
});

describe('a city’s words are its catalogue’s: Lyon’s users see them, other frameworks do not', () => {
  // What the rule texts said of Lyon before they became neutral, now in lyon-2025.yaml.
  const CASES: { code: string; note?: RegExp; reference?: RegExp }[] = [
    {
      code: 'E02-interaction-directe',
      note: /Lyon exclut toute IA en interaction directe.*n’admet pas de dérogation/,
      reference: /^Cadre IA de Lyon \(2025\), engagement « pas d’IA en interaction directe/,
    },
    { code: 'E08-formation', note: /Lyon a formé 600 agents par des webinaires internes/, reference: /600 agents formés par webinaires/ },
    { code: 'E08-dialogue-social', note: /rédigé avec les organisations syndicales/, reference: /rédigé avec les organisations syndicales/ },
    { code: 'E11-reversibilite', note: /Lyon exige une garantie de réversibilité/, reference: /engagement de réversibilité/ },
    { code: 'E12-hebergement-ue', note: /Lyon pèse l’indépendance/, reference: /indépendance vis-à-vis des technologies extra-européennes/ },
    { code: 'E07-mention-ia', note: /Strasbourg/, reference: /Charte de l’IA de Strasbourg \(2025\)/ },
    { code: 'E01-finalite', reference: /pertinence des projets/ },
    { code: 'E01-alternatives', reference: /pertinence des projets/ },
    { code: 'E01-alternative-sans-ia', reference: /pertinence des projets/ },
    { code: 'E01-indicateurs', reference: /évaluation des projets/ },
    { code: 'E03-bilan-annuel', reference: /bilan annuel/ },
    { code: 'E03-chiffres-usage', reference: /bilan annuel/ },
    { code: 'E12-modeles-ouverts', reference: /souveraineté/ },
    { code: 'cadre-derogation-interdite', note: /E02.*n’admet pas de dérogation/, reference: /pas d’IA en interaction directe/ },
    { code: 'cadre-engagement-inconnu', note: /E01 à E14/, reference: /14 engagements/ },
    { code: 'cadre-date-revue', reference: /suivi des projets/ },
    { code: 'cadre-derogation-expiree', reference: /gouvernance des projets/ },
    { code: 'cadre-derogation-incomplete', reference: /gouvernance des projets/ },
    { code: 'cadre-non-applicable-justification', reference: /gouvernance des projets/ },
  ];

  for (const c of CASES) {
    it(`${c.code}: Lyon’s catalogue gives its ${[c.note && 'note', c.reference && 'reference'].filter(Boolean).join(' and ')}`, () => {
      assert.ok(frameworkOf(lyon).byCode.has(c.code), `${c.code} runs under Lyon`);
      const info = codeInfo(c.code, lyon);
      if (c.note) {
        assert.match(info.note?.fr ?? '', c.note);
        assert.ok(info.note?.en, 'the note has its English text');
      }
      if (c.reference)
        assert.ok(
          info.references.some((r) => c.reference!.test(r)),
          `${c.code}: ${info.references.join(' | ')}`,
        );
      // Without a framework (the rule's generic page), no city.
      const generic = codeInfo(c.code);
      assert.equal(generic.note, undefined);
      assert.ok(!generic.references.some((r) => /Lyon|Strasbourg/.test(r)), generic.references.join(' | '));
    });
  }

  it('under the legal baseline no text of any rule it runs names Lyon', () => {
    for (const b of frameworkOf(socle).bindings) {
      const info = codeInfo(b.code, socle);
      const texts = [info.title, info.description, info.howToFix, info.note].filter(Boolean).flatMap((l) => [l!.fr, l!.en]);
      for (const s of [...texts, ...info.references]) assert.doesNotMatch(s, /Lyon/, `${b.code}: ${s}`);
    }
  });

  it('under the legal baseline no rule text names one of Lyon’s engagement ids: messages name the engagement they are listed under', () => {
    const lyonIds = lyon.engagements.map((e) => e.id);
    for (const b of frameworkOf(socle).bindings) {
      const info = codeInfo(b.code, socle);
      const data = { engagement: b.engagement?.id ?? '' };
      const texts = [info.title, info.description, info.howToFix, info.note, ...Object.values(b.rule.meta.messages)].filter(Boolean).flatMap((l) => [t(l!, 'fr', data), t(l!, 'en', data)]);
      for (const s of texts) for (const id of lyonIds) assert.doesNotMatch(s, new RegExp(`\\b${id}\\b`), `${b.code}: ${s}`);
    }
    // A finding as the engine writes it: the missing `agents` section names AIA-4 (the engine
    // reports missing sections, under cadre-section-manquante), and no Lyon engagement.
    const text = fs
      .readFileSync(path.join(ROOT, 'examples', 'assistant-conversationnel-usagers.ia.yaml'), 'utf8')
      .replace(/^cadre: lyon-ia\/v1$/m, 'cadre: socle-ia/v1')
      .replace(/^agents:\n(?:  .*\n)+/m, '');
    for (const locale of ['fr', 'en'] as const) {
      const r = lintText(text, { locale, now: new Date('2026-12-02T12:00:00Z') });
      const d = r.diagnostics.find((x) => x.code === 'cadre-section-manquante' && /agents/.test(x.message));
      assert.ok(d, r.diagnostics.map((x) => x.code).join(' '));
      assert.equal(d.engagement, 'AIA-4');
      assert.match(d.message, /\bAIA-4\b/);
      for (const x of r.diagnostics) for (const id of lyonIds) assert.doesNotMatch(x.message, new RegExp(`\\b${id}\\b`), `${x.code}: ${x.message}`);
    }
  });

  it('the hover of a finding shows the catalogue’s note (Lyon’s words on E02)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'assistant-conversationnel-usagers.ia.yaml'), 'utf8');
    const r = lintText(text, { locale: 'fr', now: new Date('2026-12-02T12:00:00Z') });
    const d = r.diagnostics.find((x) => x.code === 'E02-interaction-directe')!;
    assert.ok(d, 'the chatbot breaks E02 under Lyon');
    assert.equal(
      d.message,
      'Interaction directe avec les usagers : interdite par le cadre (engagement E02, sans dérogation possible).',
      'the engagement id comes from the binding: Lyon’s message unchanged',
    );
    const md = diagnosticMarkdown(d, 'fr', r.catalogue);
    assert.match(md, /Le cadre de Lyon exclut toute IA en interaction directe/);
    assert.match(diagnosticMarkdown(d, 'en', r.catalogue), /Lyon's framework rules out any AI/);
  });

  it('SARIF: a rule’s full description and help carry the catalogue’s note, in the run’s language', () => {
    const run = (locale: 'fr' | 'en') =>
      JSON.parse(formatSarif({ results: [], findings: [], baselined: 0, locale, catalogue: lyon, version: '0.0.0', root: ROOT, cwd: ROOT, color: false })) as {
        runs: { tool: { driver: { rules: { id: string; fullDescription: { text: string }; help: { markdown: string }; properties: { references: string[] } }[] } } }[];
      };
    const rule = (locale: 'fr' | 'en', id: string) => run(locale).runs[0].tool.driver.rules.find((r) => r.id === id)!;
    const fr = rule('fr', 'E08-formation');
    assert.match(fr.fullDescription.text, /Lyon a formé 600 agents/);
    assert.match(fr.help.markdown, /Lyon a formé 600 agents/);
    assert.ok(fr.properties.references.some((r) => /600 agents/.test(r)));
    assert.match(rule('en', 'E08-formation').help.markdown, /Lyon trained 600 agents/);
    assert.match(rule('fr', 'cadre-engagement-inconnu').help.markdown, /E01 à E14/);
  });

  it('a note is given in both languages wherever a catalogue writes one', () => {
    for (const c of catalogues) {
      for (const b of frameworkOf(c).bindings) {
        const note = b.ref?.note;
        if (note) assert.ok(t(note, 'fr') && t(note, 'en'), `${cadreId(c)} ${b.code}`);
      }
    }
  });
});

describe('the register’s engagement is data (register_engagement)', () => {
  it('Lyon’s catalogue names E03; the legal baseline names none', () => {
    assert.equal(lyon.register_engagement, 'E03');
    assert.equal(socle.register_engagement, undefined);
    assert.equal(codeInfo('projet-id-duplique', lyon).engagement, 'E03');
    assert.equal(codeInfo('projet-id-duplique', socle).engagement, undefined);
  });

  it('a catalogue naming an engagement it does not define is refused, with did-you-mean', () => {
    const text = fs.readFileSync(path.join(ROOT, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8').replace(/^register_engagement: E03$/m, 'register_engagement: E3');
    assert.notEqual(text, fs.readFileSync(path.join(ROOT, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8'));
    const load = parseCatalogue(text, 'x.yaml', knownRuleIds());
    assert.equal(load.catalogue, undefined);
    const p = load.problems?.find((x) => x.kind === 'engagement-inconnu');
    assert.ok(p, JSON.stringify(load.errors));
    assert.deepEqual(p.path, ['register_engagement']);
    assert.equal(p.suggestion, 'E03');
  });
});
