// The client's text edits (client/src/text.ts), data-driven: each fixture under
// fixtures/derogation/ and fixtures/section/ names its action in its first line
// (`# derogation: E09`, `# section: usagers`); check() applies the plan, resolves the snippet's
// tab stops to their defaults, compares with `<fixture>.expected` (UPDATE_SNAPSHOTS=1 rewrites
// them), and asserts what must hold whatever the snapshot says: the user's text is all still
// there, in order; the result is valid YAML; the section or derogation is where the data says.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument, parse as parseYaml } from 'yaml';
import {
  findDerogationSnippet,
  findSectionSnippet,
  freeFileName,
  oneYearLater,
  parseSnippetFile,
  planAppend,
  planDerogation,
  safeFileName,
  type InsertPlan,
} from '../../../client/src/text';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const TODAY = new Date('2026-01-15T12:00:00Z');
const snippets = [parseSnippetFile(fs.readFileSync(path.join(ROOT, 'snippets', 'declaration-ia.code-snippets'), 'utf8'))];

/** A snippet's text as inserted when the user accepts every default (first choice, default text). */
function resolveSnippet(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && '$}\\,|'.includes(s[i + 1])) {
      out += s[i + 1];
      i += 2;
    } else if (c === '$' && s[i + 1] === '{') {
      // ${n:default} | ${n|a,b|} | ${n}
      const m = /^\$\{(\d+)(?::|\||\})/.exec(s.slice(i));
      assert.ok(m, `bad snippet at ${s.slice(i, i + 20)}`);
      i += m[0].length;
      if (m[0].endsWith('}')) continue;
      const choice = m[0].endsWith('|');
      let depth = 1;
      let inner = '';
      while (i < s.length && depth > 0) {
        if (s[i] === '\\' && i + 1 < s.length) {
          inner += s[i] + s[i + 1];
          i += 2;
          continue;
        }
        if (s[i] === '$' && s[i + 1] === '{') depth++;
        if (s[i] === '}') depth--;
        if (depth > 0) inner += s[i];
        i++;
      }
      if (choice) {
        const body = inner.replace(/\|$/, '');
        const first = body.split(/(?<!\\),/)[0];
        out += first.replace(/\\(.)/g, '$1');
      } else out += resolveSnippet(inner);
    } else if (c === '$' && /\d/.test(s[i + 1] ?? '')) {
      i += 2;
      while (/\d/.test(s[i] ?? '')) i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function apply(text: string, plan: InsertPlan): string {
  const lines = text.split(/(?<=\n)/);
  const before = lines.slice(0, plan.line).join('');
  const after = lines.slice(plan.line).join('');
  return before + plan.prefix + resolveSnippet(plan.snippet) + after;
}

/** Every line of `original` appears in `result`, in the same order. */
function assertKept(original: string, result: string): void {
  const got = result.split(/\r?\n/);
  let j = 0;
  for (const line of original.split(/\r?\n/)) {
    while (j < got.length && got[j] !== line) j++;
    assert.ok(j < got.length, `the line ${JSON.stringify(line)} of the user's text was lost`);
    j++;
  }
}

function snapshot(file: string, actual: string): void {
  const expected = file + '.expected';
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
  if (action === 'derogation') {
    const template = findDerogationSnippet(snippets, arg);
    assert.ok(template, `no derogation snippet for ${arg}`);
    const plan = planDerogation(text, arg, TODAY, '\n', template);
    if (plan.kind !== 'insert') {
      snapshot(file, `${plan.kind} at line ${plan.line + 1}: ${text.split('\n')[plan.line]}\n`);
      return;
    }
    const result = apply(text, plan);
    snapshot(file, result);
    assertKept(text, result);
    const doc = parseDocument(result);
    assert.deepEqual(doc.errors.map((e) => e.message), [], 'the result is valid YAML');
    const data = doc.toJS() as { engagements: Record<string, { statut: string }> };
    assert.equal(data.engagements[arg].statut, 'derogation');
    // Entries that were there are still there, unchanged.
    const before = (parseYaml(text) as { engagements?: Record<string, unknown> } | null)?.engagements ?? {};
    for (const [k, v] of Object.entries(before)) assert.deepEqual(data.engagements[k], v, `engagements.${k} changed`);
  } else {
    const snippet = findSectionSnippet(snippets, arg);
    assert.ok(snippet, `no snippet for section ${arg}`);
    const result = apply(text, planAppend(text, snippet.body));
    snapshot(file, result);
    assertKept(text, result);
    const doc = parseDocument(result);
    assert.deepEqual(doc.errors.map((e) => e.message), [], 'the result is valid YAML');
    const data = doc.toJS() as Record<string, unknown>;
    assert.ok(data[arg] && typeof data[arg] === 'object', `section ${arg} is a mapping`);
    assert.match(result, new RegExp(`\\n\\n${arg}:`), 'the new section is preceded by one blank line');
  }
}

describe('client: text edits (fixtures)', () => {
  for (const kind of ['derogation', 'section']) {
    const dir = path.join(FIXTURES, kind);
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ia.yaml')).sort()) {
      it(`${kind}/${f}`, () => check(path.join(dir, f)));
    }
  }
});

