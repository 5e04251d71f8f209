/**
 * The same integration suite on desktop VS Code, with @vscode/test-electron — for machines
 * that can download VS Code (a developer's laptop, a CI with internet). Here VS Code cannot be
 * downloaded (only the npm registry and Debian's packages are reachable), so this fails loudly
 * with "VS Code cannot be downloaded on this machine (…)"; the code-server run
 * (extensionTests.ts) covers the same suite here.
 *
 * Same suite file (bundled the same way, same result file), same result shape:
 *   npx tsx test/e2e/lib/runElectron.ts <suite.ts> <workspace> [ext.vsix ...]
 * Linux without a display needs Xvfb (`xvfb-run -a npx tsx …`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { REPO_ROOT, RESULTS_DIR } from './codeServer';
import { bundleSuite, HARNESS_DIR, type ExtensionTestResults, type ExtensionTestsOptions } from './extensionTests';

export class VsCodeDownloadError extends Error {
  constructor(cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`VS Code cannot be downloaded on this machine (${why}); the code-server run covers the same suite ` + '(test/e2e/lib/extensionTests.ts: runExtensionTests)');
    this.name = 'VsCodeDownloadError';
  }
}

export interface ElectronTestsOptions extends Omit<ExtensionTestsOptions, 'timeoutMs' | 'settings' | 'log'> {
  /** VS Code version to download: 'stable' (default), 'insiders' or e.g. '1.91.0'. */
  version?: string;
  /** An already unpacked VS Code (skips the download). */
  vscodeExecutablePath?: string;
}

export async function runElectronTests(opts: ElectronTestsOptions): Promise<ExtensionTestResults> {
  const t0 = Date.now();
  let exe = opts.vscodeExecutablePath;
  if (!exe) {
    try {
      exe = await downloadAndUnzipVSCode({
        version: opts.version ?? 'stable',
        cachePath: path.join(REPO_ROOT, '.cache', 'vscode-test'),
        timeout: 15_000,
      });
    } catch (e) {
      throw new VsCodeDownloadError(e);
    }
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-e2e-electron-'));
  const resultsFile = path.join(work, 'results.json');
  const userData = path.join(work, 'user-data');
  const extensions = path.join(work, 'extensions');
  try {
    const bundle = await bundleSuite(opts.suitePath, path.join(work, 'suite.js'), resultsFile);
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(exe);
    for (const vsix of opts.vsixPaths ?? []) {
      const r = spawnSync(cli!, [...cliArgs, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', path.resolve(vsix)], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
    }
    let exitCode: number;
    try {
      exitCode = await runTests({
        vscodeExecutablePath: exe,
        extensionDevelopmentPath: ([] as string[]).concat(opts.extensionDevelopmentPath ?? HARNESS_DIR).map((p) => path.resolve(p)),
        extensionTestsPath: bundle,
        extensionTestsEnv: { ...opts.env, E2E_RESULTS_FILE: resultsFile },
        launchArgs: [path.resolve(opts.workspace), '--user-data-dir', userData, '--extensions-dir', extensions, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      });
    } catch (e) {
      // runTests rejects when the suite fails; the result file says why.
      exitCode = 1;
      if (!fs.existsSync(resultsFile)) throw e;
    }
    if (!fs.existsSync(resultsFile)) throw new Error(`VS Code exited (${exitCode}) without writing ${resultsFile}`);
    const raw = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as ExtensionTestResults;
    return {
      passed: raw.passed,
      failed: raw.failed,
      pending: raw.pending ?? 0,
      failures: raw.failures ?? [],
      lines: raw.lines ?? [],
      exitCode,
      durationMs: Date.now() - t0,
      logDir: path.join(RESULTS_DIR, 'logs'),
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [suitePath, workspace, ...vsixPaths] = process.argv.slice(2);
  if (!suitePath || !workspace) {
    console.error('usage: npx tsx test/e2e/lib/runElectron.ts <suite.ts> <workspace> [ext.vsix ...]');
    process.exit(2);
  }
  runElectronTests({ suitePath, workspace, vsixPaths }).then(
    (r) => {
      for (const l of r.lines) console.log(`  ${l}`);
      console.log(`electron: ${r.passed} passed, ${r.failed} failed`);
      process.exit(r.failed === 0 && r.passed > 0 ? 0 : 1);
    },
    (e) => {
      console.error(String(e instanceof Error ? e.message : e));
      process.exit(1);
    },
  );
}
