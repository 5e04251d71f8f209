import {
  Composer,
  CST,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type Node,
  type Pair,
  type ParseOptions as YamlParseOptions,
  type SchemaOptions,
} from 'yaml';
import { fastParse } from './parse/fast';
import { FastParsed } from './parse/lazy';
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
/**
 * Deepest nesting (collections inside collections) composed into a tree. A declaration needs
 * about 6 levels; the `yaml` composer recurses once per level and overflows the stack near
 * 1,000 levels — and a stack overflow at the wrong moment (while V8 compiles a regular
 * expression) aborts the whole process. Deeper texts are refused after the (iterative) CST parse.
 */
export const MAX_NESTING = 100;
/**
 * YAML tokens (scalars, indicators, brackets) composed into a tree, at most. A declaration has a
 * few thousand; `yaml` keeps about 0.5 KB per token (CST, nodes, data), so a 5 MB text of
 * `[]` pairs needed more than 4 GB. Beyond it, one TOO_COMPLEX problem and no tree.
 */
export const MAX_TOKENS = 100_000;
/** Syntax problems kept per document; the rest are counted in one last problem (TOO_MANY_ERRORS). */
export const MAX_SYNTAX_PROBLEMS = 100;

const YAML_OPTIONS: YamlParseOptions & DocumentOptions & SchemaOptions = {
  keepSourceTokens: true,
  merge: true,
  // Duplicate keys are found below in linear time: `yaml`'s own check compares each key with
  // every earlier one of its mapping (quadratic: 100,000 keys took minutes).
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  // No process warnings on stderr (e.g. for collection keys): problems come from `doc.errors`.
  logLevel: 'error',
};

/** A problem found while reading the text, before any schema or rule. */
export interface SyntaxProblem {
  /** `yaml`'s error code (BAD_INDENT, DUPLICATE_KEY…) or ours: TOO_LARGE, BINARY, ALIAS_LIMIT, TOO_DEEP, INTERNAL. */
  code: string;
  /** The parser's own (English) message, for the record; the linter localizes from `code`. */
  detail: string;
  range: Range;
  /** DUPLICATE_KEY: the key as written. */
  key?: string;
  /** DUPLICATE_KEY: the first occurrence of the key. */
  first?: Range;
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
  /** Read with `yaml` only (the reference path), never the fast path. For tests and benchmarks. */
  reference?: boolean;
}

/**
 * Limits of the fast path, below the reference path's guards so that a text it accepts is never
 * one they refuse: tokens (it counts at most what `yaml`'s lexer counts), nesting, entries.
 */
const FAST_LIMITS = { maxTokens: MAX_TOKENS / 2, maxDepth: 50, maxEntries: MAX_INDEX_ENTRIES / 2 };

/**
 * Whether a declaration was read into a tree, without building it: false for a text refused
 * before parsing (too large, binary…) or whose tree was dropped.
 */
export function hasTree(parsed: ParsedDeclaration): boolean {
  return parsed instanceof FastParsed ? parsed.hasTree : parsed.doc !== undefined;
}

export function pathKey(path: DataPath): string {
  return path.join('\u0000');
}

/**
 * Parses a declaration. Never throws: every failure becomes a problem with a range.
 * Texts in the subset declarations use are read on the fast path (`parse/fast.ts`), the rest
 * by `yaml`; both give the same result (`test/fuzz/parse-diff.test.ts`). On the fast path the
 * `yaml` tree (`doc`, `node`, `pair`) is built on first use.
 */
export function parseDeclaration(text: string, options: ParseOptions = {}): ParsedDeclaration {
  if (!options.reference && text.length <= (options.maxChars ?? DEFAULT_MAX_CHARS)) {
    const fast = fastParse(text, FAST_LIMITS);
    if (fast) return new FastParsed(text, new LineIndex(text), fast.value, fast, parseReference) as ParsedDeclaration;
  }
  return parseReference(text, options);
}

