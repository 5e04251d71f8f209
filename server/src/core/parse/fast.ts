/**
 * The fast read path: a line-oriented parser of the subset of YAML that declarations use.
 *
 * It reads block mappings and sequences (compact `- key: value` items included), one-line plain,
 * single- and double-quoted scalars (no escapes), `|`, `|-`, `>`, `>-` block scalars and one-line
 * flow sequences of plain scalars, with comments and blank lines anywhere. On anything else —
 * anchors, aliases, tags, flow mappings, multi-line flow or plain scalars, escapes, tabs, `\r`,
 * several documents, duplicate or non-string keys, numbers it does not spell exactly as `yaml`,
 * any text `yaml` would report an error on — it gives up (`undefined`) and the caller falls back
 * to `yaml`, the reference.
 *
 * What it returns when it accepts a text must be exactly what the reference path gives: the same
 * data, the same key and value offsets (`yaml`'s rules: a scalar ends at its last character, a
 * collection at the end of the line of its last value), no problem. `test/fuzz/parse-diff.test.ts`
 * checks it against `yaml` on generated texts, the hostile inputs, every fixture and example.
 *
 * It never recurses and never throws on a string (the caller still catches); it keeps its own
 * limits (tokens, depth, entries) below the guards of the reference path, so that a text it
 * accepts is never one those guards refuse.
 */

/** One key or value position, in offsets (`ks` is -1 when there is no key: items, the root). */
export interface FastEntry {
  key: string;
  path: (string | number)[];
  ks: number;
  ke: number;
  vs: number;
  ve: number;
  collection: boolean;
}

export interface FastResult {
  value: unknown;
  entries: FastEntry[];
}

export interface FastLimits {
  /** Most scalars and indicators read (counted as the `yaml` lexer counts tokens). */
  maxTokens: number;
  /** Deepest nesting of collections. */
  maxDepth: number;
  /** Most entries (keys and items). */
  maxEntries: number;
}

/** Thrown internally to give up; never escapes `fastParse`. */
class GiveUp {}
const GIVE_UP = new GiveUp();

interface Frame {
  /** 0: block mapping; 1: block sequence. */
  kind: 0 | 1;
  indent: number;
  obj: Record<string, unknown> | unknown[];
  path: (string | number)[];
  key: string;
  entry: FastEntry;
  keys?: Set<string>;
  depth: number;
  /** A sequence written at the same column as its parent key (`a:\n- x`). */
  flush: boolean;
}

/** A key (or item) whose value is not known yet: null, or a block collection on the next lines. */
interface Pending {
  frame: Frame;
  entry: FastEntry;
  name: string | number;
  /** Where `yaml` puts an empty value: the end of the line, after its spaces. */
  empty: number;
  /** A comment follows on the same line (`key: # …`): fine before a collection, not for a null. */
  comment: boolean;
  /** An item (`-` alone): only a null is read here, never a collection under it. */
  item: boolean;
  /** Comment lines follow it. */
  commentLines: boolean;
}

