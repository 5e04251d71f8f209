// The integration suite's entry point, in the @vscode/test-electron shape: run() builds a
// mocha instance, loads the test files and rejects when a test failed. It runs inside a real
// extension host — VS Code desktop through ../runElectron.ts (where VS Code can be
// downloaded), or code-server here through test/e2e/extension.e2e.ts. The test files are
// `require`d after `pre-require` (the suite is bundled by esbuild, so no glob at run time).
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  // CADRE_SUITE_GREP (in the extension host's environment) runs only the matching tests.
  const grep = process.env.CADRE_SUITE_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, slow: 3_000, ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'cadre-ia-suite', mocha);
  // The suite speaks French, the product's default, whatever VS Code's display language.
  mocha.suite.beforeAll('cadreIa.locale = fr', async () => {
    await vscode.workspace.getConfiguration('cadreIa').update('locale', 'fr', vscode.ConfigurationTarget.Global);
  });
  // Order matters: activation is checked before anything opens a declaration.
  require('./activation.test');
  require('./diagnostics.test');
  require('./quickfix.test');
  require('./checklist.test');
  require('./commands.test');
  // Last: it adds two declarations of two frameworks to the workspace, and removes them after.
  require('./frameworks.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
