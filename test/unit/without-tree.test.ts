import * as assert from 'node:assert/strict';
import { generateDeclaration } from '../../bench/generate';
import { lintText } from '../../server/src/core/engine';
import { rangeOf, withoutTree } from '../../server/src/core/parse';
import { documentVerdicts } from '../../server/src/core/verdictsView';

// withoutTree: what results kept in bulk (CLI, the server's unopened files) retain.
describe('withoutTree', () => {
  const now = new Date('2026-06-01');
  const texts = {
    complete: generateDeclaration({ lines: 200, seed: 3 }),
    // Sections missing: the checklist offers to insert them (missingSection reads the index).
    partial: 'cadre: lyon-ia/v1\nprojet:\n  id: x\n  nom: X\nusagers:\n  interaction_directe: true\n',
    broken: 'cadre: lyon-ia/v1\nprojet: [\n',
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`keeps the data, problems, top-level positions and the same verdicts view (${name})`, () => {
      const full = lintText(text, { now });
      const slim = withoutTree(full.parsed);
      assert.equal(slim.doc, undefined);
      assert.deepEqual(slim.value, full.parsed.value);
      assert.deepEqual(slim.problems, full.parsed.problems);
      assert.equal(slim.text, text);
      for (const info of slim.index.values()) {
        assert.ok(info.path.length <= 1, `deep path kept: ${info.path.join('.')}`);
        assert.equal(info.node, undefined);
        assert.equal(info.pair, undefined);
      }
      const top = [...full.parsed.index.values()].filter((i) => i.path.length <= 1).map((i) => i.path.join('.'));
      assert.deepEqual(
        [...slim.index.values()].map((i) => i.path.join('.')),
        top,
      );
      for (const p of top) assert.deepEqual(rangeOf(slim, p ? [p] : [], 'key'), rangeOf(full.parsed, p ? [p] : [], 'key'));
      const view = (parsed: typeof slim) => documentVerdicts('file:///x.ia.yaml', undefined, { ...full, parsed }, full.catalogue, 'fr');
      assert.deepEqual(view(slim), view(full.parsed));
      // The leanest form (the server's unopened files): no text, no data, the same view.
      const lean = withoutTree(full.parsed, { text: false, data: false });
      assert.equal(lean.text, '');
      assert.equal(lean.value, undefined);
      assert.deepEqual([...lean.index.keys()], [...slim.index.keys()]);
      assert.deepEqual(view(lean), view(full.parsed));
    });
  }
});
