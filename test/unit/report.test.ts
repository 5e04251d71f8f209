import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main, type Io } from '../../server/src/cli/main';
import '../../server/src/cli/report';
import { defaultCatalogue } from '../../server/src/core/engine';
import { renderCsv, renderEurocities, renderEurocitiesJson, renderHtml, renderMarkdown, renderReport, validateEurocities } from '../../server/src/core/report/index';
import { collectReport } from '../../server/src/node/report';
import { FIXED_CSV_COLUMNS } from '../../server/src/core/report/csv';
import { mdEscape } from '../../server/src/core/report/markdown';
import { VERDICT_COLORS, TEXT_COLOR, ENERGY_COLOR } from '../../server/src/core/report/svg';
import { checkSnapshot, contrast, DECLS, fixtureModel, htmlTags, NOW, parseCsv } from '../fixtures/report/support';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-report-'));
}

function io(env: NodeJS.ProcessEnv = {}): Io & { out: string; err: string } {
  const o = { out: '', err: '', env, stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s) };
  return o;
}

/** Structural checks every HTML report must pass, whatever the declarations. */
function checkHtml(html: string, lang: 'fr' | 'en'): ReturnType<typeof htmlTags> {
  const tags = htmlTags(html);
  assert.ok(html.startsWith('<!DOCTYPE html>\n'), 'doctype');
  assert.equal(tags.filter((t) => t.name === 'html')[0].attrs, ` lang="${lang}"`);
  assert.equal(tags.filter((t) => t.name === 'h1').length, 1, 'exactly one h1');
  assert.ok(tags.filter((t) => t.name === 'h2').length >= 8, 'sections have headings');
  // No external resource, and nothing that needs a script.
  // The one image allowed is the configured logo, embedded as a data: URL, with a text alternative.
  for (const img of tags.filter((t) => t.name === 'img')) assert.match(img.attrs, /^ src="data:image\/(svg\+xml|png|jpeg);base64,[A-Za-z0-9+/=]+" alt="[^"]*"$/, 'an embedded logo');
  for (const forbidden of ['script', 'link', 'iframe', 'object', 'embed', 'base', 'audio', 'video', 'source', 'use', 'image', 'foreignobject']) {
    assert.equal(tags.filter((t) => t.name === forbidden).length, 0, `no <${forbidden}>`);
  }
  for (const t of tags.filter((x) => x.name !== 'img')) {
    assert.doesNotMatch(t.attrs, /\b(src|srcset|xlink:href|action|formaction|background|poster|data)\s*=/i, `<${t.name}${t.attrs}> loads nothing`);
    assert.doesNotMatch(t.attrs, /\bon[a-z]+\s*=/i, `<${t.name}${t.attrs}> has no event handler`);
    const href = /\bhref="([^"]*)"/.exec(t.attrs);
    if (href) assert.match(href[1], /^(#[a-z0-9-]+|mailto:[^"\s]+|https?:\/\/[^"\s]+)$/, `in-page links and the configured contact only: ${href[1]}`);
  }
  const styles = [...html.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1]).join('\n');
  assert.ok(styles.length > 500, 'the style sheet is inline');
  assert.doesNotMatch(styles, /@import|url\(|@font-face|https?:/i, 'the style sheet loads nothing');
  // Tables: a caption each, every header cell scoped.
  const tables = tags.filter((t) => t.name === 'table').length;
  assert.ok(tables >= 2, 'summary and engagements tables at least');
  assert.equal(tags.filter((t) => t.name === 'caption').length, tables, 'one caption per table');
  for (const th of tags.filter((t) => t.name === 'th')) assert.match(th.attrs, /\bscope="(col|row)"/, `<th${th.attrs}> has a scope`);
  // Charts: inline SVG with role, title and description referenced by aria-labelledby.
  const svgs = [...html.matchAll(/<svg ([^>]*)>\n<title id="([^"]+)">[^<]+<\/title>\n<desc id="([^"]+)">[^<]+<\/desc>/g)];
  assert.equal(svgs.length, tags.filter((t) => t.name === 'svg').length, 'every svg starts with its title and desc');
  for (const s of svgs) {
    assert.match(s[1], /role="img"/);
    assert.match(s[1], new RegExp(`aria-labelledby="${s[2]} ${s[3]}"`));
  }
  // Printable.
  assert.match(html, /@media print \{/);
  return tags;
}

describe('report: golden files on the fixture declarations', () => {
  const cases: { name: string; render: () => string }[] = [
    { name: 'bilan-2026.md', render: () => renderMarkdown(fixtureModel(2026, 'fr', { generatedOn: '2026-06-01' })) },
    { name: 'bilan-2026.en.md', render: () => renderMarkdown(fixtureModel(2026, 'en', { generatedOn: '2026-06-01' })) },
    { name: 'registre-2026.csv', render: () => renderCsv(fixtureModel(2026)) },
    { name: 'registre-2026.json', render: () => renderEurocitiesJson(fixtureModel(2026, 'fr', { generatedOn: '2026-06-01' })) },
    { name: 'bilan-2025.md', render: () => renderMarkdown(fixtureModel(2025)) },
  ];
  for (const c of cases) it(c.name, () => checkSnapshot(c.name, c.render()));
});

describe('report: model', () => {
  const model = fixtureModel(2026);
  const byFile = (file: string) => [...model.projects, ...model.studied, ...model.excluded].find((p) => p.file === `decls/${file}`);

  it('flags declarations with errors and keeps them in the report', () => {
    const p = byFile('aide-redaction.ia.yaml');
    assert.ok(p && model.projects.includes(p), 'counted');
    assert.ok(p.errorCount > 0);
    assert.ok(
      p.errors.some((e) => e.code === 'E02-interaction-directe'),
      'the E02 error is listed',
    );
    assert.ok(p.errors.every((e) => e.line > 0));
    assert.equal(model.totals.flagged, [...model.projects, ...model.studied].filter((x) => x.errorCount > 0).length);
  });

  it('lists a file with a YAML syntax error as unreadable, not as a project', () => {
    assert.deepEqual(
      model.unreadable.map((u) => u.file),
      ['decls/casse.ia.yaml'],
    );
    assert.ok(model.unreadable[0].line && model.unreadable[0].line > 1);
    assert.equal(byFile('casse.ia.yaml'), undefined);
  });

  it('lists derogations with their justification, approver, end date and state', () => {
    const d = model.derogations.map((x) => [x.engagement, x.projectId, x.endDate, x.state, !!x.justification, !!x.approvedBy]);
    assert.deepEqual(d, [
      ['E08', 'tri-courriers', '2025-12-31', 'expiree', true, true],
      ['E09', 'transcription-conseils', '2027-01-01', 'en_vigueur', true, true],
      ['E09', 'tri-courriers', '2027-06-30', 'en_vigueur', true, true],
    ]);
    assert.equal(model.engagements.find((e) => e.id === 'E09')?.counts.derogation, 2);
  });

  it('counts every project once per engagement', () => {
    for (const e of model.engagements) {
      const sum = Object.values(e.counts).reduce((a, b) => a + b, 0);
      assert.equal(sum, model.totals.projects, e.id);
    }
    assert.equal(model.engagements.length, defaultCatalogue().engagements.length);
  });

  it('totals the declared energy and emissions of the counted projects only', () => {
    // transcription 35 + tri 1200 + injection 5 (detection-fuites is retired before 2026).
    assert.equal(model.totals.energyKwh, 1240);
    assert.equal(model.totals.withEnergy, 3);
    assert.equal(model.totals.co2eKg, 64.9);
    assert.equal(fixtureModel(2025).totals.energyKwh, 1600, '2025: tri 1200 + detection-fuites 400');
  });

  it('sorts projects by department, then name; publishes on the configured, injected or current date', () => {
    const keys = model.projects.map((p) => `${p.direction}|${p.nom}`);
    assert.equal(model.projects.length, 4);
    assert.ok(
      keys.indexOf('Direction des relations avec les usagers|Aide à la rédaction des réponses aux usagers') < keys.indexOf('Direction des relations avec les usagers|Tri des courriers entrants'),
    );
    assert.match(renderReport(model)[0].content, /Publié le 1er juin 2026/, 'today (the tests’ NOW)');
    const dated = renderReport(fixtureModel(2026, 'fr', { generatedOn: '2026-05-02' }));
    assert.match(dated[0].content, /Publié le 2 mai 2026/);
    const configured = renderReport(fixtureModel(2026, 'fr', { generatedOn: '2026-05-02', header: { publicationDate: '2026-07-14' } }));
    assert.match(configured[1].content, /Publié le 14 juillet 2026/);
  });

  it('is deterministic', () => {
    const a = renderReport(fixtureModel(2026)).map((f) => f.content);
    const b = renderReport(fixtureModel(2026)).map((f) => f.content);
    assert.deepEqual(a, b);
  });
});

describe('report: escaping of user strings', () => {
  const model = fixtureModel(2026);
  const hostile = model.projects.find((p) => p.id === 'injection');

  it('the fixture really carries markup', () => {
    assert.ok(hostile);
    assert.match(hostile.nom, /<script>/);
    assert.match(hostile.finalite ?? '', /<\/table>/);
  });

  it('HTML: no user string produces markup', () => {
    const html = renderHtml(model);
    const tags = checkHtml(html, 'fr');
    assert.equal(tags.filter((t) => t.name === 'b').length, 0, 'no <b> from "Direction <b>des tests</b>"');
    assert.equal(tags.filter((t) => t.name === 'svg').length, 2, 'only our two charts');
    assert.ok(html.includes('&lt;script&gt;alert(&#39;nom&#39;)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;titre injecté&lt;/h1&gt;'));
    assert.ok(html.includes('&quot;&gt;&lt;svg onload=alert(1)&gt;'));
  });

  it('Markdown: every markup character of a user string is escaped', () => {
    const md = renderMarkdown(model);
    assert.ok(md.includes("\\<script\\>alert('nom')\\</script\\> \\*\\*gras\\*\\* \\| tube"));
    assert.ok(md.includes('\\[lien\\](http://example.com) &amp; &amp;amp;'));
    // Outside our own table pipes and bold markers, no unescaped < > | * [ in any project line.
    for (const line of md.split('\n').filter((l) => l.includes('tube'))) {
      const inner = line
        .replace(/^\| /, '')
        .replace(/ \|$/, '')
        .replace(/ \| /g, ' ')
        .replace(/\*\*(?=\\<script)|(?<=tube)\*\*/g, '');
      assert.doesNotMatch(inner.replace(/\\./g, ''), /[<>|[\]`]/, line);
    }
    assert.equal(mdEscape('a\nb|c'), 'a b\\|c');
  });

  it('CSV: a cell that a spreadsheet would run as a formula is defused', () => {
    const rows = parseCsv(renderCsv(model));
    const header = rows[0];
    const row = rows.find((r) => r[header.indexOf('id')] === 'injection');
    assert.ok(row);
    assert.equal(row[header.indexOf('description')].slice(0, 11), "'=HYPERLINK");
    assert.equal(row[header.indexOf('nom')], "<script>alert('nom')</script> **gras** | tube", 'other text is kept as written');
  });
});

describe('report: CSV register', () => {
  const model = fixtureModel(2026);
  const csv = renderCsv(model);
  const rows = parseCsv(csv);

  it('has one header and one row per counted or studied project, all of the same width', () => {
    assert.equal(rows.length, 1 + model.projects.length + model.studied.length);
    for (const r of rows) assert.equal(r.length, rows[0].length);
    assert.ok(rows[0].includes('E01') && rows[0].includes('E14'));
    assert.equal(new Set(rows[0]).size, rows[0].length, 'unique column names');
  });

  it('every column is documented in docs/report.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/report.md'), 'utf8');
    for (const c of FIXED_CSV_COLUMNS) assert.ok(doc.includes(`| \`${c.name}\` |`), `docs/report.md documents ${c.name}`);
    assert.ok(doc.includes('| `E01` … `E14` |'));
  });

  it('is UTF-8 without BOM and keeps accents', () => {
    assert.notEqual(csv.charCodeAt(0), 0xfeff);
    assert.ok(Buffer.from(csv, 'utf8').toString('utf8').includes('Pré-instruction'));
  });
});

describe('report: HTML accessibility and contrast', () => {
  it('verdict colours, bars and text reach 4.5:1', () => {
    for (const [v, c] of Object.entries(VERDICT_COLORS)) assert.ok(contrast(c, '#ffffff') >= 4.5, `${v} ${c}: ${contrast(c, '#ffffff').toFixed(2)}`);
    assert.ok(contrast(ENERGY_COLOR, '#ffffff') >= 4.5);
    assert.ok(contrast(TEXT_COLOR, '#ffffff') >= 7);
    assert.equal(contrast('#777777', '#ffffff') < 4.5, true, 'the check can fail');
  });

  it('English report: lang="en" and English headings', () => {
    const html = renderHtml(fixtureModel(2026, 'en'));
    checkHtml(html, 'en');
    assert.match(html, /<h2 id="h-projets">Projects in use or in experiment in 2026<\/h2>/);
  });

  it('the energy chart draws the 40 heaviest projects and says so', () => {
    const m = fixtureModel(2026);
    const base = m.projects.find((p) => p.energieKwh !== undefined)!;
    m.projects = Array.from({ length: 45 }, (_, i) => ({ ...base, id: `p${i}`, nom: `Projet ${i}`, energieKwh: i + 1 }));
    const html = renderHtml(m);
    const chart = /<svg [^>]*aria-labelledby="chart-energy[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    assert.equal((chart.match(/<rect /g) ?? []).length, 40);
    assert.ok(chart.includes('>Projet 44</text>') && chart.includes('>Projet 5</text>'));
    assert.ok(!chart.includes('>Projet 4</text>'), 'the lightest ones are left out of the chart');
    assert.match(html, /les 40 projets les plus consommateurs sur 45/);
    assert.equal((html.match(/<td class="num">1<\/td>/g) ?? []).length >= 1, true, 'the lightest is still in its table');
  });

  it('a report with no declaration at all is still well formed', () => {
    const empty = collectReport([path.join(DECLS, 'casse.ia.yaml')], { year: 2026, locale: 'fr', catalogue: defaultCatalogue(), now: NOW }).model;
    assert.equal(empty.projects.length, 0);
    const tags = htmlTags(renderHtml(empty));
    assert.equal(tags.filter((t) => t.name === 'svg').length, 0, 'no empty chart');
    assert.deepEqual(renderEurocities(empty), []);
    assert.equal(renderCsv(empty).split('\n').length, 2, 'header only');
  });
});

describe('report: the command line', () => {
  it('writes the bilan, the register and the review, exit 0 even with declarations in error', async () => {
    const out = tmpDir();
    const o = io();
    const code = await main(['report', DECLS, '--year', '2026', '--out', out, '--date', '2026-06-01'], o);
    assert.equal(code, 0, o.err);
    assert.deepEqual(fs.readdirSync(out).sort(), [
      'bilan-2026-revue.html',
      'bilan-2026-revue.md',
      'bilan-2026.html',
      'bilan-2026.md',
      'registre-2026-excel.csv',
      'registre-2026.csv',
      'registre-2026.json',
    ]);
    assert.match(o.out, /Bilan 2026 écrit dans .*: 4 projet\(s\) en service ou en expérimentation, 1 à l’étude, 3 déclaration\(s\) à corriger, 1 fichier\(s\) illisible\(s\)\./);
    assert.deepEqual(validateEurocities(JSON.parse(fs.readFileSync(path.join(out, 'registre-2026.json'), 'utf8'))), []);
    assert.match(fs.readFileSync(path.join(out, 'bilan-2026.md'), 'utf8'), /Publié le 1er juin 2026/);
    assert.match(o.out, /À relire avant publication : .*bilan-2026-revue\.html/);
  });

  it('defaults: the current year (from --date) and the report/ folder', async () => {
    const cwd = process.cwd();
    const dir = tmpDir();
    try {
      process.chdir(dir);
      const code = await main(['report', DECLS, '--date', '2025-03-01', '--locale', 'en'], io());
      assert.equal(code, 0);
      assert.ok(fs.existsSync(path.join(dir, 'report', 'bilan-2025.html')));
      assert.match(fs.readFileSync(path.join(dir, 'report', 'bilan-2025.md'), 'utf8'), /^# Annual report 2025/);
    } finally {
      process.chdir(cwd);
    }
  });

  const usage: [string, string[], RegExp][] = [
    ['a bad year', ['--year', '26'], /année invalide « 26 »/],
    ['an unknown option', ['--yeer', '2026'], /option inconnue « --yeer » \(vouliez-vous dire « --year » \?\)/],
    ['a bad date', ['--date', '2026-13-45'], /date invalide/],
  ];
  for (const [what, args, message] of usage) {
    it(`exit 2 on ${what}`, async () => {
      const o = io();
      assert.equal(await main(['report', DECLS, '--out', tmpDir(), ...args], o), 2);
      assert.match(o.err, message);
    });
  }

  it('exit 2 on a missing input path, the report still written with the others', async () => {
    const out = tmpDir();
    const o = io();
    assert.equal(await main(['report', DECLS, path.join(DECLS, 'absent.ia.yaml'), '--year', '2026', '--out', out], o), 2);
    assert.match(o.err, /absent\.ia\.yaml : fichier ou dossier introuvable/);
    assert.match(fs.readFileSync(path.join(out, 'bilan-2026-revue.md'), 'utf8'), /absent\.ia\.yaml : fichier ou dossier introuvable/);
    assert.doesNotMatch(fs.readFileSync(path.join(out, 'bilan-2026.md'), 'utf8'), /absent\.ia\.yaml/, 'not in the public bilan');
  });

  it('exit 2 when the output folder cannot be written', async () => {
    const blocker = path.join(tmpDir(), 'a-file');
    fs.writeFileSync(blocker, 'x');
    const o = io();
    assert.equal(await main(['report', DECLS, '--year', '2026', '--out', blocker], o), 2);
    assert.match(o.err, /écriture impossible/);
  });

  it('prints its help', async () => {
    const o = io();
    assert.equal(await main(['report', '--help'], o), 0);
    assert.match(o.out, /--year AAAA/);
  });
});

describe('report: the shared examples/ folder (structure only)', () => {
  it('renders four well-formed outputs that agree with each other', () => {
    const { model } = collectReport([path.join(ROOT, 'examples')], { year: 2026, locale: 'fr', catalogue: defaultCatalogue(), now: NOW, displayRoot: ROOT });
    const files = renderReport(model);
    assert.deepEqual(
      files.map((f) => f.name),
      ['bilan-2026.md', 'bilan-2026.html', 'registre-2026.csv', 'registre-2026-excel.csv', 'registre-2026.json', 'bilan-2026-revue.html', 'bilan-2026-revue.md'],
    );
    checkHtml(files[1].content, 'fr');
    const rows = parseCsv(files[2].content);
    const records = JSON.parse(files[4].content);
    assert.equal(rows.length - 1, model.projects.length + model.studied.length);
    assert.equal(records.length, rows.length - 1);
    assert.deepEqual(validateEurocities(records), []);
    for (const p of model.projects) assert.ok(files[0].content.includes(mdEscape(p.nom)), `${p.file} is in the Markdown`);
    for (const u of model.unreadable) assert.ok(files[6].content.includes(mdEscape(u.file)), `${u.file} is listed as unreadable in the review`);
  });
});

if (fs.existsSync(CHROMIUM)) {
  describe('report: the HTML in Chromium', function () {
    this.timeout(120_000);

    it('shows the tables and both charts, loads nothing else, prints (screenshot in test-results/)', async () => {
      // playwright-core drives Debian's Chromium: no browser download.
      const { chromium } = await import('playwright-core');
      const dir = path.join(ROOT, 'test-results', 'report');
      fs.mkdirSync(dir, { recursive: true });
      const model = fixtureModel(2026, 'fr', { generatedOn: '2026-06-01' });
      const file = path.join(dir, 'bilan-2026.html');
      fs.writeFileSync(file, renderHtml(model));
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(pathToFileURL(file).href);
        assert.deepEqual(requests, [pathToFileURL(file).href], 'the page loads nothing but itself');
        assert.equal(await page.locator('table').count(), 7, 'summary, 3 departments, engagements, derogations, studied');
        assert.equal(await page.locator('script').count(), 0);
        assert.equal(await page.locator('h1').count(), 1, 'the injected <h1> is text');
        for (const id of ['chart-verdicts', 'chart-energy']) {
          const box = await page.locator(`svg[aria-labelledby^="${id}"]`).boundingBox();
          assert.ok(box && box.width > 300 && box.height > 50, `${id} is drawn (${JSON.stringify(box)})`);
        }
        // Evaluated in the page (a string: the test is type-checked without the DOM library).
        const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
        assert.ok(widths[0] <= widths[1], `no horizontal scroll (${widths[0]} > ${widths[1]})`);
        assert.ok((await page.textContent('main'))?.includes("<script>alert('nom')</script>"));
        await page.screenshot({ path: path.join(dir, 'bilan-2026.png'), fullPage: true });
        await page.locator('#engagements figure').screenshot({ path: path.join(dir, 'chart-verdicts.png') });
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('nav').isVisible(), false, 'the table of contents is not printed');
        const pdf = await page.pdf({ path: path.join(dir, 'bilan-2026.pdf'), format: 'A4', landscape: true });
        assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-');
      } finally {
        await browser.close();
      }
    });
  });
}
