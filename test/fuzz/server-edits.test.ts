/**
 * Random sequences of incremental edits through the language server (fewer cases than the core
 * properties: each one is a round trip): after the edits, the diagnostics published for the last
 * version are exactly the core's for the text the protocol says the document now holds, every
 * range lies inside it, and requests sent between the edits are all answered without error.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lintText } from '../../server/src/core/engine';
import { TestClient, withTimeout } from '../lsp/helper';
import { assertRangeInside, fuzzAsync, lspLines, NOW, seedDeclarations, seedIndex } from './support';

const shape = (ds: { range: Diagnostic['range']; code?: unknown; message: unknown }[]) =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${String(d.message)}`);

type Step = { k: 'edit'; from: number; len: number; text: string } | { k: 'ask'; method: 'hover' | 'completion' | 'documentSymbol' | 'codeAction' | 'foldingRange' | 'codeLens'; at: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('edit' as const),
      from: fc.nat(),
      len: fc.integer({ min: 0, max: 40 }),
      text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\n', '\r\n', '  - ', ': ', '"', '#', '{', ']', '&a', '*a', '\t', '😀', 'engagements:\n  E09: {statut: derogation}\n')),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('ask' as const),
      method: fc.constantFrom('hover' as const, 'completion' as const, 'documentSymbol' as const, 'codeAction' as const, 'foldingRange' as const, 'codeLens' as const),
      at: fc.nat(),
    }),
  },
);

describe('fuzz: incremental edits through the server', function () {
  this.timeout(180_000);
  let c: TestClient;
  let n = 0;
  before(async () => {
    c = await TestClient.start({ settings: { debounceMs: 20 } });
  });
  after(async () => {
    assert.ok(c.alive, 'the server died');
    assert.equal(await c.stop(), 0);
  });

  fuzzAsync(
    'published diagnostics = the core on the text the edits make; ranges inside; every request answered',
    80,
    [seedIndex(), fc.array(stepArb, { minLength: 1, maxLength: 25 })],
    async (i, steps) => {
      const u = `file:///fuzz/doc-${++n}.ia.yaml`;
      const model = TextDocument.create(u, 'declaration-ia', 1, seedDeclarations()[i].text);
      await c.open(u, model.getText(), 1);
      const pending: Promise<unknown>[] = [];
      for (const step of steps) {
        const text = model.getText();
        if (step.k === 'edit') {
          const from = step.from % (text.length + 1);
          const range = { start: model.positionAt(from), end: model.positionAt(from + step.len) };
          const change = { range, text: step.text };
          TextDocument.update(model, [change], model.version + 1);
          await c.notify('textDocument/didChange', { textDocument: { uri: u, version: model.version }, contentChanges: [change] });
        } else {
          const position = model.positionAt(step.at % (text.length + 1));
          const params = step.method === 'codeAction' ? { textDocument: { uri: u }, range: { start: position, end: position }, context: { diagnostics: [] } } : { textDocument: { uri: u }, position };
          pending.push(withTimeout(c.request(`textDocument/${step.method}`, params), 20_000, step.method));
        }
      }
      await Promise.all(pending); // rejects (and fails the case) on any error answer
      const last = await c.diagnostics(u, (p) => p.version === model.version, 20_000);
      const lines = lspLines(model.getText());
      for (const d of last.diagnostics) assertRangeInside(d.range, lines, String(d.code));
      assert.deepEqual(shape(last.diagnostics), shape(lintText(model.getText(), { now: NOW, locale: 'fr' }).diagnostics));
      await c.close(u);
    },
  );
});
