// The Cadre IA extension in a real VS Code (code-server 4.139 = VS Code 1.139), installed from
// the packaged dist/cadre-ia.vsix (`npm run package`; built here when missing):
//  1. the integration suite (test/vscode/suite) runs inside code-server's extension host;
//  2. Playwright + Chromium drive the workbench as a person would: open a declaration, see the
//     squiggles and the Problems panel with our codes, hover a key and read its principle,
//     apply a quick fix with Ctrl+., see the checklist update. Screenshots go to
//     test-results/e2e/cadre-ia-*.png.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { hoverUntil, openFile, openWorkbench, screenshot, type Workbench } from './lib/browser';
import { stripExpectations } from './lib/workspace';
import { REPO_ROOT, startCodeServer, type CodeServer } from './lib/codeServer';
import { assertAllPassed, formatFailures, runExtensionTests } from './lib/extensionTests';

const VSIX = path.join(REPO_ROOT, 'dist', 'cadre-ia.vsix');
const FIXTURES = path.join(REPO_ROOT, 'test', 'vscode', 'workspace');
const SUITE = path.join(REPO_ROOT, 'test', 'vscode', 'suite', 'index.ts');

function ensureVsix(): void {
  if (fs.existsSync(VSIX) && process.env.E2E_REPACKAGE !== '1') return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package.mjs')], { cwd: REPO_ROOT, stdio: 'pipe' });
}

