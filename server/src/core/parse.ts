import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { LineIndex } from './positions';
import type { DataPath, Range } from './types';

/** Default size limit (characters) beyond which a declaration is not checked in full. */
export const DEFAULT_MAX_CHARS = 5 * 1024 * 1024;
/** Aliases allowed when the tree is turned into data (billion-laughs guard). */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting walked when indexing positions. */
const MAX_INDEX_DEPTH = 64;
/** Most positions indexed in one document. */
const MAX_INDEX_ENTRIES = 200_000;

/** A problem found while reading the text, before any schema or rule. */
export interface SyntaxProblem {
  /** `yaml`'s error code (BAD_INDENT, DUPLICATE_KEY…) or ours: TOO_LARGE, BINARY, ALIAS_LIMIT, TOO_DEEP, INTERNAL. */
  code: string;
  /** The parser's own (English) message, for the record; the linter localizes from `code`. */
  detail: string;
  range: Range;
}

/** Where a path's key and value stand in the text. */
export interface PathInfo {
  path: DataPath;
  /** Range of the key (absent for sequence items and the root). */
  keyRange?: Range;
  /** Range of the value node (absent when the key has no value). */
  valueRange?: Range;
  /** The value node (scalar, map, seq or alias). */
  node?: Node | null;
  /** The pair holding it, when in a map. */
  pair?: Pair;
  /** Whether the value is a collection (map or sequence). */
  collection: boolean;
}

export interface ParsedDeclaration {
  text: string;
  lines: LineIndex;
  /** The YAML document; absent when the text was not parsed at all (too large, binary). */
  doc?: Document.Parsed;
  /** The data (plain JS) of the document, merges applied; `undefined` when unusable. */
  value: unknown;
  problems: SyntaxProblem[];
  /** Positions of every key and value, by path key (see `pathKey`). */
  index: Map<string, PathInfo>;
}

export interface ParseOptions {
  maxChars?: number;
}

export function pathKey(path: DataPath): string {
  return path.join('\u0000');
}

/** Parses a declaration. Never throws: every failure becomes a problem with a range. */
export function parseDeclaration(text: string, options: ParseOptions = {}): ParsedDeclaration {
  const lines = new LineIndex(text);
  const result: ParsedDeclaration = { text, lines, value: undefined, problems: [], index: new Map() };
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    result.problems.push({ code: 'TOO_LARGE', detail: `${text.length} > ${maxChars}`, range: lines.lineRange(0) });
    return result;
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    result.problems.push({ code: 'BINARY', detail: 'NUL byte', range: lines.range(nul, nul + 1) });
    return result;
  }
  try {
    const doc = parseDocument(text, {
      keepSourceTokens: true,
      merge: true,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
    });
    result.doc = doc;
    for (const e of doc.errors) {
      result.problems.push({ code: e.code, detail: e.message, range: lines.range(e.pos[0], e.pos[1]) });
    }
    try {
      result.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const first = firstAlias(doc.contents);
      const detail = e instanceof Error ? e.message : String(e);
      const code = e instanceof RangeError && /call stack/i.test(detail) ? 'TOO_DEEP' : 'ALIAS_LIMIT';
      result.problems.push({ code, detail, range: first ? nodeRange(lines, first) : lines.lineRange(0) });
      result.value = undefined;
    }
    try {
      indexPositions(result, doc);
    } catch (e) {
      // A pathological tree (nesting too deep for the stack): keep what was indexed.
      result.problems.push({ code: 'TOO_DEEP', detail: String(e), range: lines.lineRange(0) });
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const code = /call stack/i.test(detail) ? 'TOO_DEEP' : 'INTERNAL';
    result.problems.push({ code, detail, range: lines.lineRange(0) });
    result.value = undefined;
  }
  return result;
}

function nodeRange(lines: LineIndex, node: Node): Range {
  const r = node.range;
  if (!r) return lines.lineRange(0);
  return lines.range(r[0], r[1]);
}

