/**
 * Drives code-server's workbench with playwright-core and Debian's /usr/bin/chromium (headless,
 * fresh profile per call). Selectors are VS Code's own class names (stable across releases).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';
import { RESULTS_DIR, type CodeServer } from './codeServer';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', // root, no user namespaces
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenWorkbenchOptions {
  /** Extra `payload` pairs for the workbench URL (e.g. extensionDevelopmentPath). */
  payload?: Array<[string, string]>;
  /** Called before navigation, e.g. to `page.exposeFunction` something. */
  beforeGoto?: (page: Page) => Promise<void>;
  /** Wait for `.monaco-workbench`; default 90 s. */
  timeoutMs?: number;
  /** Browser console lines are appended to this file (default: test-results/e2e/logs/browser-<port>.log). */
  consoleLogFile?: string;
  viewport?: { width: number; height: number };
}

export interface Workbench {
  context: BrowserContext;
  page: Page;
  /** Console lines seen so far ("type: text"). */
  consoleLines: string[];
  /** Closes Chromium and removes its profile. Idempotent. */
  close(): Promise<void>;
}

/** The workbench URL for a folder on the server (`folder` is a path on this machine). */
export function workbenchUrl(url: string, folder: string, payload?: Array<[string, string]>): string {
  const q = new URLSearchParams({ folder: path.resolve(folder) });
  if (payload?.length) q.set('payload', JSON.stringify(payload));
  return `${url.replace(/\/$/, '')}/?${q.toString()}`;
}

/**
 * Opens `folder` in a fresh headless Chromium. `server` is a code-server URL, or the object
 * startCodeServer returned (then its development extensions, if any, are loaded too).
 */
export async function openWorkbench(server: string | CodeServer, folder: string, opts: OpenWorkbenchOptions = {}): Promise<Workbench> {
  const url = typeof server === 'string' ? server : server.url;
  const payload = [...(typeof server === 'string' ? [] : server.payload), ...(opts.payload ?? [])];
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; run: bash test/e2e/setup.sh`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    locale: 'en-US',
  });
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      try {
        await context.close();
      } catch {
        /* already closed */
      }
      fs.rmSync(profile, { recursive: true, force: true });
    })();
    return closed;
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleLines: string[] = [];
    const port = new URL(url).port;
    fs.mkdirSync(path.join(RESULTS_DIR, 'logs'), { recursive: true });
    const logFile = opts.consoleLogFile ?? path.join(RESULTS_DIR, 'logs', `browser-${port}.log`);
    fs.writeFileSync(logFile, '');
    const record = (line: string) => {
      consoleLines.push(line);
      fs.appendFileSync(logFile, line + '\n');
    };
    // VS Code logs with %c styling: drop the style argument, keep the text.
    page.on('console', (m: ConsoleMessage) => record(`${m.type()}: ${m.text().replace(/^%c\s*(\w+)\s+color:\s*#\w+\s*/, '$1 ')}`));
    page.on('pageerror', (e) => record(`pageerror: ${String(e?.stack ?? e)}`));
    if (opts.beforeGoto) await opts.beforeGoto(page);
    const timeout = opts.timeoutMs ?? 90_000;
    await page.goto(workbenchUrl(url, folder, payload), { timeout });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
    return { context, page, consoleLines, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Quick Open (Ctrl+P), type the file name, pick the first matching entry; waits for its tab. */
export async function openFile(page: Page, name: string, timeoutMs = 30_000): Promise<void> {
  const base = path.basename(name);
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(name);
  // Quick open searches the workspace asynchronously: wait for a row naming the file.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[data-resource-name="${base}"], .tabs-container .tab[aria-label*="${base}"]`).first().waitFor({ timeout: timeoutMs });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: timeoutMs });
}

/**
 * Command palette (F1), type the title, run the matching entry with Enter. Returns once the
 * palette has closed or been replaced (a command may open its own quick pick or input box).
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  const typed = `>${title}`;
  await input.fill(typed);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const visible = await input.isVisible();
    if (!visible || (await input.inputValue().catch(() => '')) !== typed) return;
    if (Date.now() > deadline) throw new Error(`runCommand: the palette still shows "${typed}" after Enter`);
    await page.waitForTimeout(50);
  }
}

/**
 * Waits for a notification containing `text`; returns its full text. Normally a toast; in
 * automation mode (server started with development extensions → `enable-smoke-test-driver`)
 * VS Code shows no toasts, so the notification center is opened and searched instead.
 */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 30_000): Promise<string> {
  if (await isAutomationMode(page)) {
    if (!(await page.locator('.notifications-center').isVisible())) await runCommand(page, 'Notifications: Show Notifications', timeoutMs);
  }
  const item = page.locator('.notification-list-item', { hasText: text }).first();
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await item.innerText()).trim();
}

/**
 * Opens the Problems panel (Ctrl+Shift+M) and returns its rows' texts once at least `min` are
 * shown (file rows included, e.g. "exemple.ia.yaml 2", then "champ manquant … [Ln 3, Col 1]").
 */
export async function readProblems(page: Page, min = 1, timeoutMs = 30_000, waitForRow?: RegExp): Promise<string[]> {
  await focusWorkbench(page);
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.nth(Math.max(0, min - 1)).waitFor({ timeout: timeoutMs });
  const read = async () => (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  if (!waitForRow) return read();
  // Diagnostics of several files arrive one file at a time, and the panel is a virtual list that
  // re-renders (and may scroll) as they do: read whole snapshots until one holds the expected row.
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = await read();
    if (last.some((t) => waitForRow.test(t))) return last;
    await page.waitForTimeout(250);
  }
  return last;
}

/**
 * Rests the mouse on `target` until the visible hover matching `text` shows, and returns that
 * hover (faded in). Monaco shows a hover after the mouse rests on a word; a key press or a panel
 * re-rendering just before can swallow the first move, so the mouse moves across the word again.
 */
export async function hoverUntil(page: Page, target: Locator, text: RegExp, timeoutMs = 30_000): Promise<Locator> {
  await target.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: text }).first();
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; Date.now() < deadline && !(await hover.isVisible()); attempt++) {
    const box = await target.boundingBox();
    if (!box) throw new Error('hoverUntil: the target is not on screen');
    await page.mouse.move(box.x + Math.min(box.width - 2, 30 + (attempt % 6) * 6), box.y + box.height / 2, { steps: 4 });
    await hover.waitFor({ timeout: 4_000 }).catch(() => undefined);
  }
  await hover.waitFor({ timeout: 5_000 });
  // The hover fades in (Playwright already calls it visible at opacity 0).
  await page.waitForTimeout(800);
  if (!(await hover.isVisible())) throw new Error('hoverUntil: the hover went away');
  return hover;
}

/** Full-page PNG in test-results/e2e/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** True when the workbench runs with VS Code's smoke-test driver (no toasts, dialogs skipped). */
export async function isAutomationMode(page: Page): Promise<boolean> {
  return page.evaluate(() => !!(globalThis as { driver?: unknown }).driver);
}

/** Gives keyboard focus to the workbench (a keypress before any click may go nowhere). */
async function focusWorkbench(page: Page): Promise<void> {
  const active = await page.evaluate(() => (globalThis as { document?: { activeElement?: { tagName?: string } | null } }).document?.activeElement?.tagName ?? '');
  if (!active || active === 'BODY') {
    await page
      .locator('.monaco-workbench .part.editor')
      .first()
      .click({ position: { x: 50, y: 50 } })
      .catch(() => undefined);
  }
}