const NUMERIC = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const SIMPLE_INT = /^(?:0|[1-9][0-9]{0,14})$/;
const SIMPLE_FLOAT = /^(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const SPECIAL_WORDS = new Set(['~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Characters that make the fast path give up anywhere: tabs, `\r`, control characters, a BOM. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const REFUSED_CHARS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufeff\u2028\u2029\ufffe\uffff]/;

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

/** The data of a plain scalar, as `yaml`'s core schema reads it; gives up on what it does not spell. */
function plainValue(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
    if (SIMPLE_INT.test(s)) return Number(s);
    if (SIMPLE_FLOAT.test(s)) return parseFloat(s);
    if (NUMERIC.test(s)) throw GIVE_UP;
    return s;
  }
  if (SPECIAL_WORDS.has(s)) {
    if (s === 'true' || s === 'True' || s === 'TRUE') return true;
    if (s === 'false' || s === 'False' || s === 'FALSE') return false;
    return null;
  }
  return s;
}

/**
 * Reads `text` on the fast path; `undefined` when it is not in the subset (the caller falls back
 * to `yaml`). Never throws.
 */
export function fastParse(text: string, limits: FastLimits): FastResult | undefined {
  try {
    return run(text, limits);
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    return undefined;
  }
}

function run(text: string, limits: FastLimits): FastResult {
  if (REFUSED_CHARS.test(text)) throw GIVE_UP;
  const len = text.length;
  const entries: FastEntry[] = [];
  let tokens = 0;
  const root: Record<string, unknown> = {};
  const rootEntry: FastEntry = { key: '', path: [], ks: -1, ke: -1, vs: -1, ve: -1, collection: true };
  entries.push(rootEntry);
  const stack: Frame[] = [];
  let pending: Pending | undefined;
  /** Node end of the last value read: where its line ends (after the line break). */
  let lastEnd = 0;
  /** The last value is a null that comment lines follow: `yaml` stretches its end over them. */
  let lastNullCommented = false;
  /** Indentation of the comment lines since the last content line. */
  const comments: number[] = [];

  const addEntry = (e: FastEntry) => {
    if (entries.length >= limits.maxEntries) throw GIVE_UP;
    entries.push(e);
  };
  const count = (n: number) => {
    tokens += n;
    if (tokens > limits.maxTokens) throw GIVE_UP;
  };
  const close = (f: Frame) => {
    if (lastNullCommented) throw GIVE_UP;
    f.entry.ve = lastEnd;
  };
  /** A pending key that turned out to have no value: null at the end of its line. */
  const settleNull = (p: Pending) => {
    if (p.comment) throw GIVE_UP;
    setIn(p.frame, p.name, null);
    p.entry.vs = p.entry.ve = p.empty;
    lastEnd = p.empty;
    lastNullCommented = p.commentLines;
  };
  const setIn = (f: Frame, name: string | number, v: unknown) => {
    if (f.kind === 0) (f.obj as Record<string, unknown>)[name as string] = v;
    else (f.obj as unknown[]).push(v);
  };
  const child = (f: Frame, seg: string | number) => (f.key === '' ? String(seg) : f.key + '\u0000' + seg);
  const open = (kind: 0 | 1, indent: number, obj: Frame['obj'], entry: FastEntry, parent: Frame | undefined, flush: boolean) => {
    const depth = parent ? parent.depth + 1 : 0;
    if (depth > limits.maxDepth) throw GIVE_UP;
    const f: Frame = { kind, indent, obj, path: entry.path, key: entry.key, entry, keys: kind === 0 ? new Set() : undefined, depth, flush };
    stack.push(f);
    return f;
  };

  let ls = 0;
  while (ls < len) {
    let nl = text.indexOf('\n', ls);
    if (nl === -1) nl = len;
    const le = nl;
    const next = nl < len ? nl + 1 : len;
    let p = ls;
    while (p < le && text.charCodeAt(p) === 32) p++;
    if (p === le) {
      ls = next;
      continue;
    }
    const c0 = text.charCodeAt(p);
    if (c0 === 35) {
      // A comment line. Where `yaml` attaches it (to the value before, the collection it ends,
      // the next key) can move the end of a collection: see the checks where collections close.
      if (pending) pending.commentLines = true;
      comments.push(p - ls);
      ls = next;
      continue;
    }
    const indent = p - ls;
    if (indent === 0 && (c0 === 45 || c0 === 46 || c0 === 37) && /^(?:---|\.\.\.)(?:[ \n]|$)|^%/.test(text.slice(p, p + 4))) throw GIVE_UP;
    const dash = c0 === 45 && (p + 1 === le || text.charCodeAt(p + 1) === 32);

    if (stack.length === 0) {
      // The first content line: the root mapping, at column 0.
      if (indent !== 0 || dash) throw GIVE_UP;
      rootEntry.vs = p;
      open(0, 0, root, rootEntry, undefined, false);
    } else if (pending) {
      const pf = pending.frame;
      const nested = indent > pf.indent || (indent === pf.indent && dash && pf.kind === 0);
      if (nested) {
        if (pending.item) throw GIVE_UP;
        const kind: 0 | 1 = dash ? 1 : 0;
        const obj = kind === 0 ? {} : [];
        setIn(pf, pending.name, obj);
        pending.entry.vs = p;
        pending.entry.collection = true;
        open(kind, indent, obj, pending.entry, pf, indent === pf.indent);
        pending = undefined;
        lastNullCommented = false;
      } else {
        settleNull(pending);
        pending = undefined;
      }
    }

    // Close what this line ends. Comment lines just before stay out of every range only when
    // they are no deeper than this line and no sequence written flush with its key closes.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top.indent > indent || (top.flush && top.indent === indent && !dash)) {
        if (comments.length && (top.flush || comments.some((c) => c > indent))) throw GIVE_UP;
        close(top);
        stack.pop();
        if (stack.length === 0) throw GIVE_UP;
        continue;
      }
      break;
    }
    // A comment line shallower than the collection it sits inside (a `# …` at column 0 between
    // two items of an indented list) moves where `yaml` ends the values around it: give up.
    if (comments.some((c) => c < indent)) throw GIVE_UP;
    comments.length = 0;
    let top = stack[stack.length - 1];
    if (top.indent !== indent) throw GIVE_UP;
    lastNullCommented = false;

    let q = p;
    if (top.kind === 1) {
      if (!dash) throw GIVE_UP;
      const arr = top.obj as unknown[];
      const idx = arr.length;
      count(1);
      q = p + 1;
      while (q < le && text.charCodeAt(q) === 32) q++;
      const entry: FastEntry = { key: child(top, idx), path: [...top.path, idx], ks: -1, ke: -1, vs: q, ve: q, collection: false };
      addEntry(entry);
      if (q === le) {
        pending = { frame: top, entry, name: idx, empty: le, comment: false, item: true, commentLines: false };
        ls = next;
        continue;
      }
      const cq = text.charCodeAt(q);
      if (cq === 35) throw GIVE_UP;
      const colon = keyColon(text, q, le);
      if (colon < 0) {
        ls = value(top, idx, entry, q, le, next);
        continue;
      }
      // A compact mapping in the item: `- key: value`.
      const obj: Record<string, unknown> = {};
      arr.push(obj);
      entry.collection = true;
      top = open(0, q - ls, obj, entry, top, false);
    } else if (dash) {
      throw GIVE_UP;
    }

    // A key of the mapping `top`, at `q`.
    const colon = keyColon(text, q, le);
    if (colon < 0) throw GIVE_UP;
    const name = text.slice(q, colon);
    if (SPECIAL_WORDS.has(name) || name === '__proto__' || colon - q > 1000) throw GIVE_UP;
    if (top.keys!.has(name)) throw GIVE_UP;
    top.keys!.add(name);
    count(2);
    const entry: FastEntry = { key: child(top, name), path: [...top.path, name], ks: q, ke: colon, vs: -1, ve: -1, collection: false };
    addEntry(entry);
    let v = colon + 1;
    while (v < le && text.charCodeAt(v) === 32) v++;
    if (v === le || text.charCodeAt(v) === 35) {
      pending = { frame: top, entry, name, empty: le, comment: v < le, item: false, commentLines: false };
      ls = next;
      continue;
    }
    ls = value(top, name, entry, v, le, next);
  }
  if (stack.length === 0) throw GIVE_UP;
  // Comment lines at the end: `yaml` gives the indented ones to the last value or collection.
  if (comments.some((c) => c > 0)) throw GIVE_UP;
  if (pending) {
    settleNull(pending);
    pending = undefined;
  }
  while (stack.length) close(stack.pop()!);
  return { value: root, entries };

  /** Reads the value that starts at `v` on the line ending at `le`; returns where to continue. */
  function value(f: Frame, name: string | number, entry: FastEntry, v: number, le: number, next: number): number {
    const c = text.charCodeAt(v);
    entry.vs = v;
    if (c === 34 || c === 39) {
      // A quoted scalar on one line, no escapes.
      let e = v + 1;
      let s: string;
      if (c === 34) {
        e = indexIn(text, 34, v + 1, le);
        if (e < 0) throw GIVE_UP;
        s = text.slice(v + 1, e);
        if (s.indexOf('\\') !== -1) throw GIVE_UP;
      } else {
        let out = '';
        let from = v + 1;
        for (;;) {
          e = indexIn(text, 39, from, le);
          if (e < 0) throw GIVE_UP;
          if (text.charCodeAt(e + 1) === 39) {
            out += text.slice(from, e + 1);
            from = e + 2;
            continue;
          }
          out += text.slice(from, e);
          break;
        }
        s = out;
      }
      count(1);
      tail(e + 1, le);
      setIn(f, name, s);
      entry.ve = e + 1;
      lastEnd = next;
      return next;
    }
    if (c === 91) {
      // A one-line flow sequence of plain scalars.
      const close = indexIn(text, 93, v + 1, le);
      if (close < 0) throw GIVE_UP;
      const inner = text.slice(v + 1, close);
      if (/[[\]{}"'#&*!|>%@`?:]/.test(inner)) throw GIVE_UP;
      tail(close + 1, le);
      const arr: unknown[] = [];
      setIn(f, name, arr);
      entry.ve = close + 1;
      entry.collection = true;
      count(2);
      if (f.depth + 1 > limits.maxDepth) throw GIVE_UP;
      if (inner.trim() !== '') {
        let from = v + 1;
        for (;;) {
          let comma = indexIn(text, 44, from, close);
          if (comma < 0) comma = close;
          let s = from;
          while (s < comma && text.charCodeAt(s) === 32) s++;
          let e = comma;
          while (e > s && text.charCodeAt(e - 1) === 32) e--;
          if (e === s) throw GIVE_UP;
          const raw = text.slice(s, e);
          const first = raw.charCodeAt(0);
          if ((first === 45 || first === 58) && (raw.length === 1 || raw.charCodeAt(1) === 32)) throw GIVE_UP;
          const idx = arr.length;
          arr.push(plainValue(raw));
          count(2);
          addEntry({ key: entry.key + '\u0000' + idx, path: [...entry.path, idx], ks: -1, ke: -1, vs: s, ve: e, collection: false });
          if (comma === close) break;
          from = comma + 1;
        }
      }
      lastEnd = next;
      return next;
    }
    if (c === 124 || c === 62) return block(f, name, entry, v, le, next);
    if (c === 123 || c === 38 || c === 42 || c === 33 || c === 37 || c === 64 || c === 96 || c === 44 || c === 93 || c === 125) throw GIVE_UP;
    if ((c === 45 || c === 63 || c === 58) && (v + 1 === le || text.charCodeAt(v + 1) === 32)) throw GIVE_UP;
    // A plain scalar: up to a comment (` #`) or the end of the line.
    let e = le;
    for (let k = v + 1; k < le; k++) {
      const ch = text.charCodeAt(k);
      if (ch === 35 && text.charCodeAt(k - 1) === 32) {
        e = k;
        break;
      }
      if (ch === 58 && (k + 1 === le || text.charCodeAt(k + 1) === 32)) throw GIVE_UP;
    }
    while (e > v && text.charCodeAt(e - 1) === 32) e--;
    const raw = text.slice(v, e);
    count(1);
    setIn(f, name, plainValue(raw));
    entry.ve = e;
    lastEnd = next;
    return next;
  }

  /** After a quoted scalar or a flow sequence: only spaces, then maybe a comment. */
  function tail(from: number, le: number): void {
    let k = from;
    while (k < le && text.charCodeAt(k) === 32) k++;
    if (k === le) return;
    if (text.charCodeAt(k) === 35 && k > from) return;
    throw GIVE_UP;
  }

  /** A block scalar whose header (`|`, `|-`, `>`, `>-`) is at `v`. */
  function block(f: Frame, name: string | number, entry: FastEntry, v: number, le: number, next: number): number {
    const folded = text.charCodeAt(v) === 62;
    let h = v + 1;
    const strip = text.charCodeAt(h) === 45;
    if (strip) h++;
    while (h < le && text.charCodeAt(h) === 32) h++;
    if (h !== le) throw GIVE_UP;
    const parent = f.indent;
    let m = -1;
    const parts: string[] = [];
    /** Blank lines met since the last content line. */
    let blanks = 0;
    let end = -1;
    let ls = next;
    while (ls < len) {
      let nl = text.indexOf('\n', ls);
      if (nl === -1) nl = len;
      let p = ls;
      while (p < nl && text.charCodeAt(p) === 32) p++;
      if (p === nl) {
        // A blank line: before the first content line, or with more spaces than the content's indentation, give up.
        if (m < 0 || p - ls > m) throw GIVE_UP;
        blanks++;
        ls = nl < len ? nl + 1 : len;
        continue;
      }
      const ind = p - ls;
      if (m < 0) {
        if (ind <= parent) break;
        m = ind;
      } else if (ind < m) {
        break;
      }
      if (folded && ind > m) throw GIVE_UP;
      if (parts.length) {
        if (folded) parts.push(blanks ? '\n'.repeat(blanks) : ' ');
        else parts.push('\n'.repeat(blanks + 1));
      }
      parts.push(text.slice(ls + m, nl));
      blanks = 0;
      end = nl < len ? nl + 1 : len;
      ls = end;
    }
    if (m < 0) throw GIVE_UP;
    count(2);
    let s = parts.join('');
    if (!strip) s += '\n';
    setIn(f, name, s);
    entry.ve = end;
    lastEnd = end;
    return end;
  }
}

/**
 * The offset of the `:` that ends a plain key starting at `q` (letters, digits, `_`, `-`, `.`,
 * starting with a letter or `_`), followed by a space or the end of the line; -1 otherwise.
 */
function keyColon(text: string, q: number, le: number): number {
  if (!isKeyStart(text.charCodeAt(q))) return -1;
  let k = q + 1;
  while (k < le && isKeyChar(text.charCodeAt(k))) k++;
  if (k < le && text.charCodeAt(k) === 58 && (k + 1 === le || text.charCodeAt(k + 1) === 32)) return k;
  return -1;
}

/** The offset of the character `c` in `text` between `from` and `to` (excluded); -1 if none. */
function indexIn(text: string, c: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === c) return k;
  return -1;
}
