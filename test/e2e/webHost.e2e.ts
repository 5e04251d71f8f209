// The Cadre IA extension in a *web* extension host: code-server's web worker extension host,
// the one VS Code for the Web, GitLab's Web IDE and github.dev run extensions in. The user
// setting `remote.extensionKind: { "cadre-ia.cadre-ia": ["web"] }` makes the workbench run the
// extension's `browser` entry (dist/web/client.js) in the browser, and its language server
// (dist/web/server.js) in a web worker; workspace files reach it through `vscode.workspace.fs`.
// Checked as a person sees it: squiggles, the Problems panel with our codes, a hover, the
// checklist of the 14 engagements — and no Node language server process anywhere.
// Screenshot: test-results/e2e/cadre-ia-web-extension-host.png (images/web-extension-host.png
// in the README is a copy of it).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { hoverUntil, openFile, openWorkbench, readProblems, screenshot, type Workbench } from './lib/browser';
import { stripExpectations } from './lib/workspace';
import { REPO_ROOT, startCodeServer, type CodeServer } from './lib/codeServer';

const VSIX = path.join(REPO_ROOT, 'dist', 'cadre-ia.vsix');
const FIXTURES = path.join(REPO_ROOT, 'test', 'vscode', 'workspace');
const EXTENSION_ID = 'cadre-ia.cadre-ia';

/** The fixture workspace without the integration suite's expectation comments. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-ws-web-'));
  fs.cpSync(FIXTURES, dir, { recursive: true });
  return stripExpectations(dir);
}

/** Command lines of running processes that run a file of the installed extension's `dist/`. */
function nodeServersOf(extensionsDir: string): string[] {
  const out: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmd = '';
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    if (cmd.includes(extensionsDir) && /dist[/\\]server\.js/.test(cmd)) out.push(`${pid}: ${cmd}`);
  }
  return out;
}

async function showChecklist(page: Page): Promise<void> {
  const title = page.locator('.part.sidebar .composite.title');
  if (/Cadre IA/i.test((await title.innerText().catch(() => '')) ?? '')) return;
  await page.locator('.activitybar .action-item a[aria-label^="Cadre IA"], .activitybar .action-item[aria-label^="Cadre IA"]').first().click();
  await page.locator('.part.sidebar .composite.title', { hasText: /Cadre IA/i }).waitFor({ timeout: 15_000 });
}

describe('Cadre IA in a web extension host (code-server’s web worker host)', function () {
  let server: CodeServer | undefined;
  let wb: Workbench | undefined;
  let page: Page;
  let ws: string;

  before(async function () {
    this.timeout(240_000);
    if (!fs.existsSync(VSIX) || process.env.E2E_REPACKAGE === '1') execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package.mjs')], { cwd: REPO_ROOT, stdio: 'pipe' });
    ws = workspace();
    server = await startCodeServer({
      workspace: ws,
      vsixPaths: [VSIX],
      settings: {
        'remote.extensionKind': { [EXTENSION_ID]: ['web'] },
        'cadreIa.locale': 'fr',
        'workbench.colorTheme': 'Default Light Modern',
        'editor.fontSize': 14,
        'editor.minimap.enabled': false,
      },
    });
    wb = await openWorkbench(server.url, ws, { viewport: { width: 1400, height: 860 } });
    page = wb.page;
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await screenshot(page, `cadre-ia-web-failed-${this.currentTest.title.slice(0, 40)}`).catch(() => undefined);
  });
  after(async () => {
    await wb?.close();
    await server?.stop();
    if (ws) fs.rmSync(ws, { recursive: true, force: true });
  });

  it('checks a declaration in the browser: squiggles, Problems, hover, checklist — with no Node server', async function () {
    this.timeout(180_000);
    await openFile(page, 'chatbot-usagers.ia.yaml');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
    const problems = await readProblems(page, 2, 60_000, /E02-interaction-directe/);
    assert.ok(
      problems.some((p) => /E02-interaction-directe/.test(p)),
      `Problems: ${problems.join(' | ')}`,
    );

    // The checklist of the open declaration: the 14 engagements under their principles.
    await showChecklist(page);
    await page.locator('.part.sidebar .monaco-list-row', { hasText: /E02/ }).first().waitFor({ timeout: 60_000 });
    const texts = (await page.locator('.part.sidebar .monaco-list-row').allInnerTexts()).join(' | ');
    assert.match(texts, /E01/);

    // Jump to the E02 finding from the Problems panel, then hover its key: the engagement, in French.
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: /E02-interaction-directe/ })
      .first()
      .dblclick();
    const key = page.locator('.monaco-editor .view-line span', { hasText: /^interaction_directe$/ }).first();
    await key.waitFor({ timeout: 30_000 });
    const hover = await hoverUntil(page, key, /E02/);
    assert.match(await hover.innerText(), /E02/);

    const shot = await screenshot(page, 'cadre-ia-web-extension-host');
    console.log(`      screenshot: ${path.relative(REPO_ROOT, shot)}`);

    // It ran in the browser: no process runs the extension's Node server (dist/server.js).
    assert.deepEqual(nodeServersOf(server!.dirs.extensions), [], 'a Node language server was started: the extension did not run in the web worker host');
  });
});
