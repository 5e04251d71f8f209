import type { ParsedDeclaration, PathInfo } from './parse';
import type { DataPath, Position, Range } from './types';

/** What stands under a cursor: a key, or a scalar value, with its data path. */
export interface Located {
  path: DataPath;
  on: 'key' | 'value';
  /** The range of the key or of the value under the cursor. */
  range: Range;
  info: PathInfo;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether `pos` lies in `range`, both ends included (a cursor right after a word is on it). */
export function contains(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

/** Whether two ranges overlap (touching ends count). */
export function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/**
 * The key or scalar value under a position, the deepest one when several contain it. A
 * collection value is never returned as such (the cursor is then on one of its children, or
 * on nothing). Works on whatever the parser could index, broken documents included.
 */
export function pathAt(parsed: ParsedDeclaration, position: Position): Located | undefined {
  let best: Located | undefined;
  for (const info of parsed.index.values()) {
    if (info.path.length === 0) continue;
    let hit: Located | undefined;
    if (info.keyRange && contains(info.keyRange, position)) hit = { path: info.path, on: 'key', range: info.keyRange, info };
    else if (info.valueRange && !info.collection && contains(info.valueRange, position) && !isEmptyRange(info.valueRange)) {
      hit = { path: info.path, on: 'value', range: info.valueRange, info };
    }
    if (hit && (!best || hit.path.length > best.path.length)) best = hit;
  }
  return best;
}

function isEmptyRange(r: Range): boolean {
  return r.start.line === r.end.line && r.start.character === r.end.character;
}

/**
 * The range a path's entry covers in the text: from its key to the end of its value, the
 * trailing line break excluded.
 */
export function entryRange(parsed: ParsedDeclaration, info: PathInfo): Range | undefined {
  const start = info.keyRange?.start ?? info.valueRange?.start;
  if (!start) return undefined;
  let end = info.valueRange?.end ?? info.keyRange?.end ?? start;
  end = trimEnd(parsed, end);
  if (comparePositions(end, start) < 0) end = info.keyRange?.end ?? start;
  return { start, end };
}

/** Moves an end position back over trailing white space and line breaks. */
export function trimEnd(parsed: ParsedDeclaration, end: Position): Position {
  let offset = parsed.lines.offsetAt(end);
  const text = parsed.text;
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return parsed.lines.positionAt(offset);
}

/** Whether `prefix` is `path` or one of its ancestors (keys compared as text: `0` and `'0'` alike). */
export function isPathPrefix(prefix: DataPath, path: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((k, i) => String(k) === String(path[i]));
}
