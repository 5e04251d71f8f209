import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDeclaration, SIZES, WORKSPACE_LINES, writeCorpus } from '../../bench/generate';
import { lintText } from '../../server/src/core/engine';
import { parseDeclaration } from '../../server/src/core/parse';

/** Every section of format v1 (schemas/declaration.schema.json) but the optional `engagements`. */
const SECTIONS = [
  'cadre',
  'projet',
  'interet_general',
  'usagers',
  'controle_humain',
  'transparence',
  'bilan_annuel',
  'agents',
  'donnees',
  'droits',
  'securite',
  'souverainete',
  'reversibilite',
  'environnement',
];

function lineCount(text: string): number {
  return text.split('\n').length - 1;
}

/** Codes that say the text itself is broken, rather than what it declares. */
function brokenCodes(text: string): string[] {
  return lintText(text, { now: new Date('2026-06-01') })
    .diagnostics.map((d) => d.code)
    .filter((c) => c === 'syntax' || c === 'internal' || c.startsWith('schema-'));
}

describe('bench generator', function () {
  this.timeout(120_000);

  it('is deterministic: same options, same bytes; another seed, another text', () => {
    for (const lines of [200, 2_000]) {
      const a = generateDeclaration({ lines, seed: 42 });
      assert.equal(generateDeclaration({ lines, seed: 42 }), a);
      assert.notEqual(generateDeclaration({ lines, seed: 43 }), a);
    }
  });

  for (const lines of SIZES) {
    it(`writes about ${lines} lines with every section, and lints without syntax or schema error`, () => {
      const text = generateDeclaration({ lines, seed: 7 * lines + 1 });
      const n = lineCount(text);
      assert.ok(n >= lines && n <= lines + 6, `${n} lines for ${lines} asked`);
      const parsed = parseDeclaration(text);
      assert.deepEqual(parsed.problems, []);
      const data = parsed.value as Record<string, Record<string, unknown[]>>;
      for (const s of SECTIONS) assert.ok(s in data, `section ${s} missing`);
      // The size comes from the repeated lists, all three of them.
      const counts = [data.souverainete.modeles.length, data.securite.risques_specifiques.length, data.interet_general.indicateurs.length];
      for (const c of counts) assert.ok(c >= Math.floor(lines / 50), `lists too short: ${counts.join(', ')}`);
      assert.deepEqual(brokenCodes(text), []);
    });
  }

  it('writes a workspace of distinct, valid declarations, the same on every run', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-'));
    try {
      const a = writeCorpus(path.join(tmp, 'a'), 40);
      const b = writeCorpus(path.join(tmp, 'b'), 40);
      const list = (root: string) =>
        fs
          .readdirSync(root, { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.ia.yaml'))
          .sort();
      const files = list(a.workspace);
      assert.equal(files.length, 40);
      assert.deepEqual(list(b.workspace), files);
      const ids = new Set<string>();
      for (const f of files) {
        const text = fs.readFileSync(path.join(a.workspace, f), 'utf8');
        assert.equal(fs.readFileSync(path.join(b.workspace, f), 'utf8'), text, f);
        const n = lineCount(text);
        assert.ok(n >= WORKSPACE_LINES && n <= WORKSPACE_LINES + 6, `${f}: ${n} lines`);
        assert.deepEqual(brokenCodes(text), [], f);
        ids.add((parseDeclaration(text).value as { projet: { id: string } }).projet.id);
      }
      assert.equal(ids.size, files.length, 'projet.id must be unique in the workspace');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
