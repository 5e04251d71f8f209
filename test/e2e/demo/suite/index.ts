// The @vscode/test-electron `index.ts` shape: run() creates a Mocha instance, loads the tests,
// runs them and rejects if any failed. Bundled by test/e2e/lib/extensionTests.ts (esbuild), so
// test files are `require`d here (after `pre-require` has set the bdd globals) rather than
// found with a glob at run time.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000 });
  mocha.suite.emit('pre-require', globalThis, 'demo.test.ts', mocha);
  require('./demo.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
