/**
 * Runs a mocha suite inside code-server's real (Node) extension host, with VS Code's own
 * extension-test mechanism (`extensionDevelopmentPath` + `extensionTestsPath`, as
 * @vscode/test-electron does for the desktop):
 *
 *  - code-server refuses `--extensionDevelopmentPath` on its command line ("Unknown option"),
 *    and `--vscode-option extensionDevelopmentPath=…` reaches the server but not the workbench.
 *    The web workbench reads both from its URL's `payload` parameter — but a built (release)
 *    workbench honours them only when the server runs with `enable-smoke-test-driver`. So:
 *    `--vscode-option enable-smoke-test-driver`, then open
 *    `/?folder=…&payload=[["extensionDevelopmentPath","vscode-remote://127.0.0.1:PORT/…"],
 *    ["extensionTestsPath","vscode-remote://…/suite.js"]]` in Chromium (in code-server the
 *    extension host only starts when a workbench connects).
 *  - The extension host loads the suite module, awaits its `run()`, then exits; the workbench
 *    then calls `window.codeAutomationExit(code, logs)` (exposed here by playwright).
 *  - The suite (TypeScript or JS, exporting `run(): Promise<void>`, the @vscode/test-electron
 *    `index.ts` shape) is bundled with esbuild into one CommonJS file (only `vscode` external),
 *    behind a small wrapper that counts mocha's pass/fail events and writes
 *    `{ passed, failed, pending, failures: [{ title, message }] }` to a JSON file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { E2E_DIR, RESULTS_DIR, startCodeServer, type CodeServer } from './codeServer';
import { openWorkbench, screenshot, type Workbench } from './browser';

/** Placeholder development extension used when the extension under test comes as a .vsix. */
export const HARNESS_DIR = path.join(E2E_DIR, 'harness');

export interface ExtensionTestsOptions {
  /** Folder opened in the workbench (the tests see it as `vscode.workspace.workspaceFolders[0]`). */
  workspace: string;
  /** .vsix files to install before start (the packaged extension under test). */
  vsixPaths?: string[];
  /**
   * Extension folder(s) loaded as development extensions (unpackaged; a folder with a
   * package.json whose `main` is built). Default: the placeholder test/e2e/harness.
   */
  extensionDevelopmentPath?: string | string[];
  /** Module exporting `run(): Promise<void>` (.ts or .js); bundled with esbuild. */
  suitePath: string;
  /** Whole run (start, load, tests); default 120 s. */
  timeoutMs?: number;
  /** User settings (merged over codeServer's defaults). */
  settings?: Record<string, unknown>;
  /** Environment of code-server and so of the extension host (the suite can read it). */
  env?: Record<string, string | undefined>;
  /** Name for logs and the failure screenshot; default from the suite file name. */
  name?: string;
  /**
   * Receives one line per test that ran in the extension host ("✔ title (12 ms)", "✖ title:
   * message"); default prints them indented, unless E2E_QUIET=1.
   */
  log?: (line: string) => void;
}

export interface ExtensionTestFailure {
  title: string;
  message: string;
  stack?: string;
}

export interface ExtensionTestResults {
  passed: number;
  failed: number;
  pending: number;
  failures: ExtensionTestFailure[];
  /** One line per test, as reported in the extension host. */
  lines: string[];
  /** Exit code the extension host reported (0: run() resolved), if it reported one. */
  exitCode?: number;
  durationMs: number;
  /** Logs of this run (code-server, browser console, extension host). */
  logDir: string;
}

/** Resolves the mocha the suite itself would import, so that the wrapper patches that copy. */
function resolveMocha(fromDir: string): string {
  for (const id of ['mocha/lib/mocha.cjs', 'mocha/lib/mocha.js', 'mocha']) {
    try {
      return require.resolve(id, { paths: [fromDir] });
    } catch {
      /* next */
    }
  }
  throw new Error(`mocha cannot be resolved from ${fromDir}`);
}

/**
 * Bundles `suitePath` behind the result-writing wrapper into `outFile` (one CommonJS file;
 * `vscode` stays external, inline source maps). Also usable for @vscode/test-electron.
 */