function firstAlias(node: unknown, depth = 0): Node | undefined {
  if (depth > MAX_INDEX_DEPTH || !node) return undefined;
  if (isAlias(node)) return node;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = isPair(item) ? firstAlias(item.value, depth + 1) : firstAlias(item, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function indexPositions(parsed: ParsedDeclaration, doc: Document.Parsed): void {
  const { lines, index } = parsed;
  const root = doc.contents;
  index.set(pathKey([]), {
    path: [],
    valueRange: root ? nodeRange(lines, root) : undefined,
    node: root,
    collection: isMap(root) || isSeq(root),
  });
  // Every pair or item visited costs one; merges of merges cannot blow up.
  let budget = MAX_INDEX_ENTRIES;
  // `key` is pathKey(path), built incrementally (a join per node showed in profiles).
  const child = (key: string, seg: string | number) => (key === '' ? String(seg) : key + '\u0000' + seg);
  const walk = (node: unknown, path: (string | number)[], key: string, depth: number, viaMerge: boolean): void => {
    if (depth > MAX_INDEX_DEPTH || budget <= 0) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (--budget <= 0) return;
        const name = isScalar(pair.key) ? pair.key.value : undefined;
        if ((name === '<<' || typeof name === 'symbol') && isMergeValue(pair.value)) {
          for (const src of mergeSources(pair.value, doc)) walk(src, path, key, depth + 1, true);
          continue;
        }
        if (name === undefined || name === null || typeof name === 'object' || typeof name === 'symbol') continue;
        const p = [...path, String(name)];
        const k = child(key, String(name));
        if (viaMerge && index.has(k)) continue; // explicit keys win over merged ones
        const value = pair.value as Node | null;
        index.set(k, {
          path: p,
          keyRange: isScalar(pair.key) ? nodeRange(lines, pair.key) : undefined,
          valueRange: value?.range ? nodeRange(lines, value) : undefined,
          node: value,
          pair: pair as Pair,
          collection: isMap(value) || isSeq(value),
        });
        walk(value, p, k, depth + 1, false);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (--budget <= 0) return;
        const p = [...path, i];
        const k = child(key, i);
        const value = item as Node | null;
        index.set(k, {
          path: p,
          valueRange: value?.range ? nodeRange(lines, value) : undefined,
          node: value,
          collection: isMap(value) || isSeq(value),
        });
        walk(value, p, k, depth + 1, false);
      });
    }
  };
  walk(root, [], '', 0, false);
}

function isMergeValue(value: unknown): boolean {
  return isAlias(value) || (isSeq(value) && value.items.every((i) => isAlias(i)));
}

function mergeSources(value: unknown, doc: Document.Parsed): unknown[] {
  const aliases = isAlias(value) ? [value] : isSeq(value) ? value.items : [];
  // Alias#resolve looks the anchor up in the document: bounded, nothing is expanded.
  return aliases.map((a) => (isAlias(a) ? a.resolve(doc) : undefined)).filter((n) => n !== undefined);
}

/** The info of a path, when it stands in the text. */
export function infoAt(parsed: ParsedDeclaration, path: DataPath): PathInfo | undefined {
  return parsed.index.get(pathKey(path));
}

/**
 * The best range to show a finding about `path`: the value (scalars) or the key (collections,
 * empty values); for a path that is not in the text, the key of its nearest ancestor that is;
 * for the root, the first line.
 */
export function rangeOf(parsed: ParsedDeclaration, path: DataPath, prefer: 'key' | 'value' = 'value'): Range {
  for (let n = path.length; n >= 0; n--) {
    const info = parsed.index.get(pathKey(path.slice(0, n)));
    if (!info) continue;
    if (n === path.length && prefer === 'value' && info.valueRange && !info.collection) return info.valueRange;
    if (info.keyRange) return info.keyRange;
    if (info.valueRange && n === path.length && !info.collection) return info.valueRange;
    if (n === 0) break;
  }
  return firstKeyRange(parsed);
}

/** The range of the first top-level key (usually `cadre:`), or the first line. */
export function firstKeyRange(parsed: ParsedDeclaration): Range {
  for (const info of parsed.index.values()) {
    if (info.path.length === 1 && info.keyRange) return info.keyRange;
  }
  return parsed.lines.lineRange(0);
}

/** Reads a value in plain data by path; `undefined` when absent. */
export function getIn(value: unknown, path: DataPath): unknown {
  let cur: unknown = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg as string];
  }
  return cur;
}

/**
 * The same declaration without its syntax tree, for results kept in bulk (a workspace, the
 * CLI): the text, line index, data and problems stay; the index keeps the top-level keys only
 * (section presence and ranges) and no node. A 200-line declaration drops from about 360 KB
 * retained to a few KB. Hovers, fixes and completion need the full tree: use it only for
 * results nobody edits.
 */
export function withoutTree(parsed: ParsedDeclaration): ParsedDeclaration {
  const index = new Map<string, PathInfo>();
  for (const [k, info] of parsed.index) {
    if (info.path.length <= 1) index.set(k, { path: info.path, keyRange: info.keyRange, valueRange: info.valueRange, collection: info.collection });
  }
  return { text: parsed.text, lines: parsed.lines, value: parsed.value, problems: parsed.problems, index };
}
