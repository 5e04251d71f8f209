// The checklist's inline actions (server/src/core/inlineActions.ts: "insert the missing section",
// "declare a derogation"), data-driven: each fixture under test/fixtures/inline-actions/derogation/
// and section/ names its action in its first line (`# derogation: E09`, `# section: usagers`);
// check() applies the planned edits, compares with `<fixture>.expected` (UPDATE_SNAPSHOTS=1
// rewrites them), and asserts what must hold whatever the snapshot says: the user's text is all
// still there, in order; the result is valid YAML; the section or derogation is where the data says.
// These edits were once planned by the client (client/src/text.ts); the server plans them now,
// from schemas/templates.yaml, and the client only applies them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml, parseDocument } from 'yaml';
import { findEngagement } from '../../server/src/core/catalogue';
import { defaultCatalogue, lintText } from '../../server/src/core/engine';
import { applyEdits } from '../../server/src/core/fixes';
import { derogationOffered, keyRangeIn, missingSectionOf, planDerogation, planInsertSection, planSection } from '../../server/src/core/inlineActions';
import { parseDeclaration } from '../../server/src/core/parse';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'inline-actions');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const ctx = () => ({ locale: 'fr' as const, catalogue: defaultCatalogue() });

/** The result is the original with insertions only: every character of it, in order. */
function assertKept(original: string, result: string): void {
  let at = 0;
  for (let i = 0; i < original.length; i++) {
    at = result.indexOf(original[i], at);
    assert.ok(at !== -1, `text lost or reordered from ${JSON.stringify(original.slice(i, i + 40))}`);
    at++;
  }
}

function snapshot(file: string, actual: string): void {
  const expected = `${file}.expected`;
  if (UPDATE || !fs.existsSync(expected)) {
    if (!UPDATE && process.env.CI) assert.fail(`missing snapshot ${expected}`);
    fs.writeFileSync(expected, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(expected, 'utf8'), `${path.relative(ROOT, expected)} (UPDATE_SNAPSHOTS=1 to accept)`);
}

function check(file: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const [, action, arg] = /^# (derogation|section): (\S+)/.exec(text) ?? [];
  assert.ok(action, `${file}: first line must be "# derogation: Exx" or "# section: name"`);
  const parsed = parseDeclaration(text);
  const plan = action === 'derogation' ? planDerogation(parsed, arg, ctx()) : planSection(parsed, arg, ctx());
  if (plan.status !== 'edit') {
    const line = plan.reveal?.start.line;
    snapshot(file, `${plan.status}${line === undefined ? '' : ` at line ${line + 1}: ${text.split('\n')[line]}`}\n`);
    return;
  }
  const result = applyEdits(text, plan.edits);
  snapshot(file, result);
  assertKept(text, result);
  const doc = parseDocument(result);
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    'the result is valid YAML',
  );
  assert.ok(plan.reveal, 'the key written is revealed');
  const revealed = result.split(/\r?\n/)[plan.reveal.start.line].slice(plan.reveal.start.character, plan.reveal.end.character);
  assert.equal(revealed, arg, 'the revealed range is the key written');
  if (action === 'derogation') {
    const data = doc.toJS() as { engagements: Record<string, { statut: string }> };
    assert.equal(data.engagements[arg].statut, 'derogation');
    // Entries that were there are still there, unchanged.
    const before = (parseYaml(text) as { engagements?: Record<string, unknown> } | null)?.engagements ?? {};
    for (const [k, v] of Object.entries(before)) assert.deepEqual(data.engagements[k], v, `engagements.${k} changed`);
  } else {
    const data = doc.toJS() as Record<string, unknown>;
    assert.ok(data[arg] && typeof data[arg] === 'object', `section ${arg} is a mapping`);
  }
}

describe('inline actions: edits planned by the server (fixtures)', () => {
  for (const kind of ['derogation', 'section']) {
    const dir = path.join(FIXTURES, kind);
    for (const f of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.ia.yaml'))
      .sort()) {
      it(`${kind}/${f}`, () => check(path.join(dir, f)));
    }
  }
});

describe('inline actions: which are offered, and where they point', () => {
  it('has a template for every section and every derogable engagement of the catalogue, and offers no derogation on E02', () => {
    const c = ctx();
    assert.equal(c.catalogue.engagements.length, 14);
    const empty = parseDeclaration('cadre: lyon-ia/v1\n');
    for (const e of c.catalogue.engagements) {
      for (const s of e.sections ?? []) assert.equal(planSection(empty, s, c).status, 'edit', `section ${s} (${e.id})`);
      assert.equal(planDerogation(empty, e.id, c).status, e.derogable ? 'edit' : 'notDerogable', `derogation on ${e.id}`);
      assert.equal(derogationOffered(e, 'non_conforme'), e.derogable);
      assert.equal(derogationOffered(e, 'conforme'), false);
    }
  });

  it('inserts the missing section of an engagement only when none of its sections is written', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', fs.readdirSync(path.join(ROOT, 'examples')).find((f) => f.endsWith('.ia.yaml'))!), 'utf8');
    const result = lintText(text, { catalogue: defaultCatalogue() });
    for (const e of defaultCatalogue().engagements) {
      const verdict = result.verdicts[e.id];
      const plan = planInsertSection(result.parsed, e.id, verdict, ctx());
      const missing = missingSectionOf(e, verdict, result.parsed);
      assert.equal(plan.status === 'nothingMissing', missing === undefined, `${e.id}: ${plan.status}`);
    }
    assert.equal(planInsertSection(result.parsed, 'E99', 'a_completer', ctx()).status, 'nothingMissing');
    assert.ok(findEngagement(defaultCatalogue(), 'E13'));
  });

  it('keeps CRLF line breaks when the document uses them', () => {
    const text = 'cadre: lyon-ia/v1\r\nengagements:\r\n  E05:\r\n    statut: non_applicable\r\n';
    const plan = planDerogation(parseDeclaration(text), 'E09', ctx());
    assert.equal(plan.status, 'edit');
    const result = applyEdits(text, plan.edits);
    assert.doesNotMatch(result.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line breaks');
    assert.equal((parseYaml(result) as { engagements: Record<string, { statut: string }> }).engagements.E09.statut, 'derogation');
  });

  it('finds the written key in an edit, on its first line or a later one', () => {
    const at = { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } };
    assert.deepEqual(keyRangeIn({ range: at, newText: 'E09:\n  statut: derogation\n' }, 'E09'), { start: { line: 3, character: 4 }, end: { line: 3, character: 7 } });
    assert.deepEqual(keyRangeIn({ range: at, newText: '\n\nusagers:\n  a: 1\n' }, 'usagers'), { start: { line: 5, character: 0 }, end: { line: 5, character: 7 } });
    assert.equal(keyRangeIn({ range: at, newText: 'autre:\n' }, 'usagers'), undefined);
  });
});