export async function bundleSuite(suitePath: string, outFile: string, resultsFile?: string): Promise<string> {
  const suite = path.resolve(suitePath);
  if (!fs.existsSync(suite)) throw new Error(`suite not found: ${suite}`);
  const mocha = resolveMocha(path.dirname(suite));
  const wrapper = `
const fs = require('fs');
try { process.setSourceMapsEnabled(true); } catch {}
const RESULTS = ${JSON.stringify(resultsFile ?? '')} || process.env.E2E_RESULTS_FILE || '';
const Mocha = require(${JSON.stringify(mocha)});
const MochaCtor = (Mocha && Mocha.prototype && Mocha.prototype.run) ? Mocha : Mocha.default;
const results = { passed: 0, failed: 0, pending: 0, failures: [], lines: [], mochaRuns: 0 };
const title = (t) => (t && typeof t.fullTitle === 'function' ? t.fullTitle() : String(t && t.title));
const origRun = MochaCtor.prototype.run;
MochaCtor.prototype.run = function (fn) {
  const runner = origRun.call(this, fn);
  results.mochaRuns++;
  runner.on('pass', (t) => { results.passed++; results.lines.push('✔ ' + title(t) + ' (' + t.duration + ' ms)'); });
  runner.on('pending', (t) => { results.pending++; results.lines.push('- ' + title(t)); });
  runner.on('fail', (test, err) => {
    results.failed++;
    results.lines.push('✖ ' + title(test) + ': ' + String((err && err.message) || err).split('\\n')[0]);
    results.failures.push({
      title: title(test),
      message: String((err && err.message) || err),
      stack: err && err.stack ? String(err.stack) : undefined,
    });
  });
  return runner;
};
function write(extra) {
  if (!RESULTS) return;
  fs.writeFileSync(RESULTS + '.tmp', JSON.stringify(Object.assign({}, results, extra), null, 2));
  fs.renameSync(RESULTS + '.tmp', RESULTS);
}
exports.run = async function run() {
  const t0 = Date.now();
  try {
    const mod = require(${JSON.stringify(suite)});
    const suiteRun = typeof mod.run === 'function' ? mod.run : mod.default && mod.default.run;
    if (typeof suiteRun !== 'function') throw new Error(${JSON.stringify(`${suite} exports no run() function`)});
    await suiteRun();
    if (results.mochaRuns === 0) {
      throw new Error('run() resolved but no mocha run was seen (does the suite import another copy of mocha?)');
    }
    write({ durationMs: Date.now() - t0 });
  } catch (e) {
    if (results.failed === 0) {
      results.failed++;
      results.failures.push({ title: '(suite run())', message: String((e && e.message) || e), stack: e && e.stack });
    }
    write({ durationMs: Date.now() - t0 });
    throw e;
  }
};
`;
  await build({
    stdin: { contents: wrapper, resolveDir: path.dirname(suite), sourcefile: 'e2e-suite-wrapper.js', loader: 'js' },
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'error',
  });
  return outFile;
}

