/**
 * The fixture checker shared by the rule fixtures (rules.test.ts) and the judgement fixtures
 * (judgement.test.ts): a fixture states its expected diagnostics with carets and its verdicts in
 * comments (see fixture-expectations.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { lintText, type FullLintResult } from '../../server/src/core/engine';
import type { Locale } from '../../server/src/core/types';
import { FIXED_NOW, parseExpectations, rewriteCarets } from './fixture-expectations';

const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

export function lint(text: string, locale: Locale, now = FIXED_NOW): FullLintResult {
  return lintText(text, { locale, now });
}

export function show(r: FullLintResult): string {
  return r.diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character}-${d.range.end.line + 1}:${d.range.end.character} ${d.code} ${d.message}`).join('\n');
}

/** A diagnostic as compared with the carets: a range over several lines compares by its start. */
const key = (line: number, start: number, endLine: number, end: number, code: string) =>
  endLine > line || end < 0 ? `${line + 1}:${start}-… ${code}` : `${line + 1}:${start}-${endLine + 1}:${end} ${code}`;

export interface CheckOptions {
  /** Engagements the fixture does not name must be `conforme` or `non_applicable` (fixtures built from a compliant base). */
  othersCompliant?: boolean;
}

/**
 * Checks one fixture against the expectations written in it (see fixture-expectations.ts): the
 * exact diagnostics (code and range), the verdicts, and the messages in both locales. With
 * `UPDATE_SNAPSHOTS=1`, rewrites the caret lines from the actual diagnostics first.
 */
export function check(file: string, options: CheckOptions = {}): void {
  let text = fs.readFileSync(file, 'utf8');
  const date = parseExpectations(text).date;
  if (UPDATE) {
    const next = rewriteCarets(text, (t) => lint(t, 'fr', date).diagnostics);
    if (next !== text) fs.writeFileSync(file, next);
    text = next;
  }
  const exp = parseExpectations(text);
  assert.deepEqual(exp.problems, [], 'malformed expectations');
  assert.ok(exp.none || exp.carets.length > 0, 'the fixture states no expectation (carets or `# expect: none`)');
  assert.ok(exp.title, 'the fixture has no title comment');

  const fr = lint(text, 'fr', date);
  const actual = fr.diagnostics.map((d) => key(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code)).sort();
  const expected = exp.carets.map((c) => key(c.line, c.start, c.line, c.end, c.code)).sort();
  assert.deepEqual(actual, expected, `diagnostics differ from the carets; actual:\n${show(fr)}`);

  for (const c of exp.carets) {
    if (!c.contains) continue;
    const d = fr.diagnostics.find((x) => x.code === c.code && x.range.start.line === c.line && x.range.start.character === c.start);
    assert.ok(d?.message.includes(c.contains), `${c.code} at line ${c.line + 1}: message ${JSON.stringify(d?.message)} lacks ${JSON.stringify(c.contains)}`);
  }

  // Both locales: the same findings, with non-empty and different messages.
  const en = lint(text, 'en', date);
  assert.deepEqual(
    en.diagnostics.map((d) => key(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code)),
    fr.diagnostics.map((d) => key(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code)),
  );
  fr.diagnostics.forEach((d, i) => {
    const e = en.diagnostics[i];
    assert.ok(d.message.trim() && e.message.trim(), `${d.code}: empty message`);
    assert.notEqual(d.message, e.message, `${d.code}: the same message in French and English`);
    assert.doesNotMatch(d.message, /\{\w+\}/, `${d.code}: unfilled placeholder in ${d.message}`);
    assert.doesNotMatch(e.message, /\{\w+\}/, `${d.code}: unfilled placeholder in ${e.message}`);
    for (const f of d.fixes ?? []) assert.ok(f.title.trim(), `${d.code}: a fix without title`);
    for (const r of d.related ?? []) assert.ok(r.message.trim(), `${d.code}: related information without message`);
  });
  assert.deepEqual(en.verdicts, fr.verdicts);

  for (const [id, verdict] of Object.entries(exp.verdicts)) assert.equal(fr.verdicts[id], verdict, `verdict of ${id}`);
  if (exp.allVerdicts) assert.deepEqual(Object.keys(exp.verdicts).sort(), Object.keys(fr.verdicts).sort(), 'verdicts-attendus must name every engagement');
  if (options.othersCompliant) {
    for (const [id, verdict] of Object.entries(fr.verdicts)) {
      if (id in exp.verdicts) continue;
      assert.ok(verdict === 'conforme' || verdict === 'non_applicable', `${id} is ${verdict}; state it with "# expect-verdict: ${id} ${verdict}"\n${show(fr)}`);
    }
  }
}
