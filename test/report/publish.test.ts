/**
 * Suite `report`: what the city publishes, looked at in Chromium as residents would see it.
 * The public bilan of examples/ (with a full report configuration: city, embedded logo,
 * introduction, contact, publication date) and the transparency notice of every example are
 * opened in Debian's Chromium (playwright-core) at 1280 px and 390 px:
 *   - axe-core (WCAG 2.1 A and AA rules) finds 0 violations;
 *   - the page never scrolls sideways (scrollWidth <= viewport width);
 *   - no word is broken across two lines (each word's text range lies on one line; addresses,
 *     e-mails and URLs may break);
 *   - printed to PDF (A4), table rows and mentions are not split and web links are written out;
 *     the first page is rasterised with pdftoppm (poppler-utils).
 * Screenshots (desktop, mobile, print) go to test-results/report-publish/; with
 * UPDATE_SNAPSHOTS=1 they are also copied to images/ (embedded in the README).
 * Needs /usr/bin/chromium and pdftoppm (test/e2e/setup.sh installs both): without them the suite
 * FAILS, saying what is missing; it is never skipped.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/lib/browser';
import { frameworkSet } from '../../server/src/core/framework';
import { noticeOfText } from '../../server/src/core/notice/index';
import { renderHtml } from '../../server/src/core/report/index';
import { defaultCatalogue } from '../../server/src/core/engine';
import { collectReport, readReportConfig } from '../../server/src/node/report';

const ROOT = path.resolve(__dirname, '../..');
const PDFTOPPM = '/usr/bin/pdftoppm';
const OUT = path.join(ROOT, 'test-results', 'report-publish');
const IMAGES = path.join(ROOT, 'images');
const NOW = new Date('2026-06-01T12:00:00Z');
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'mobile', width: 390, height: 844 },
] as const;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Pages axe checks: the bilan, and the notices of individual decisions + high risk, of people interacting with the system, of no individual decision. */
const AXE_PAGES = new Set(['bilan', 'notice-score-eligibilite-aides-sociales', 'notice-assistant-conversationnel-usagers', 'notice-tri-courrier-entrant']);

