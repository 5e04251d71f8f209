/**
 * What applying a fix must preserve, checked independently of the fix engine (its own `verify`
 * is not trusted here): the edits do not overlap; they remove nothing the user wrote but the
 * value or key being replaced (or an explicit empty value being filled); the result parses with
 * no new syntax problem; every value the user wrote reads back unchanged, at its path (or under
 * the new name of a renamed key), in the same order; line endings and the final newline stay.
 */
import * as assert from 'node:assert/strict';
import { applyEdits, type TextEdit } from '../../server/src/core/fixes';
import { getIn, infoAt, parseDeclaration, type ParsedDeclaration } from '../../server/src/core/parse';
import { LineIndex } from '../../server/src/core/positions';
import type { DataPath, FixRef } from '../../server/src/core/types';

type Leaf = [string, unknown];

/** Every scalar and empty collection of the data, in document order, keyed by its JSON path. */
export function flatten(value: unknown, prefix: (string | number)[] = [], out: Leaf[] = [], inside = new Set<unknown>()): Leaf[] {
  if (value !== null && typeof value === 'object') {
    // An anchor that contains its own alias (`&a [*a]`) makes the data circular: marked, not walked again.
    if (inside.has(value)) {
      out.push([JSON.stringify(prefix), '<cycle>']);
      return out;
    }
    inside.add(value);
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    if (!entries.length) out.push([JSON.stringify(prefix), Array.isArray(value) ? '[]' : '{}']);
    for (const [k, v] of entries) flatten(v, [...prefix, k], out, inside);
    inside.delete(value);
  } else {
    out.push([JSON.stringify(prefix), value instanceof Date ? value.toISOString() : value]);
  }
  return out;
}

function under(prefix: DataPath, p: (string | number)[]): boolean {
  return prefix.length <= p.length && prefix.every((s, i) => String(s) === String(p[i]));
}

/** What a fix is meant to change: the paths whose value may differ, the keys it renames. */
export function intendedChanges(fix: FixRef, before: unknown): { ignore: DataPath[]; renames: { from: DataPath; to: DataPath }[] } {
  const a = (fix.args ?? {}) as Record<string, unknown>;
  const p = (Array.isArray(a.path) ? a.path : []) as DataPath;
  switch (fix.kind) {
    case 'replace-value':
    case 'set-value':
      return { ignore: [p], renames: [] };
    case 'replace-key':
      return { ignore: [], renames: [{ from: p, to: [...p.slice(0, -1), String(a.to)] }] };
    case 'insert-field':
      // Filling an explicit empty value (`key:` or `key: null`) replaces that null.
      return { ignore: getIn(before, p) === null || (p.length === 0 && before == null) ? [p] : [], renames: [] };
    case 'insert-section':
      return { ignore: before == null ? [[]] : [], renames: [] };
    case 'insert-skeleton':
      // Only on a file with no data: the null root becomes the declaration.
      return { ignore: before == null ? [[]] : [], renames: [] };
    case 'declare-derogation':
      return { ignore: before == null ? [[]] : getIn(before, ['engagements']) === null ? [['engagements']] : [], renames: [] };
    default:
      return { ignore: [], renames: [] };
  }
}

const EMPTY_VALUES = new Set(['', 'null', 'Null', 'NULL', '~']);

/** Applies `edits` (computed for `fixes` on `before`), checks every invariant, returns the new text. */
export function checkFixPreserves(before: string, edits: readonly TextEdit[], fixes: readonly FixRef[], parsedBefore: ParsedDeclaration = parseDeclaration(before)): string {
  const lines = new LineIndex(before);
  const offs = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
  for (let i = 0; i < offs.length; i++) {
    for (let j = i + 1; j < offs.length; j++) {
      const [a, b] = [offs[i], offs[j]];
      assert.ok(!((a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === a.start && b.end === b.start)), `edits ${i} and ${j} overlap`);
    }
  }

  // Nothing the user wrote is removed, but (part of) the value or key being replaced, or an empty value being filled.
  const replaceable: [number, number][] = [];
  for (const fix of fixes) {
    const p = (fix.args as { path?: DataPath }).path;
    if (!Array.isArray(p)) continue;
    const info = infoAt(parsedBefore, p);
    const r = fix.kind === 'replace-key' ? info?.keyRange : fix.kind === 'replace-value' || fix.kind === 'set-value' ? info?.valueRange : undefined;
    if (r) replaceable.push([lines.offsetAt(r.start), lines.offsetAt(r.end)]);
  }
  for (const o of offs) {
    if (o.end === o.start) continue;
    const removed = before.slice(o.start, o.end);
    const trimmed = removed.replace(/^[ \t]+/, ''); // not trimStart(): it would also drop a BOM the user wrote
    const inside = replaceable.some(([a, b]) => a <= o.start + (removed.length - trimmed.length) && o.end <= b);
    assert.ok(EMPTY_VALUES.has(trimmed) || inside, `an edit removes text the user wrote: ${JSON.stringify(removed)}`);
  }

  const after = applyEdits(before, edits);
  const parsedAfter = parseDeclaration(after);
  assert.ok(parsedAfter.value !== undefined || parsedBefore.value === undefined, `the result is no longer data:\n${after}`);
  assert.ok(
    parsedAfter.problems.length <= parsedBefore.problems.length,
    `new syntax problems: ${parsedAfter.problems.map((p) => `${p.code} ${p.detail}`).join('; ')}\n--- before\n${before}\n--- after\n${after}`,
  );

  // Every value kept, at its (possibly renamed) path, in the same order.
  const changes = fixes.map((f) => intendedChanges(f, parsedBefore.value));
  const ignore = changes.flatMap((c) => c.ignore);
  const renames = changes.flatMap((c) => c.renames);
  const renamed = (r: { from: DataPath; to: DataPath }) => getIn(parsedAfter.value, r.from) === undefined && getIn(parsedAfter.value, r.to) !== undefined;
  if (fixes.length === 1) for (const r of renames) assert.ok(renamed(r), `${JSON.stringify(r.from)} was not renamed`);
  const kept: Leaf[] = [];
  for (const [key, value] of flatten(parsedBefore.value)) {
    let p = JSON.parse(key) as (string | number)[];
    if (ignore.some((i) => under(i, p))) continue;
    for (const r of renames) if (under(r.from, p) && renamed(r)) p = [...r.to, ...p.slice(r.from.length)];
    if (value === '{}' || value === '[]') {
      const now = p.length ? getIn(parsedAfter.value, p) : parsedAfter.value;
      assert.ok(now !== null && typeof now === 'object' && Array.isArray(now) === (value === '[]'), `${JSON.stringify(p)} is no longer ${value}`);
      continue;
    }
    kept.push([JSON.stringify(p), value]);
  }
  const keys = new Set(kept.map(([k]) => k));
  const now = flatten(parsedAfter.value).filter(([k]) => keys.has(k));
  assert.deepEqual(now, kept, 'a value the user wrote changed, vanished or moved');

  // Line endings and the final newline.
  if (before.includes('\r\n') && !/(^|[^\r])\n/.test(before)) assert.ok(!/(^|[^\r])\n/.test(after), 'a bare LF in a CRLF file');
  if (!before.includes('\r')) assert.ok(!after.includes('\r'), 'a CR in an LF file');
  if (before.length) assert.equal(after.endsWith('\n'), before.endsWith('\n'), 'final newline changed');
  return after;
}