/** What the workbench hands to `codeAutomationExit` with the exit code. */
type VscodeLogFile = { relativePath: string; contents: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One line per failure, for assertion messages. */
export function formatFailures(r: Pick<ExtensionTestResults, 'failures'>): string {
  return r.failures.map((f, i) => `  ${i + 1}) ${f.title}\n     ${f.message.split('\n').join('\n     ')}`).join('\n');
}

/** Throws (listing the failures) unless every test passed and at least `minPassed` ran. */
export function assertAllPassed(r: ExtensionTestResults, minPassed = 1): void {
  if (r.failed > 0 || r.passed < minPassed) {
    throw new Error(`extension tests: ${r.passed} passed, ${r.failed} failed (logs: ${r.logDir})\n${formatFailures(r)}`);
  }
}

export async function runExtensionTests(opts: ExtensionTestsOptions): Promise<ExtensionTestResults> {
  const t0 = Date.now();
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const name = opts.name ?? path.basename(path.dirname(path.resolve(opts.suitePath))) + '-' + path.basename(opts.suitePath).replace(/\.[^.]+$/, '');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-e2e-ext-tests-'));
  const resultsFile = path.join(work, 'results.json');
  const bundle = await bundleSuite(opts.suitePath, path.join(work, 'suite.js'), resultsFile);

  let server: CodeServer | undefined;
  let wb: Workbench | undefined;
  let exit: { code: number; logs: VscodeLogFile[] } | undefined;
  const logDir = path.join(RESULTS_DIR, 'logs', `ext-tests-${name}`);
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  try {
    server = await startCodeServer({
      workspace: opts.workspace,
      vsixPaths: opts.vsixPaths,
      settings: opts.settings,
      env: opts.env,
      extensionDevelopmentPath: opts.extensionDevelopmentPath ?? HARNESS_DIR,
    });
    const s = server;
    wb = await openWorkbench(s, opts.workspace, {
      payload: [['extensionTestsPath', s.remoteUri(bundle)]],
      consoleLogFile: path.join(logDir, 'browser-console.log'),
      timeoutMs: Math.max(10_000, timeoutMs - (Date.now() - t0)),
      beforeGoto: async (page) => {
        await page.exposeFunction('codeAutomationExit', (code: number, logs: VscodeLogFile[]) => {
          exit = { code, logs: Array.isArray(logs) ? logs : [] };
        });
      },
    });

    // Done when the wrapper wrote its results (then give the exit code a moment), or when the
    // extension host exited without results (suite failed to load).
    let resultsSeenAt = 0;
    let exitSeenAt = 0;
    for (;;) {
      const now = Date.now();
      if (!resultsSeenAt && fs.existsSync(resultsFile)) resultsSeenAt = now;
      if (!exitSeenAt && exit) exitSeenAt = now;
      // The exit follows the results; on a loaded machine it can take many seconds (seen: > 5 s).
      if (resultsSeenAt && (exit || now - resultsSeenAt > 30_000)) break;
      if (exitSeenAt && (resultsSeenAt || now - exitSeenAt > 2_000)) break;
      if (now - t0 > timeoutMs) {
        const shot = await screenshot(wb.page, `ext-tests-${name}-timeout`).catch(() => '');
        throw new Error(
          `extension tests did not finish within ${timeoutMs} ms (screenshot ${shot}, logs ${logDir})\n` +
            `--- code-server log ---\n${s.logTail(30)}\n--- browser console (last lines) ---\n${wb.consoleLines.slice(-20).join('\n')}`,
        );
      }
      await sleep(100);
    }

    for (const l of exit?.logs ?? []) {
      const dest = path.join(logDir, 'vscode', l.relativePath.replace(/\.\.(\/|\\)/g, ''));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, l.contents);
    }
    if (!fs.existsSync(resultsFile)) {
      const hostLog = (exit?.logs ?? [])
        .filter((l) => /exthost/i.test(l.relativePath))
        .map((l) => l.contents)
        .join('\n');
      throw new Error(
        `the extension host exited (code ${exit?.code}) without writing results: the suite did not load? (logs ${logDir})\n` +
          `${hostLog
            .split('\n')
            .filter((x) => /error|fail|cannot/i.test(x))
            .slice(-20)
            .join('\n')}\n` +
          `--- browser console (last lines) ---\n${wb.consoleLines.slice(-20).join('\n')}`,
      );
    }
    const raw = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Omit<ExtensionTestResults, 'durationMs' | 'logDir' | 'exitCode'>;
    const log =
      opts.log ??
      ((l: string) => {
        if (process.env.E2E_QUIET !== '1') console.log(`      [extension host] ${l}`);
      });
    for (const l of raw.lines ?? []) log(l);
    if (raw.failed > 0) await screenshot(wb.page, `ext-tests-${name}-failed`).catch(() => undefined);
    return {
      passed: raw.passed,
      failed: raw.failed,
      pending: raw.pending ?? 0,
      failures: raw.failures ?? [],
      lines: raw.lines ?? [],
      exitCode: exit?.code,
      durationMs: Date.now() - t0,
      logDir,
    };
  } finally {
    await wb?.close();
    await server?.stop();
    if (server) {
      try {
        fs.copyFileSync(server.dirs.logFile, path.join(logDir, 'code-server.log'));
      } catch {
        /* ignore */
      }
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
}
