import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionList, Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { generateDeclaration } from '../../bench/generate';
import { BASE, E02_TRUE, lineOf } from './fixtures';
import { MINIMAL_CAPABILITIES, ROOT, sleep, TestClient } from './helper';

describe('lsp: lifecycle and robustness', () => {
  it('starts over stdio, announces its capabilities, and exits with 0 after shutdown', async () => {
    const t0 = performance.now();
    const c = await TestClient.start({ settings: {} });
    const coldStart = performance.now() - t0;
    const caps = c.initializeResult!.capabilities;
    assert.equal(c.initializeResult!.serverInfo?.name, 'cadre-ia');
    assert.ok(caps.hoverProvider && caps.documentSymbolProvider && caps.foldingRangeProvider);
    assert.deepEqual(caps.completionProvider?.triggerCharacters, [':', ' ']);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.cadre-ia'], resolveProvider: true });
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that does not ask for them');
    console.log(`      cold start (spawn → initialize result): ${coldStart.toFixed(0)} ms`);
    assert.ok(coldStart < 10_000);
    assert.equal(await c.stop(), 0);
  });

  it('`cadre-ia lsp --stdio` starts the same server', async () => {
    const c = await TestClient.start({ command: [process.execPath, path.join(ROOT, 'bin', 'cadre-ia.js'), 'lsp', '--stdio'], settings: {} });
    assert.equal(c.initializeResult!.serverInfo?.name, 'cadre-ia');
    const u = 'file:///cli/e02.ia.yaml';
    await c.open(u, E02_TRUE);
    const p = await c.diagnostics(u);
    assert.ok(p.diagnostics.some((d) => d.code === 'E02-interaction-directe'));
    assert.equal(await c.stop(), 0);
  });

  it('answers a failing request with an error, logs it, and keeps serving', async () => {
    const c = await TestClient.start({ settings: {} });
    const u = 'file:///robust/base.ia.yaml';
    await c.open(u, BASE);
    // A malformed request (no position): the handler throws; the client gets an InternalError.
    await assert.rejects(c.request('textDocument/hover', { textDocument: { uri: u } }), (e: { code: number; message: string }) => e.code === -32603 && /hover/.test(e.message));
    assert.ok(
      c.logs.some((l) => l.type === 1 && /textDocument\/hover/.test(l.message)),
      'the exception is logged',
    );
    // Unknown documents: an error for the custom requests, nothing for the standard ones.
    await assert.rejects(c.request('cadreIa/verdicts', { uri: 'untitled:nope' }), (e: { code: number }) => e.code === -32602);
    await assert.rejects(c.request('textDocument/diagnostic', { textDocument: { uri: 'file:///robust/unknown.ia.yaml' } }), (e: { code: number }) => e.code === -32602);
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 'file:///robust/unknown.ia.yaml' }, position: { line: 0, character: 0 } }), null);
    // Garbage notifications.
    await c.notify('textDocument/didChange', { textDocument: { uri: 'file:///robust/never-opened.ia.yaml', version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.notify('workspace/didChangeWatchedFiles', { changes: null });
    await c.notify('workspace/didChangeConfiguration', null);
    await c.request('codeAction/resolve', { title: 'x', data: { uri: 42 } });
    // Hostile text: the server still answers.
    const hostile = 'file:///robust/hostile.ia.yaml';
    await c.open(hostile, 'a: &a [*a, *a]\n' + 'b: ' + '['.repeat(5000) + '\n\u0000');
    const ph = await c.diagnostics(hostile);
    assert.ok(ph.diagnostics.some((d) => d.code === 'syntax'));
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: lineOf(BASE, 'reversibilite:'), character: 3 } });
    assert.match((h!.contents as { value: string }).value, /E11/);
    await sleep(50);
    assert.ok(c.alive);
    assert.equal(await c.stop(), 0);
  });

  it('exits with 1 on `exit` without `shutdown`', async () => {
    const c = await TestClient.start({ settings: {} });
    await c.notify('exit', null);
    const code = await new Promise<number | null>((resolve) => (c.alive ? c.proc.on('exit', (code) => resolve(code)) : resolve(c.proc.exitCode)));
    assert.equal(code, 1);
    c.conn.dispose();
  });

  it('serves a bare client: plain-text hover, no snippet syntax, flat symbols', async () => {
    const c = await TestClient.start({ capabilities: MINIMAL_CAPABILITIES });
    const u = 'file:///bare/base.ia.yaml';
    const text = BASE.replace('  clause_contractuelle: true\n', '  \n');
    await c.open(u, text);
    await c.diagnostics(u);
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line: lineOf(text, 'reversibilite:'), character: 3 } });
    assert.equal((h.contents as { kind: string }).kind, 'plaintext');
    assert.ok(!/\*\*|\]\(/.test((h.contents as { value: string }).value));
    assert.match((h.contents as { value: string }).value, /E11 · Réversibilité garantie/);
    const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: lineOf(text, 'formats_export') + 2, character: 2 } });
    const clause = list.items.find((i) => i.label === 'clause_contractuelle');
    assert.ok(clause, list.items.map((i) => i.label).join(', '));
    assert.equal((clause.textEdit as { newText: string }).newText, 'clause_contractuelle: true');
    for (const i of list.items) {
      assert.equal(i.insertTextFormat, 1);
      assert.ok(!/\$\{?\d/.test((i.textEdit as { newText: string }).newText), (i.textEdit as { newText: string }).newText);
    }
    const symbols = await c.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    assert.ok(symbols.some((s) => s.name === 'plan_sortie' && s.containerName === 'reversibilite' && s.location.uri === u));
    assert.equal(await c.stop(), 0);
  });

  it('measures didOpen → publishDiagnostics on a 200-line declaration', async function () {
    this.timeout(60_000);
    const c = await TestClient.start({ settings: {} });
    const warm = 'file:///perf/warm.ia.yaml';
    await c.open(warm, BASE);
    await c.diagnostics(warm);
    const text = generateDeclaration({ lines: 200, seed: 7 });
    assert.ok(text.split('\n').length >= 200);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const u = `file:///perf/d${i}.ia.yaml`;
      const t0 = performance.now();
      await c.open(u, text);
      await c.diagnostics(u);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`      didOpen → publishDiagnostics, 200 lines: median ${times[2].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[4].toFixed(1)})`);
    assert.ok(times[2] < 1000, `median ${times[2]} ms`);
    assert.equal(await c.stop(), 0);
  });
});
