/**
 * The transparency notice (core/notice, `cadre-ia notice`): golden files per case in French and
 * English (test/fixtures/notice: no personal data, individual decisions, high risk, derogation,
 * a barely started declaration), the cases each fixture states in its `# attendu:` line, the
 * legal mentions present exactly when the declaration calls for them, gaps instead of invented
 * text, escaping, and the command line. `UPDATE_SNAPSHOTS=1` rewrites the golden files.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../server/src/cli/main';
import '../../server/src/cli/notice';
import { parse as parseYaml } from 'yaml';
import { lintText } from '../../server/src/core/engine';
import { frameworkSet } from '../../server/src/core/framework';
import { buildNotice, NOTICE_TEXT, noticeOfText, renderNoticeHtml, renderNoticeMarkdown, type NoticeTextOptions } from '../../server/src/core/notice/index';
import { parseDeclaration } from '../../server/src/core/parse';
import type { Locale } from '../../server/src/core/types';
import { htmlTags } from '../fixtures/report/support';

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(ROOT, 'test/fixtures/notice');
const EXPECTED = path.join(DIR, 'expected');
const NOW = new Date('2026-06-01T12:00:00Z');
const FIXTURES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.ia.yaml'))
  .sort();

function options(locale: Locale): NoticeTextOptions {
  const fw = frameworkSet();
  return { locale, now: NOW, frameworkOf: (c) => (c && fw.get(c)) || fw.fallback };
}

function snapshot(name: string, actual: string): void {
  const file = path.join(EXPECTED, name);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.writeFileSync(file, actual, 'utf8');
    return;
  }
  assert.ok(fs.existsSync(file), `golden file ${name} is missing: UPDATE_SNAPSHOTS=1 npx mocha test/unit/notice.test.ts`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_SNAPSHOTS=1 to accept the change)`);
}

function expectations(text: string): Record<string, string> {
  const m = /^# attendu: (.+)$/m.exec(text);
  assert.ok(m, 'a "# attendu:" line');
  return Object.fromEntries(
    m[1]
      .trim()
      .split(/\s+/)
      .map((p) => p.split('=') as [string, string]),
  );
}

function io(env: NodeJS.ProcessEnv = {}, cwd = ROOT): Io & { out: string; err: string } {
  const o = { out: '', err: '', env, cwd, stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s) };
  return o;
}

describe('notice: golden files and cases per fixture', () => {
  it('has the five cases', () => assert.equal(FIXTURES.length, 5));
  for (const f of FIXTURES) {
    const text = fs.readFileSync(path.join(DIR, f), 'utf8');
    const base = f.replace(/\.ia\.yaml$/, '');
    it(`${base}: Markdown fr and en, HTML fr match their golden files`, () => {
      snapshot(`${base}.md`, noticeOfText(text, 'md', options('fr')).content);
      snapshot(`${base}.en.md`, noticeOfText(text, 'md', options('en')).content);
      snapshot(`${base}.html`, noticeOfText(text, 'html', options('fr')).content);
    });
    it(`${base}: falls in the cases its "# attendu:" line states`, () => {
      const want = expectations(text);
      const m = noticeOfText(text, 'md', options('fr')).model!;
      const yn = (b: boolean) => (b ? 'oui' : 'non');
      assert.deepEqual(
        {
          personnelles: yn(m.cases.personalData),
          decisions: yn(m.cases.individualDecisions),
          haut_risque: yn(m.cases.highRisk),
          interaction: yn(m.cases.interaction),
          derogations: String(m.cases.derogations),
          lacunes: String(m.gaps.length),
        },
        want,
      );
    });
  }
});

describe('notice: the legal mentions follow the declaration', () => {
  const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');
  it('CRPA L311-3-1 mention and the rules page (L312-1-3) only with individual decisions', () => {
    const yes = noticeOfText(read('decisions-individuelles.ia.yaml'), 'md', options('fr')).content;
    assert.match(yes, /Cette décision a été prise sur le fondement d’un traitement algorithmique\. Ce traitement a pour finalité : appliquer les critères/);
    assert.match(yes, /https:\/\/www\.mairie-exemple\.fr\/algorithmes\/creches/);
    assert.match(yes, /L312-1-3/);
    const no = noticeOfText(read('sans-donnees-personnelles.ia.yaml'), 'md', options('fr')).content;
    assert.doesNotMatch(no, /L311-3-1|L312-1-3|traitement algorithmique/);
  });
  it('AI Act art. 50 disclosure only when people interact with the system', () => {
    const yes = noticeOfText(read('derogation.ia.yaml'), 'md', options('fr')).content;
    assert.match(yes, /Vous échangez avec un système d’intelligence artificielle, pas avec un agent de Ville de Lyon\. Pour joindre une personne/);
    for (const f of FIXTURES.filter((x) => x !== 'derogation.ia.yaml')) assert.doesNotMatch(noticeOfText(read(f), 'md', options('fr')).content, /Vous échangez avec/, f);
  });
  it('GDPR rights only with personal data; objection only on a public-task or legitimate-interest basis; consent can be withdrawn', () => {
    assert.doesNotMatch(noticeOfText(read('sans-donnees-personnelles.ia.yaml'), 'md', options('fr')).content, /RGPD|CNIL/);
    assert.match(noticeOfText(read('decisions-individuelles.ia.yaml'), 'md', options('fr')).content, /vous opposer à leur traitement \(article 21\)/);
    const legal = noticeOfText(read('haut-risque.ia.yaml'), 'md', options('fr')).content;
    assert.match(legal, /CNIL/);
    assert.doesNotMatch(legal, /article 21|consentement/);
    assert.match(noticeOfText(read('derogation.ia.yaml'), 'md', options('fr')).content, /retirer votre consentement/);
  });
  it('a derogation in force is shown with its justification and end date; an expired one is not', () => {
    const md = noticeOfText(read('derogation.ia.yaml'), 'md', options('fr')).content;
    assert.match(md, /E09 — .+ : Homologation en cours, .+ \(jusqu’au 31 décembre 2026\)/);
    assert.doesNotMatch(md, /E11|renégociation/);
  });
});

describe('notice: gaps, never invented text', () => {
  it('each fact the notice needs and the declaration lacks is a gap naming its field; a complete declaration has none', () => {
    const m = noticeOfText(fs.readFileSync(path.join(DIR, 'lacunes.ia.yaml'), 'utf8'), 'md', options('fr')).model!;
    for (const field of [
      'projet.description',
      'interet_general.finalite',
      'projet.direction',
      'projet.responsable.email',
      'controle_humain.niveau',
      'controle_humain.validation',
      'donnees.personnelles',
      'droits.recours',
      'droits.decisions_individuelles',
    ]) {
      assert.ok(
        m.gaps.some((g) => g.includes(`(${field})`)),
        `gap for ${field}`,
      );
    }
    assert.deepEqual(noticeOfText(fs.readFileSync(path.join(DIR, 'sans-donnees-personnelles.ia.yaml'), 'utf8'), 'md', options('fr')).model!.gaps, []);
  });
  it('removing any one fact of a complete declaration adds a gap, never a default text', () => {
    const text = fs.readFileSync(path.join(DIR, 'decisions-individuelles.ia.yaml'), 'utf8');
    const data = parseDeclaration(text).value as Record<string, Record<string, unknown>>;
    const fw = frameworkSet();
    const cases: [string, string, string][] = [
      ['projet', 'description', 'projet.description'],
      ['projet', 'direction', 'projet.direction'],
      ['interet_general', 'finalite', 'interet_general.finalite'],
      ['controle_humain', 'validation', 'controle_humain.validation'],
      ['controle_humain', 'niveau', 'controle_humain.niveau'],
      ['donnees', 'base_legale', 'donnees.base_legale'],
      ['donnees', 'conservation_jours', 'donnees.conservation_jours'],
      ['droits', 'recours', 'droits.recours'],
      ['droits', 'publication_regles_url', 'droits.publication_regles_url'],
      ['transparence', 'texte_mention', 'transparence.texte_mention'],
    ];
    for (const [section, key, field] of cases) {
      const copy = structuredClone(data);
      delete copy[section][key];
      const m = buildNotice(copy, { locale: 'fr', now: NOW, catalogue: fw.get('lyon-ia/v1') });
      assert.deepEqual(
        m.gaps.map((g) => /\(([^)]+)\)$/.exec(g)?.[1]),
        [field],
        `without ${field}`,
      );
      const md = renderNoticeMarkdown(m);
      assert.match(md, new RegExp(`\\*\\*\\\\\\[à compléter : [^\\]]*\\(${field.replace(/[._]/g, (c) => (c === '.' ? '\\.' : '\\\\_'))}\\)\\\\\\]\\*\\*`), `visible marker for ${field}`);
      assert.match(renderNoticeHtml(m), /<strong class="gap">\[à compléter : /);
    }
  });
  it('never throws on any shape of data', () => {
    for (const data of [
      null,
      42,
      'texte',
      [],
      {},
      { projet: [] },
      { projet: { nom: 3, responsable: 'x' }, droits: { decisions_individuelles: true, ai_act: 'haut_risque' }, engagements: { E09: { statut: 'derogation' } } },
    ]) {
      const m = buildNotice(data, { locale: 'en' });
      assert.ok(renderNoticeMarkdown(m).startsWith('# '));
      htmlTags(renderNoticeHtml(m));
    }
    assert.equal(noticeOfText('- a\n- b\n', 'md').model, undefined);
    assert.equal(noticeOfText('a: [\n', 'md').model?.gaps.length !== undefined, true);
  });
});

describe('notice: HTML page', () => {
  it('is well formed, one h1, lang, no script or external resource, and escapes user strings', () => {
    const text = fs.readFileSync(path.join(DIR, 'haut-risque.ia.yaml'), 'utf8');
    for (const locale of ['fr', 'en'] as const) {
      const html = noticeOfText(text, 'html', options(locale)).content;
      const tags = htmlTags(html);
      assert.equal(tags.find((t) => t.name === 'html')?.attrs, ` lang="${locale}"`);
      assert.equal(tags.filter((t) => t.name === 'h1').length, 1);
      for (const bad of ['script', 'link', 'img', 'iframe']) assert.equal(tags.filter((t) => t.name === bad).length, 0, bad);
      assert.doesNotMatch(html, /<aides>|href="javascript/);
      assert.match(html, /&lt;aides&gt; &amp; secours/);
      for (const t of tags) {
        const href = /\bhref="([^"]*)"/.exec(t.attrs);
        if (href) assert.match(href[1], /^(mailto:[^"\s]+|https:\/\/[^"\s]+)$/);
      }
    }
  });
  it('Markdown: a value starting with "#" does not become a heading; link syntax in values is inert', () => {
    const md = noticeOfText(fs.readFileSync(path.join(DIR, 'haut-risque.ia.yaml'), 'utf8'), 'md', options('fr')).content;
    assert.match(md, /^\\# Un modèle/m);
    assert.match(md, /\\\[des aides\\\]\(javascript:x\)/);
  });
});

describe('notice: every example has a notice', () => {
  const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.ia.yaml'));
  it('renders fr and en Markdown and HTML for each, named after projet.id', () => {
    assert.ok(examples.length >= 5);
    for (const f of examples) {
      const text = fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8');
      for (const locale of ['fr', 'en'] as const) {
        const md = noticeOfText(text, 'md', options(locale));
        assert.equal(md.name, `notice-${f.replace(/\.ia\.yaml$/, '')}.md`, f);
        assert.ok(md.content.length > 1000, f);
        htmlTags(noticeOfText(text, 'html', options(locale)).content);
      }
    }
  });
});

describe('notice: the command line', () => {
  it('one file to stdout (exit 0), its gaps on stderr', async () => {
    const o = io();
    assert.equal(await main(['notice', 'test/fixtures/notice/lacunes.ia.yaml', '--locale', 'en'], o), 0);
    assert.match(o.out, /^# Information notice: Projet à peine commencé\n/);
    assert.match(o.err, /lacunes\.ia\.yaml: 11 items to be completed: the name of the public body \(--config, ville\); what the system does \(projet\.description\)/);
  });
  it('--out DIR writes one notice per declaration; --format html; --config names the organisation', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-notice-'));
    fs.writeFileSync(path.join(dir, 'bilan.yaml'), 'ville: Ville d’Exemple\n');
    const o = io();
    assert.equal(await main(['notice', 'test/fixtures/notice', '--out', path.join(dir, 'out'), '--format', 'html', '--config', path.join(dir, 'bilan.yaml'), '--date', '2026-06-01'], o), 0, o.err);
    const files = fs.readdirSync(path.join(dir, 'out')).sort();
    assert.deepEqual(files, [
      'notice-attribution-places-creche.html',
      'notice-detection-fuites-reseau.html',
      'notice-prise-rendez-vous.html',
      'notice-projet-a-peine-commence.html',
      'notice-score-aides-facultatives.html',
    ]);
    const html = fs.readFileSync(path.join(dir, 'out', files[0]), 'utf8');
    assert.match(html, /Ville d’Exemple utilise un système/);
    assert.match(html, /Établie le 1er juin 2026\./);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('--output FILE; exit 2 with several files and no --out, with no file, on a non-declaration, and on an unwritable output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-notice-'));
    let o = io();
    assert.equal(await main(['notice', 'test/fixtures/notice/derogation.ia.yaml', '--output', path.join(dir, 'n.md')], o), 0);
    assert.match(fs.readFileSync(path.join(dir, 'n.md'), 'utf8'), /^# Notice d’information : Aide à la prise de rendez-vous/);
    o = io();
    assert.equal(await main(['notice', 'test/fixtures/notice'], o), 2);
    assert.match(o.err, /5 déclarations trouvées : --out DOSSIER/);
    o = io();
    assert.equal(await main(['notice'], o), 2);
    assert.match(o.err, /aucune déclaration donnée/);
    o = io();
    fs.writeFileSync(path.join(dir, 'liste.ia.yaml'), '- a\n- b\n');
    assert.equal(await main(['notice', path.join(dir, 'liste.ia.yaml')], o), 2);
    assert.match(o.err, /ne contient pas une déclaration/);
    o = io();
    assert.equal(await main(['notice', 'test/fixtures/notice/derogation.ia.yaml', '--output', path.join(dir, 'absent', 'n.md')], o), 2);
    assert.match(o.err, /écriture impossible/);
    o = io();
    assert.equal(await main(['notice', 'x.ia.yaml', '--format', 'pdf'], o), 2);
    assert.match(o.err, /valeurs admises : md, html/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('is listed in the general help', async () => {
    const o = io();
    await main(['--help'], o);
    assert.match(o.out, /notice +écrit la notice d’information/);
  });
});

describe('notice: the proposed mentions of schemas/templates.yaml (snippets mention-ia, mention-crpa)', () => {
  const templates = parseYaml(fs.readFileSync(path.join(ROOT, 'schemas/templates.yaml'), 'utf8')) as { mentions: Record<string, { text: string }> };
  it('the CRPA mention in the template’s comment is the notice’s, word for word', () => {
    const comment = templates.mentions.crpa.text
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .slice(1)
      .map((l) => l.replace(/^# ?/, ''))
      .join(' ')
      .replace(/^« |\s»$/g, '');
    const notice = NOTICE_TEXT.crpaText.fr.replace('{purpose}', '<finalité du traitement>').replace('{contact}', '<adresse de contact>');
    assert.equal(comment, notice);
  });
  it('each proposal, placed in a complete declaration, is refused by the schema until its placeholders are accepted', () => {
    const base = fs.readFileSync(path.join(DIR, 'decisions-individuelles.ia.yaml'), 'utf8');
    const e07 = base.replace(/^transparence:\n(  .*\n)+/m, templates.mentions.transparence.text);
    const crpa = base.replace(
      /^  decisions_individuelles: true\n  mention_explicite: true\n  publication_regles_url: .*\n  recours: .*\n/m,
      templates.mentions.crpa.text.replace(/^/gm, '  ').replace(/ +$/, ''),
    );
    assert.notEqual(e07, base);
    assert.notEqual(crpa, base);
    const schemaErrors = (text: string) =>
      lintText(text, { now: NOW })
        .diagnostics.filter((d) => String(d.code).startsWith('schema-'))
        .map((d) => text.split('\n')[d.range.start.line].trim().split(':')[0]);
    assert.deepEqual(new Set(schemaErrors(e07)), new Set(['mention_ia', 'texte_mention']));
    assert.deepEqual(new Set(schemaErrors(crpa)), new Set(['decisions_individuelles', 'mention_explicite', 'publication_regles_url', 'recours']));
    const accepted = e07.replace(/"A COMPLETER : ([^"]*)"/g, (_, v: string) => (v.startsWith('true ou false') ? 'true' : JSON.stringify(v)));
    assert.deepEqual(schemaErrors(accepted), []);
  });
});
