/**
 * The server's start-up in two steps (server/src/lsp/main.ts): dist/server.js answers
 * `initialize` with the LSP library and capabilities.ts alone, then loads dist/server-full.js
 * (the core, the handlers) before it handles the next message. Its answer is the one the whole
 * server gives (`cadre-ia lsp`, one bundle); the split is real (the core is not in
 * dist/server.js, the library is not bundled twice); and the first message after `initialize`
 * is served at once.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { E02_TRUE } from './fixtures';
import { FULL_CAPABILITIES, MINIMAL_CAPABILITIES, PULL_CAPABILITIES, ROOT, TestClient } from './helper';

const CLI_LSP = [process.execPath, path.join(ROOT, 'bin', 'cadre-ia.js'), 'lsp', '--stdio'];

describe('lsp: start-up in two bundles', () => {
  for (const [name, capabilities] of [
    ['a client with pull diagnostics', PULL_CAPABILITIES],
    ['VS Code-like capabilities, push diagnostics', FULL_CAPABILITIES],
    ['a bare client', MINIMAL_CAPABILITIES],
  ] as const) {
    it(`initialize: dist/server.js answers what the whole server answers (${name})`, async () => {
      const split = await TestClient.start({ capabilities, settings: {} });
      const whole = await TestClient.start({ capabilities, settings: {}, command: CLI_LSP });
      try {
        assert.deepEqual(split.initializeResult, whole.initializeResult);
        assert.equal(!!split.initializeResult?.capabilities.diagnosticProvider, capabilities === PULL_CAPABILITIES, 'pull diagnostics follow the client');
      } finally {
        assert.equal(await split.stop(), 0);
        assert.equal(await whole.stop(), 0);
      }
    });
  }

  it('the first message after initialize is served: diagnostics of a document opened at once', async () => {
    const c = await TestClient.start({ settings: {} });
    const u = 'file:///startup/e02.ia.yaml';
    await c.open(u, E02_TRUE);
    const p = await c.diagnostics(u);
    assert.ok(p.diagnostics.some((d) => d.code === 'E02-interaction-directe'));
    assert.equal(await c.stop(), 0);
  });

  it('dist/server.js holds the LSP library, not the core; dist/server-full.js the core, not a second library', () => {
    const light = fs.readFileSync(path.join(ROOT, 'dist', 'server.js'), 'utf8');
    const full = fs.readFileSync(path.join(ROOT, 'dist', 'server-full.js'), 'utf8');
    // A string of vscode-jsonrpc's connection, and one of a rule.
    const library = 'Received response message without id';
    const rule = 'interaction-directe';
    assert.ok(light.includes(library) && !full.includes(library), 'the LSP library is in dist/server.js only');
    assert.ok(full.includes(rule) && !light.includes(rule), 'the rules are in dist/server-full.js only');
    assert.ok(light.length < full.length / 2, `dist/server.js (${light.length} bytes) is the small part`);
  });
});