/** Words whose text spans more than one line (evaluated in the page; the DOM library is not in tsconfig). */
const BROKEN_WORDS = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    const el = n.parentElement;
    if (!el || el.closest('svg, .sr-only, style, title')) continue;
    const text = n.textContent;
    const re = /[^\\s\\-\\u2010\\u2011\\u2013\\u2014\\/]+/g;
    let m;
    while ((m = re.exec(text))) {
      const w = m[0];
      if (w.length < 2 || /[@:]|\\.[a-z]{2,}\\b/i.test(w)) continue;
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + w.length);
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0 && x.height > 0).map((x) => Math.round(x.top)));
      if (tops.size > 1) out.push(w);
    }
  }
  return out;
})()`;

const PRINT_STYLES = `(() => ({
  rows: [...document.querySelectorAll('tr, .mention')].map((e) => getComputedStyle(e).breakInside),
  links: [...document.querySelectorAll('a[href^="http"]')].map((a) => getComputedStyle(a, '::after').content),
}))()`;

function save(file: string, name: string): void {
  if (process.env.UPDATE_SNAPSHOTS === '1') fs.copyFileSync(file, path.join(IMAGES, name));
}

describe('report suite: the published pages in Chromium (axe, widths, print)', function () {
  this.timeout(300_000);
  let browser: Browser;
  const pages: { name: string; file: string }[] = [];

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run bash test/e2e/setup.sh (Debian chromium)`);
    assert.ok(fs.existsSync(PDFTOPPM), `${PDFTOPPM} is missing: run bash test/e2e/setup.sh (Debian poppler-utils)`);
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const config = readReportConfig(path.join(__dirname, 'fixtures', 'bilan.yaml'), 'fr');
    assert.deepEqual(config.errors, []);
    assert.ok(config.header.logo?.dataUrl.startsWith('data:image/svg+xml;base64,'), 'the logo is embedded');
    const { model } = collectReport([path.join(ROOT, 'examples')], {
      year: 2026,
      locale: 'fr',
      catalogue: defaultCatalogue(),
      now: NOW,
      displayRoot: ROOT,
      header: config.header,
      generatedOn: '2026-06-01',
    });
    const bilan = path.join(OUT, 'bilan-2026.html');
    fs.writeFileSync(bilan, renderHtml(model));
    pages.push({ name: 'bilan', file: bilan });
    const fw = frameworkSet();
    for (const f of fs
      .readdirSync(path.join(ROOT, 'examples'))
      .filter((x) => x.endsWith('.ia.yaml'))
      .sort()) {
      const n = noticeOfText(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8'), 'html', {
        locale: 'fr',
        now: NOW,
        organisation: config.header.city,
        frameworkOf: (c) => (c && fw.get(c)) || fw.fallback,
      });
      const file = path.join(OUT, n.name);
      fs.writeFileSync(file, n.content);
      pages.push({ name: n.name.replace(/\.html$/, ''), file });
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
  });

  async function open(file: string, width: number, height: number): Promise<Page> {
    // A context of its own: axe opens a page in the same context to finish its run.
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  it('has the bilan and one notice per example', () => {
    assert.equal(pages.length, 1 + fs.readdirSync(path.join(ROOT, 'examples')).filter((x) => x.endsWith('.ia.yaml')).length);
  });

  for (const w of WIDTHS) {
    it(`${w.name} (${w.width} px): 0 axe violations (WCAG 2.1 AA), no sideways scroll, no word broken mid-word`, async () => {
      const { default: AxeBuilder } = await import('@axe-core/playwright');
      const problems: string[] = [];
      for (const p of pages) {
        const page = await open(p.file, w.width, w.height);
        try {
          // axe takes several seconds a page: the bilan and one notice per case; the layout checks below run on every page.
          if (AXE_PAGES.has(p.name)) {
            const t0 = Date.now();
            // Legacy mode runs axe in the page itself (no extra page to finish the run): these pages have no frames.
            const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
            for (const v of axe.violations)
              problems.push(
                `${p.name}: axe ${v.id} (${v.impact}) on ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(' '))
                  .join(', ')}`,
              );
            assert.ok(axe.passes.length > 10, `${p.name}: axe ran (${axe.passes.length} rules passed)`);
            if (process.env.REPORT_TIMING) console.log(`    ${p.name} axe ${Date.now() - t0} ms`);
          }
          const [scroll, inner] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as number[];
          if (scroll > inner) problems.push(`${p.name}: the page scrolls sideways (${scroll} px > ${inner} px)`);
          const broken = (await page.evaluate(BROKEN_WORDS)) as string[];
          if (broken.length) problems.push(`${p.name}: words broken across lines: ${broken.slice(0, 8).join(', ')}`);
          if (p.name === 'bilan') {
            await page.screenshot({ path: path.join(OUT, `report-${w.name}.png`) });
            save(path.join(OUT, `report-${w.name}.png`), `report-${w.name}.png`);
            if (w.name === 'mobile') {
              // The projects as cards, further down the page.
              await page.locator('#projets').scrollIntoViewIfNeeded();
              await page.evaluate("document.getElementById('projets').scrollIntoView()");
              await page.screenshot({ path: path.join(OUT, 'report-mobile-cards.png') });
              save(path.join(OUT, 'report-mobile-cards.png'), 'report-mobile-cards.png');
            }
          }
          if (p.name === 'notice-score-eligibilite-aides-sociales') {
            await page.screenshot({ path: path.join(OUT, `notice-${w.name}.png`), fullPage: w.name === 'desktop' });
            save(path.join(OUT, `notice-${w.name}.png`), `notice-${w.name}.png`);
          }
        } finally {
          await page.context().close();
        }
      }
      assert.deepEqual(problems, []);
    });
  }

  it('prints to A4: rows and mentions kept whole, web links written out; first page rasterised with pdftoppm', async () => {
    for (const p of pages.filter((x) => x.name === 'bilan' || x.name === 'notice-score-eligibilite-aides-sociales')) {
      const page = await open(p.file, 1280, 900);
      try {
        await page.emulateMedia({ media: 'print' });
        const styles = (await page.evaluate(PRINT_STYLES)) as { rows: string[]; links: string[] };
        assert.ok(styles.rows.length > 0, `${p.name}: rows or mentions`);
        assert.deepEqual([...new Set(styles.rows)], ['avoid'], `${p.name}: rows and mentions are not split across pages`);
        for (const c of styles.links) assert.match(c, /attr\(href\)|http/, `${p.name}: printed links show their address`);
        const pdfFile = path.join(OUT, `${p.name}.pdf`);
        const pdf = await page.pdf({ path: pdfFile, format: 'A4', landscape: p.name === 'bilan', printBackground: true });
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        const short = p.name === 'bilan' ? 'report' : 'notice';
        execFileSync(PDFTOPPM, ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, path.join(OUT, `${short}-print`)]);
        const png = path.join(OUT, `${short}-print.png`);
        assert.ok(fs.statSync(png).size > 5_000, `${png} was written`);
        save(png, `${short}-print.png`);
      } finally {
        await page.context().close();
      }
    }
  });
});