/** Parses a declaration with `yaml` only: the reference path. Never throws. */
export function parseReference(text: string, options: ParseOptions = {}): ParsedDeclaration {
  const lines = new LineIndex(text);
  const result: ParsedDeclaration = { text, lines, value: undefined, problems: [], index: new Map() };
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    // The first line only: indexing every line of a huge text costs memory for nothing.
    result.problems.push({ code: 'TOO_LARGE', detail: `${text.length} > ${maxChars}`, range: firstLineRange(text) });
    return result;
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    result.problems.push({ code: 'BINARY', detail: 'NUL byte', range: lines.range(nul, nul + 1) });
    return result;
  }
  const problems: { code: string; detail: string; start: number; end: number; key?: string; first?: [number, number] }[] = [];
  try {
    if (tooManyTokens(text, MAX_TOKENS)) {
      result.problems.push({ code: 'TOO_COMPLEX', detail: String(MAX_TOKENS), range: firstLineRange(text) });
      return result;
    }
    const tokens = Array.from(new Parser().parse(text));
    const deep = tooDeep(tokens, MAX_NESTING);
    if (deep !== undefined) {
      result.problems.push({ code: 'TOO_DEEP', detail: String(MAX_NESTING), range: lines.range(deep, deep + 1) });
      return result;
    }
    const doc = composeFirst(tokens, text.length);
    result.doc = doc;
    for (const e of doc.errors) {
      if (e.code === 'RESOURCE_EXHAUSTION') problems.push({ code: 'TOO_DEEP', detail: String(MAX_NESTING), start: e.pos[0], end: e.pos[1] });
      else problems.push({ code: e.code, detail: e.message, start: e.pos[0], end: e.pos[1] });
    }
    for (const d of duplicateKeys(doc.contents)) problems.push({ code: 'DUPLICATE_KEY', detail: 'Map keys must be unique', start: d.range[0], end: d.range[1], key: d.key, first: d.first });
    const exhausted = problems.some((p) => p.code === 'TOO_DEEP');
    try {
      // A tree the composer could not finish (stack exhausted) is not checked at all.
      if (!exhausted) result.value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const first = firstAlias(doc.contents);
      const detail = e instanceof Error ? e.message : String(e);
      const deep = e instanceof RangeError && /call stack/i.test(detail);
      const r = first?.range;
      problems.push({ code: deep ? 'TOO_DEEP' : 'ALIAS_LIMIT', detail: deep ? String(MAX_NESTING) : detail, start: r ? r[0] : 0, end: r ? r[1] : 0 });
      result.value = undefined;
    }
    try {
      indexPositions(result, doc);
    } catch {
      // A pathological tree (nesting too deep for the stack): keep what was indexed.
      problems.push({ code: 'TOO_DEEP', detail: String(MAX_NESTING), start: 0, end: 0 });
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const deep = /call stack/i.test(detail);
    problems.push({ code: deep ? 'TOO_DEEP' : 'INTERNAL', detail: deep ? String(MAX_NESTING) : detail, start: 0, end: 0 });
    result.value = undefined;
  }
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const p of problems.slice(0, MAX_SYNTAX_PROBLEMS)) {
    const problem: SyntaxProblem = { code: p.code, detail: p.detail, range: p.end > p.start || p.start > 0 ? lines.range(p.start, p.end) : lines.lineRange(0) };
    if (p.key !== undefined) problem.key = p.key;
    if (p.first) problem.first = lines.range(p.first[0], p.first[1]);
    result.problems.push(problem);
  }
  if (problems.length > MAX_SYNTAX_PROBLEMS) {
    const first = problems[MAX_SYNTAX_PROBLEMS];
    result.problems.push({ code: 'TOO_MANY_ERRORS', detail: String(problems.length - MAX_SYNTAX_PROBLEMS), range: lines.range(first.start, first.end) });
  }
  return result;
}

/** The range of the first line's content, without indexing the other lines. */
function firstLineRange(text: string): Range {
  let end = text.indexOf('\n');
  if (end === -1) end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return { start: { line: 0, character: 0 }, end: { line: 0, character: end } };
}

/**
 * Whether the text holds more than `max` YAML tokens (spaces, line breaks and comments aside).
 * The lexer streams (constant memory); a text shorter than `max` cannot hold more, and is not lexed twice.
 */
function tooManyTokens(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let n = 0;
  for (const tok of new Lexer().lex(text)) {
    const type = CST.tokenType(tok);
    if (type === null || type === 'space' || type === 'newline' || type === 'comment') continue;
    if (++n > max) return true;
  }
  return false;
}