/** A fresh copy of the fixture workspace (tests write into it). */
function copyWorkspace(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cadre-ia-ws-${tag}-`));
  fs.cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

/**
 * The workspace a person sees in the screenshots: the fixtures without the suite's
 * expectation comments (`# expect:`, `# hover:`) and header.
 */
function uiWorkspace(): string {
  const dir = copyWorkspace('ui');
  return stripExpectations(dir);
}

/** Shows the Cadre IA side bar (clicking its activity bar icon when it is not already shown). */
async function showChecklist(page: Page): Promise<void> {
  const title = page.locator('.part.sidebar .composite.title');
  if (/Cadre IA/i.test((await title.innerText().catch(() => '')) ?? '')) return;
  await page.locator('.activitybar .action-item a[aria-label^="Cadre IA"], .activitybar .action-item[aria-label^="Cadre IA"]').first().click();
  await page.locator('.part.sidebar .composite.title', { hasText: /Cadre IA/i }).waitFor({ timeout: 15_000 });
}

/** Drags the sash between the side bar and the editor to `x` pixels. */
async function widenSideBar(page: Page, x: number): Promise<void> {
  const sidebar = page.locator('.part.sidebar').first();
  const box = await sidebar.boundingBox();
  if (!box) return;
  const edge = box.x + box.width;
  await page.mouse.move(edge + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

const tmpDirs: string[] = [];
after(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('Cadre IA extension in code-server', function () {
  before(function () {
    this.timeout(180_000);
    ensureVsix();
  });

  it('passes the integration suite inside the real extension host (installed from the .vsix)', async function () {
    this.timeout(450_000);
    const ws = copyWorkspace('suite');
    tmpDirs.push(ws);
    const r = await runExtensionTests({
      workspace: ws,
      vsixPaths: [VSIX],
      suitePath: SUITE,
      timeoutMs: 420_000,
      name: 'cadre-ia',
      env: { CADRE_SUITE_GREP: process.env.CADRE_SUITE_GREP },
    });
    console.log(`      integration suite: ${r.passed} passed, ${r.failed} failed in ${r.durationMs} ms`);
    assertAllPassed(r, process.env.CADRE_SUITE_GREP ? 1 : 23);
    assert.equal(r.failed, 0, formatFailures(r));
    assert.equal(r.pending, 0, 'no test may be skipped');
  });

  describe('in the browser (Playwright + Chromium)', function () {
    let server: CodeServer | undefined;
    let wb: Workbench | undefined;
    let page: Page;
    let ws: string;

    before(async function () {
      this.timeout(180_000);
      ws = uiWorkspace();
      tmpDirs.push(ws);
      server = await startCodeServer({
        workspace: ws,
        vsixPaths: [VSIX],
        settings: { 'cadreIa.locale': 'fr', 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14, 'editor.minimap.enabled': false },
      });
      wb = await openWorkbench(server.url, ws, { viewport: { width: 1400, height: 860 } });
      page = wb.page;
    });
    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && page) {
        await screenshot(page, `cadre-ia-failed-${this.currentTest.title.slice(0, 40)}`).catch(() => undefined);
      }
    });
    after(async () => {
      await wb?.close();
      await server?.stop();
    });

    it('offers a new declaration from the welcome view, asks for the name and service, opens it', async function () {
      this.timeout(90_000);
      await showChecklist(page);
      const welcome = page.locator('.welcome-view-content').first();
      await welcome.waitFor({ timeout: 30_000 });
      assert.match(await welcome.innerText(), /No AI project declaration is open|Aucune déclaration de projet/);
      await widenSideBar(page, 560);
      await screenshot(page, 'cadre-ia-welcome');
      await welcome
        .locator('.monaco-button', { hasText: /New declaration|Nouvelle déclaration/ })
        .first()
        .click();
      const input = page.locator('.quick-input-widget input');
      await page.locator('.quick-input-widget', { hasText: /Nom du projet/ }).waitFor({ timeout: 30_000 });
      await input.fill('Tri des demandes de subvention');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: /Direction ou service/ }).waitFor({ timeout: 10_000 });
      await input.fill('Direction de la culture');
      await page.keyboard.press('Enter');
      await page
        .locator('.tabs-container .tab', { hasText: /\.ia\.yaml/ })
        .first()
        .waitFor({ timeout: 30_000 });
      await page
        .locator('.monaco-editor .view-line', { hasText: /Tri\sdes\sdemandes\sde\ssubvention/ })
        .first()
        .waitFor({ timeout: 30_000 });
      // The checklist follows the new declaration: 14 engagements, mostly to complete.
      await page
        .locator('.monaco-list-row', { hasText: /E14 · / })
        .first()
        .waitFor({ timeout: 30_000 });
      assert.match(
        await page
          .locator('.monaco-list-row', { hasText: /E01 · / })
          .first()
          .innerText(),
        /à compléter/,
      );
      const files = fs.readdirSync(ws).filter((f) => /\.ia\.yaml$/.test(f));
      assert.ok(
        files.some((f) => /tri-des-demandes/.test(f)),
        `no new file in ${files.join(', ')}`,
      );
    });

    it('shows squiggles and the Problems panel with the rule codes', async function () {
      this.timeout(90_000);
      await openFile(page, 'chatbot-usagers.ia.yaml');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'E02-interaction-directe' }).first().waitFor({ timeout: 30_000 });
      const text = (await rows.allInnerTexts()).join('\n');
      assert.match(text, /Interaction directe avec les usagers/);
      // The missing reversibilite section: one finding, by the engine, naming E11.
      assert.match(text, /cadre-section-manquante/);
      assert.match(text, /E11/);
      // Enter on the problem opens the editor at the field, where the squiggle is.
      await rows.filter({ hasText: 'E02-interaction-directe' }).first().click();
      await page.keyboard.press('Enter');
      const squiggle = page.locator('.monaco-editor .squiggly-error');
      await squiggle.first().waitFor({ timeout: 30_000 });
      await page
        .locator('.monaco-editor .view-line', { hasText: /interaction_directe:\s+true/ })
        .first()
        .waitFor({ timeout: 30_000 });
      await page.keyboard.press('Home'); // no selection over the squiggle
      await page.waitForTimeout(800); // code lenses and squiggles settle
      await screenshot(page, 'cadre-ia-diagnostics');
    });

    it('hovers a key and reads the principle it serves', async function () {
      this.timeout(90_000);
      const key = page.locator('.monaco-editor .view-line', { hasText: /^\s*interaction_directe:\s+true/ }).first();
      const hover = await hoverUntil(page, key, /intérêt général/);
      const text = await hover.innerText();
      assert.match(text, /Servir l'intérêt général|Servir l’intérêt général/);
      assert.match(text, /E02/);
      await screenshot(page, 'cadre-ia-hover');
      await page.mouse.move(10, 400);
    });

    it('applies the quick fix with Ctrl+. and the checklist shows E02 conforme', async function () {
      this.timeout(120_000);
      // The checklist view (the side bar was widened by the first test so that its texts show).
      await showChecklist(page);
      const e02 = page.locator('.monaco-list-row', { hasText: /E02 · / }).first();
      await e02.waitFor({ timeout: 30_000 });
      assert.match(await e02.innerText(), /non conforme/);
      // Go to the E02 problem from the Problems panel (Enter focuses the editor there), then Ctrl+.
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'E02-interaction-directe' }).first().click();
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor.focused').first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Control+.');
      const action = page.locator('.action-widget .monaco-list-row', { hasText: /interaction_directe:\s+false/ }).first();
      await action.waitFor({ timeout: 30_000 });
      await screenshot(page, 'cadre-ia-quickfix');
      await action.click();
      await page
        .locator('.monaco-editor .view-line', { hasText: /interaction_directe:\s+false/ })
        .first()
        .waitFor({ timeout: 30_000 });
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 30_000 });
      const row = page.locator('.monaco-list-row', { hasText: /E02 · / }).first();
      const t0 = Date.now();
      let text = '';
      while (Date.now() - t0 < 30_000) {
        text = await row.innerText();
        if (/conforme/.test(text) && !/non conforme/.test(text)) break;
        await page.waitForTimeout(100);
      }
      assert.match(text, /conforme/);
      assert.doesNotMatch(text, /non conforme/, 'the checklist still says E02 is non-compliant');
      assert.match(
        await page
          .locator('.statusbar-item', { hasText: /\d+\/14/ })
          .first()
          .innerText(),
        // Everything but E11 (its reversibilite section is missing): E14's measured footprint is judged.
        /13\/14/,
      );
      await screenshot(page, 'cadre-ia-checklist');
    });

    it('opens the explanation of an engagement when it is clicked in the checklist', async function () {
      this.timeout(60_000);
      await showChecklist(page);
      await page
        .locator('.monaco-list-row', { hasText: /E11 · / })
        .first()
        .click();
      await page.locator('.tabs-container .tab', { hasText: 'E11.md' }).first().waitFor({ timeout: 30_000 });
      const page11 = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: /Préserver\sla\ssouveraineté/ }).first();
      await page11.waitFor({ timeout: 30_000 });
      assert.match(await page11.innerText(), /Source/);
      await screenshot(page, 'cadre-ia-engagement');
    });
  });
});