describe('client: text helpers', () => {
  it('finds a snippet for every section and a derogation snippet for every derogable engagement of the catalogue', () => {
    const catalogue = parseYaml(fs.readFileSync(path.join(ROOT, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8')) as {
      engagements: { id: string; derogable: boolean; sections?: string[] }[];
    };
    assert.equal(catalogue.engagements.length, 14);
    for (const e of catalogue.engagements) {
      for (const s of e.sections ?? []) assert.ok(findSectionSnippet(snippets, s), `no snippet for section ${s} (${e.id})`);
      assert.equal(!!findDerogationSnippet(snippets, e.id), e.derogable, `derogation snippet of ${e.id} (derogable: ${e.derogable})`);
    }
    // The whole-declaration snippet starts with `cadre:`: it never stands for a section.
    assert.equal(findSectionSnippet(snippets, 'cadre'), undefined);
  });

  it('keeps CRLF line breaks when the document uses them', () => {
    const text = 'cadre: lyon-ia/v1\r\nengagements:\r\n  E05:\r\n    statut: non_applicable\r\n';
    const plan = planDerogation(text, 'E09', TODAY, '\r\n');
    assert.equal(plan.kind, 'insert');
    if (plan.kind !== 'insert') return;
    const result = text + plan.prefix + resolveSnippet(plan.snippet);
    assert.equal(plan.line, 4);
    assert.doesNotMatch(result.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line breaks');
    assert.equal((parseYaml(result) as { engagements: Record<string, { statut: string }> }).engagements.E09.statut, 'derogation');
  });

  it('without a template, writes a derogation whose placeholders count as empty and whose end date is a year away', () => {
    const plan = planDerogation('cadre: lyon-ia/v1\n', 'E09', TODAY);
    assert.equal(plan.kind, 'insert');
    if (plan.kind !== 'insert') return;
    const data = parseYaml('cadre: lyon-ia/v1\n' + plan.prefix + resolveSnippet(plan.snippet)) as { engagements: Record<string, Record<string, unknown>> };
    assert.equal(data.engagements.E09.statut, 'derogation');
    assert.match(String(data.engagements.E09.justification), /^A COMPLETER/);
    assert.equal(data.engagements.E09.echeance, '2027-01-15');
    assert.equal(oneYearLater(new Date('2028-02-29T00:00:00Z')), '2029-03-01');
  });

  it('picks a free file name and never returns a path', () => {
    const taken = new Set(['tri.ia.yaml', 'tri-2.ia.yaml']);
    assert.equal(freeFileName('tri.ia.yaml', (n) => taken.has(n)), 'tri-3.ia.yaml');
    assert.equal(freeFileName('neuf.ia.yaml', (n) => taken.has(n)), 'neuf.ia.yaml');
    assert.equal(safeFileName('../../etc/passwd'), '-..-etc-passwd.ia.yaml');
    assert.equal(safeFileName('a/b.ia.yml'), 'a-b.ia.yml');
    assert.equal(safeFileName('projet.yaml'), 'projet.ia.yaml');
    assert.equal(safeFileName(''), 'declaration.ia.yaml');
  });

  it('reads snippet files with comments and trailing commas, and ignores broken ones', () => {
    const parsed = parseSnippetFile('{\n // c\n "A": { "prefix": "a", "body": ["x: \\"//not a comment\\""], },\n /* b */ }');
    assert.deepEqual(parsed.A.body, ['x: "//not a comment"']);
    assert.deepEqual(parseSnippetFile('{ nope'), {});
    assert.deepEqual(parseSnippetFile('[1]'), {});
  });
});