/** Composes the first document of the CST, as `yaml`'s parseDocument does (a second one is an error). */
function composeFirst(tokens: CST.Token[], length: number): Document.Parsed {
  const composer = new Composer(YAML_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, length)) {
    if (!doc) {
      doc = d as Document.Parsed;
    } else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(…, forceDoc = true) always ends with a document.
  return doc as Document.Parsed;
}

/**
 * The offset where the CST nests deeper than `max` collections, if it does. Iterative: the CST
 * parser is not recursive, so this runs on any depth before anything that is.
 */
export function tooDeep(tokens: readonly CST.Token[], max: number): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length) {
    const [tok, depth] = stack.pop()!;
    if (!tok) continue;
    switch (tok.type) {
      case 'document':
        stack.push([tok.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > max) return tok.offset;
        for (const it of tok.items as { key?: CST.Token | null; value?: CST.Token | null }[]) {
          if (it.key) stack.push([it.key, depth + 1]);
          if (it.value) stack.push([it.value, depth + 1]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/**
 * Keys that repeat an earlier key of the same mapping (as `yaml` compares them: equal scalar
 * values; merge keys `<<` may repeat): the repeated key's whole range, its text and the range of
 * its first occurrence. One pass, one map per mapping.
 */
function duplicateKeys(root: unknown): { range: [number, number]; key: string; first?: [number, number] }[] {
  const out: { range: [number, number]; key: string; first?: [number, number] }[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<unknown, [number, number] | undefined>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const v = key.value;
          if (v !== '<<' && typeof v !== 'symbol') {
            const r: [number, number] | undefined = key.range ? [key.range[0], Math.max(key.range[0] + 1, key.range[1])] : undefined;
            if (seen.has(v) && r) out.push({ range: r, key: String(v), first: seen.get(v) });
            else seen.set(v, r);
          }
        } else if (key) {
          stack.push(key);
        }
        if (pair.value) stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (item) stack.push(item);
    }
  }
  return out;
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
  let table: Map<unknown, Node> | undefined;
  const targets = () => (table ??= aliasTargets(doc));
  // `key` is pathKey(path), built incrementally (a join per node showed in profiles).
  const child = (key: string, seg: string | number) => (key === '' ? String(seg) : key + '\u0000' + seg);
  const walk = (node: unknown, path: (string | number)[], key: string, depth: number, viaMerge: boolean): void => {
    if (depth > MAX_INDEX_DEPTH || budget <= 0) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (--budget <= 0) return;
        const name = isScalar(pair.key) ? pair.key.value : undefined;
        if ((name === '<<' || typeof name === 'symbol') && isMergeValue(pair.value)) {
          for (const src of mergeSources(pair.value, targets)) walk(src, path, key, depth + 1, true);
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

function mergeSources(value: unknown, targets: () => Map<unknown, Node>): unknown[] {
  const aliases = isAlias(value) ? [value] : isSeq(value) ? value.items : [];
  // Nothing is expanded: each alias is looked up in a table built once per document
  // (Alias#resolve visits the whole document each time: quadratic with many merges).
  return aliases.map((a) => targets().get(a)).filter((n) => n !== undefined);
}

/** For each alias, the node of the last anchor of that name before it (as Alias#resolve finds it). */
function aliasTargets(doc: Document.Parsed): Map<unknown, Node> {
  const out = new Map<unknown, Node>();
  const anchors = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  // Pre-order, in document order: a node, then its keys and values (as yaml's `visit`).
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) out.set(node, target);
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        stack.push(node.items[i].value);
        stack.push(node.items[i].key);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return out;
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
 * retained to about 27 KB. Hovers, fixes and completion need the full tree: use it only for
 * results nobody edits. `{ text: false, data: false }` also drops the text (and line index)
 * and the data, down to about 10 KB, for results read only for their diagnostics and verdicts.
 */
export function withoutTree(parsed: ParsedDeclaration, keep: { text?: boolean; data?: boolean } = {}): ParsedDeclaration {
  const index = new Map<string, PathInfo>();
  for (const [k, info] of parsed.index) {
    if (info.path.length <= 1) index.set(k, { path: info.path, keyRange: info.keyRange, valueRange: info.valueRange, collection: info.collection });
  }
  const text = keep.text === false ? '' : parsed.text;
  return {
    text,
    lines: keep.text === false ? new LineIndex('') : parsed.lines,
    value: keep.data === false ? undefined : parsed.value,
    problems: parsed.problems,
    index,
  };
}
