// The integration suite on VS Code desktop, with @vscode/test-electron (through the e2e
// infrastructure's test/e2e/lib/runElectron.ts), against the packaged extension:
//   npm run package && npx tsx test/vscode/runElectron.ts [version]     (xvfb-run -a … on a headless Linux)
// It needs to download VS Code: where that is impossible (this project's CI machines reach only
// the npm registry and Debian's packages) it fails loudly with VsCodeDownloadError, and the
// same suite runs in code-server's extension host instead (test/e2e/extension.e2e.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runElectronTests } from '../e2e/lib/runElectron';

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const vsix = path.join(ROOT, 'dist', 'cadre-ia.vsix');
  if (!fs.existsSync(vsix)) {
    console.error('runElectron: dist/cadre-ia.vsix is missing; run `npm run package` first');
    return 2;
  }
  // The suite writes into its workspace: give it a copy.
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-ws-electron-'));
  fs.cpSync(path.join(ROOT, 'test', 'vscode', 'workspace'), ws, { recursive: true });
  try {
    const r = await runElectronTests({
      suitePath: path.join(ROOT, 'test', 'vscode', 'suite', 'index.ts'),
      workspace: ws,
      vsixPaths: [vsix],
      version: process.argv[2] ?? 'stable',
    });
    for (const l of r.lines ?? []) console.log(`  ${l}`);
    for (const f of r.failures) console.log(`  FAILED ${f.title}: ${f.message}`);
    console.log(`electron: ${r.passed} passed, ${r.failed} failed`);
    return r.failed === 0 && r.passed > 0 ? 0 : 1;
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`runElectron: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
