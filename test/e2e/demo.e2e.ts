// The e2e harness's own test, on a throwaway extension (test/e2e/demo/):
//  1. its 3-test mocha suite runs inside code-server's real extension host: 3 passed, 0 failed;
//  2. a failing test is reported as failed, with its title (the harness cannot pass silently);
//  3. in Chromium: open a file, run the command from the palette, see its notification,
//     screenshot test-results/e2e/demo-notification.png.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT, startCodeServer, type CodeServer } from './lib/codeServer';
import { openFile, openWorkbench, runCommand, screenshot, waitForNotification, type Workbench } from './lib/browser';
import { assertAllPassed, formatFailures, runExtensionTests } from './lib/extensionTests';
import { runElectronTests } from './lib/runElectron';

const DEMO = path.join(__dirname, 'demo');
const WORKSPACE = path.join(DEMO, 'workspace');
const SUITE = path.join(DEMO, 'suite', 'index.ts');

/** esbuild the extension, then `vsce package` it (as the real extension will be). */
async function packageDemo(outDir: string): Promise<string> {
  await build({
    entryPoints: [path.join(DEMO, 'src', 'extension.ts')],
    outfile: path.join(DEMO, 'dist', 'extension.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'error',
  });
  const vsix = path.join(outDir, 'cadre-ia-e2e-demo.vsix');
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], {
    cwd: DEMO,
    stdio: 'pipe',
  });
  return vsix;
}

describe('e2e harness demo (code-server + Chromium)', function () {
  let tmp: string;
  let vsix: string;

  before(async function () {
    this.timeout(60_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-e2e-demo-'));
    vsix = await packageDemo(tmp);
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('runs the mocha suite in the real extension host: 3 passed, 0 failed', async function () {
    const r = await runExtensionTests({ workspace: WORKSPACE, vsixPaths: [vsix], suitePath: SUITE, timeoutMs: 150_000, name: 'demo' });
    assertAllPassed(r, 3);
    assert.equal(r.passed, 3, formatFailures(r));
    assert.equal(r.failed, 0);
    assert.equal(r.exitCode, 0);
  });

  it('reports a failing test with its title', async function () {
    const r = await runExtensionTests({
      workspace: WORKSPACE,
      vsixPaths: [vsix],
      suitePath: SUITE,
      timeoutMs: 150_000,
      name: 'demo-failing',
      env: { CADRE_E2E_DEMO_EXPECT_FAILURE: '1' },
    });
    assert.equal(r.passed, 2, formatFailures(r));
    assert.equal(r.failed, 1);
    assert.match(r.failures[0]!.title, /la commande s’exécute/);
    assert.match(r.failures[0]!.message, /un autre message/);
    assert.notEqual(r.exitCode, 0);
  });

  it('the same suite with @vscode/test-electron: runs, or says loudly that VS Code cannot be downloaded', async function () {
    try {
      const r = await runElectronTests({ workspace: WORKSPACE, vsixPaths: [vsix], suitePath: SUITE });
      assertAllPassed(r, 3);
    } catch (e) {
      assert.match(String(e), /VS Code cannot be downloaded on this machine \(.+\); the code-server run covers the same suite/);
    }
  });

  describe('in the browser', function () {
    let server: CodeServer | undefined;
    let wb: Workbench | undefined;
    after(async () => {
      await wb?.close();
      await server?.stop();
    });

    it('opens a file, runs the command from the palette, shows its notification', async function () {
      server = await startCodeServer({ workspace: WORKSPACE, vsixPaths: [vsix] });
      wb = await openWorkbench(server.url, WORKSPACE);
      await openFile(wb.page, 'hello.txt');
      await runCommand(wb.page, 'Cadre IA Demo: Hello');
      const text = await waitForNotification(wb.page, 'Bonjour de la démo Cadre IA');
      assert.match(text, /Bonjour de la démo Cadre IA \(hello\.txt\)/);
      await screenshot(wb.page, 'demo-notification');
    });
  });
});
