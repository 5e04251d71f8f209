import { isAlias, isMap, isScalar, isSeq, parseDocument, Document, Pair, type Scalar, YAMLMap, type Node } from 'yaml';
import { cadreId, findEngagement, sectionOrder, type Catalogue } from './catalogue';
import { t } from './i18n';
import { getIn, parseDeclaration, type ParsedDeclaration } from './parse';
import { isPathPrefix } from './locate';
import { LineIndex } from './positions';
import { derogationFragment, loadTemplates, PLACEHOLDER, renderDeclaration, sectionFragment, type Templates } from './templates';
import { isFixKind, type FixKind } from './rules/api';
import type { DataPath, Diagnostic, FixRef, Locale, Range } from './types';

/**
 * The fix engine: turns a diagnostic's `FixRef` into text edits. Pure (no `vscode`, no LSP
 * import); the LSP layer turns the edits into code actions.
 *
 * Every fix is planned on the text (so comments, quotes, blank lines and line endings the user
 * wrote stay as they are), then checked before it is offered: the edited text must parse with
 * no new syntax problem, and every value the user wrote must read back the same, except the
 * ones the fix is meant to change. A fix that fails that check is not offered (`undefined`).
 */

export { renderDeclaration };

/** A text edit, LSP-shaped: 0-based lines, UTF-16 characters, `range` in the original text. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface FixContext {
  locale: Locale;
  catalogue: Catalogue;
  /** Templates to use instead of the bundled `schemas/templates.yaml` (tests). */
  templates?: Templates;
}

const TITLES = {
  derogation: { fr: 'Déclarer une dérogation pour {id}', en: 'Declare a derogation for {id}' },
};

// ---------------------------------------------------------------------------------------------
// Applying edits

/**
 * Applies LSP-shaped edits (ranges in `text`) and returns the new text. Edits may come in any
 * order; edits at the same position apply in array order. Throws on overlapping edits.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offs = edits.map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText, i }));
  return applyOffsetEdits(text, offs);
}

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].start < sorted[k - 1].end) throw new Error('applyEdits: overlapping edits');
  }
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.text;
    pos = Math.max(pos, e.end);
  }
  return out + text.slice(pos);
}

/**
 * Whether two edits touch the same text. Two insertions at one point count as overlapping (their
 * order would be arbitrary); an insertion where a replacement starts or ends does not.
 */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start === b.end && a.start === b.start);
}

// ---------------------------------------------------------------------------------------------
// Public entry points

/** A fix reference that declares a derogation for an engagement; undefined when the catalogue forbids one (E02). */
export function derogationFix(engagementId: string, locale: Locale, catalogue: Catalogue): FixRef | undefined {
  const e = findEngagement(catalogue, engagementId);
  if (!e?.derogable) return undefined;
  return { kind: 'declare-derogation', args: { engagement: engagementId }, title: t(TITLES.derogation, locale, { id: engagementId }), preferred: false };
}

/**
 * The edits of one fix, or `undefined` when it cannot be applied safely: the target is not in
 * the text as written (absent, reached through an alias or a merge key `<<`), the key or the
 * entry already exists, the parent is not a mapping, the text is not parsed, or the edited
 * text would not read back with the user's values intact. Never throws.
 */
export function computeFixEdits(parsed: ParsedDeclaration, fix: FixRef, ctx: FixContext): TextEdit[] | undefined {
  try {
    const work = workOf(parsed, ctx);
    if (!work) return undefined;
    const plan = planFix(work, fix);
    if (!plan?.edits.length) return undefined;
    if (!verify(parsed, [plan])) return undefined;
    return toTextEdits(parsed, plan.edits);
  } catch {
    return undefined;
  }
}

/**
 * The edits of every `preferred` fix of the diagnostics, for `source.fixAll`: each distinct fix
 * once, in diagnostic order, skipping a fix whose edits overlap an earlier one's or whose
 * addition would break the checks above. Never throws.
 */
export function fixAllEdits(parsed: ParsedDeclaration, diagnostics: readonly Diagnostic[], ctx: FixContext): TextEdit[] {
  try {
    const work = workOf(parsed, ctx);
    if (!work) return [];
    const candidates: Plan[] = [];
    const seen = new Set<string>();
    for (const d of diagnostics) {
      for (const fix of d.fixes ?? []) {
        if (!fix.preferred) continue;
        const id = `${fix.kind}|${JSON.stringify(fix.args)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        let plan: Plan | undefined;
        try {
          plan = planFix(work, fix);
        } catch {
          plan = undefined;
        }
        if (!plan?.edits.length) continue;
        const clash = plan.edits.some((e) => candidates.some((p) => p.edits.some((a) => overlaps(a, e))));
        if (!clash) candidates.push(plan);
      }
    }
    // One check for all of them (one parse); only when it fails, fixes are added one by one.
    let accepted: Plan[] = candidates;
    if (!verify(parsed, candidates)) {
      accepted = [];
      for (const plan of candidates) if (verify(parsed, [...accepted, plan])) accepted.push(plan);
    }
    const edits = accepted.flatMap((p) => p.edits).sort((a, b) => a.start - b.start || a.end - b.end);
    return toTextEdits(parsed, edits);
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Planning

interface Plan {
  edits: OffsetEdit[];
  /** Paths whose value the fix replaces (their old values need not read back). */
  changed: DataPath[];
  /** Keys the fix renames: the old subtree must read back under the new path. */
  renamed: { from: DataPath; to: DataPath }[];
  /** Values the fix writes: they must read back as given. */
  expect?: { path: DataPath; value: unknown }[];
  /** Keys the fix adds: they must read back (in a text the parser recovers from, an insertion may land inside a broken entry). */
  present?: DataPath[];
}

interface Layout {
  eol: string;
  /** Indentation unit of the document (spaces). */
  unit: number;
  /** Whether block sequences under a key are indented (`key:\n  - a`) or not (`key:\n- a`). */
  indentSeq: boolean;
  /** Whether top-level sections are separated by a blank line. */
  blankBetween: boolean;
}

interface Work {
  parsed: ParsedDeclaration;
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  data: unknown;
  layout: Layout;
  ctx: FixContext;
  templates: () => Templates;
}

function workOf(parsed: ParsedDeclaration, ctx: FixContext): Work | undefined {
  // Without a tree or readable data there is nothing to place edits against, nor to verify them with.
  if (!parsed.doc || parsed.value === undefined) return undefined;
  let templates = ctx.templates;
  return {
    parsed,
    text: parsed.text,
    lines: parsed.lines,
    doc: parsed.doc,
    data: parsed.value,
    layout: layoutOf(parsed.text, parsed.doc, parsed.lines),
    ctx,
    templates: () => (templates ??= loadTemplates()),
  };
}

function planFix(w: Work, fix: FixRef): Plan | undefined {
  const plan = planFixEdits(w, fix);
  if (!plan) return plan;
  const args = fix.args ?? {};
  // What the fix is for must hold afterwards, not only what it must keep.
  if (fix.kind === 'insert-section' && typeof args.section === 'string') plan.present = [[args.section]];
  if (fix.kind === 'insert-field' && asPath(args.path) && typeof args.key === 'string') plan.present = [[...asPath(args.path)!, args.key]];
  if (fix.kind === 'declare-derogation' && typeof args.engagement === 'string') plan.expect = [...(plan.expect ?? []), { path: ['engagements', args.engagement, 'statut'], value: 'derogation' }];
  return plan;
}

function planFixEdits(w: Work, fix: FixRef): Plan | undefined {
  const args = fix.args ?? {};
  // A kind from outside (an editor sends the fix back) that the engine does not know: no fix.
  if (!isFixKind(fix.kind)) return undefined;
  const kind: FixKind = fix.kind;
  switch (kind) {
    case 'insert-section': {
      const section = args.section;
      if (typeof section !== 'string') return undefined;
      const fragment = sectionFragment(section, w.templates());
      if (!fragment) return undefined;
      return insertTopLevel(w, section, fragment);
    }
    case 'insert-field': {
      const path = asPath(args.path);
      const key = args.key;
      if (!path || typeof key !== 'string' || key === '') return undefined;
      return insertChild(w, path, key, fieldFragment(w, path, key));
    }
    case 'declare-derogation': {
      const id = args.engagement;
      if (typeof id !== 'string') return undefined;
      // Only an engagement of the file's framework (its catalogue says which ids exist).
      const engagement = findEngagement(w.ctx.catalogue, id);
      // A derogation on a non-derogable engagement (E02) is itself an error: never offer to write one.
      if (!engagement?.derogable) return undefined;
      const fragment = derogationFragment(id, w.templates());
      if (!hasKey(w.data, ['engagements'])) {
        const unit = detectUnitOfText(fragment);
        return insertTopLevel(w, 'engagements', `engagements:\n${indentLines(fragment, ' '.repeat(unit))}`);
      }
      return insertChild(w, ['engagements'], id, fragment, { sorted: true });
    }
    case 'replace-key':
      return replaceKey(w, asPath(args.path), args.to);
    case 'replace-value':
      return replaceValue(w, asPath(args.path), args.to);
    case 'set-value':
      return replaceValue(w, asPath(args.path), args.value, typeof args.comment === 'string' ? args.comment : undefined);
    case 'insert-skeleton': {
      // An empty or comments-only file: the new-declaration template after what is there.
      const root = w.doc.contents;
      const empty = root === null || (isScalar(root) && root.value === null && !w.text.slice(root.range?.[0] ?? 0, root.range?.[1] ?? 0).trim());
      if (!empty || w.data !== null) return undefined;
      const skeleton = renderDeclaration({ nom: 'A COMPLETER', direction: 'A COMPLETER' }, w.templates()).text;
      const at = w.text.length;
      // After what is there; a file that did not end with a line break still does not.
      const open = at > 0 && !w.text.endsWith('\n');
      const body = open ? '\n' + skeleton.replace(/\n+$/, '') : skeleton;
      return { edits: [{ start: at, end: at, text: withEol(w, body) }], changed: [[]], renamed: [], present: [['projet']] };
    }
    default: {
      // Exhaustive: a new FixKind that is not handled here does not compile.
      const unhandled: never = kind;
      return unhandled;
    }
  }
}

function asPath(v: unknown): DataPath | undefined {
  if (!Array.isArray(v)) return undefined;
  if (!v.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0))) return undefined;
  return v as DataPath;
}

function hasKey(data: unknown, path: DataPath): boolean {
  if (path.length === 0) return true;
  const parent = getIn(data, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path[path.length - 1]);
}

// ---------------------------------------------------------------------------------------------
// Layout detection

function layoutOf(text: string, doc: Document.Parsed, lines: LineIndex): Layout {
  const nl = text.indexOf('\n');
  const eol = nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
  const { unit, indentSeq } = detectIndent(doc.contents, lines);
  return { eol, unit, indentSeq, blankBetween: detectBlankBetween(doc.contents, lines) };
}

function col(lines: LineIndex, offset: number): number {
  return lines.positionAt(offset).character;
}

/** Whether only spaces stand before `offset` on its line. */
function atLineStart(lines: LineIndex, offset: number): boolean {
  const p = lines.positionAt(offset);
  return /^ *$/.test(lines.lineText(p.line).slice(0, p.character));
}

function mode(values: number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = fallback;
  let bestN = 0;
  for (const [v, n] of counts) if (n > bestN || (n === bestN && v < best)) [best, bestN] = [v, n];
  return best;
}

/** The most common step between a block key and its block children, and the sequence style. */
function detectIndent(root: unknown, lines: LineIndex): { unit: number; indentSeq: boolean } {
  const steps: number[] = [];
  let seqIndented = 0;
  let seqFlush = 0;
  let budget = 5000;
  const walk = (node: unknown, depth: number) => {
    if (depth > 32 || --budget < 0) return;
    if (isMap(node) && !node.flow) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!isScalar(key) || !key.range) continue;
        const kc = col(lines, key.range[0]);
        if (isMap(value) && !value.flow && value.items.length) {
          const first = value.items[0].key as Node | null;
          if (isScalar(first) && first.range && atLineStart(lines, first.range[0])) {
            const step = col(lines, first.range[0]) - kc;
            if (step > 0 && step <= 8) steps.push(step);
          }
        } else if (isSeq(value) && !value.flow && value.range) {
          const sc = col(lines, value.range[0]);
          if (sc > kc) seqIndented++;
          else if (sc === kc) seqFlush++;
        }
        walk(value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1);
    }
  };
  walk(root, 0);
  return { unit: mode(steps, 2), indentSeq: seqFlush <= seqIndented };
}

function detectUnitOfText(text: string): number {
  const doc = parseDocument(text, { keepSourceTokens: true });
  return detectIndent(doc.contents, new LineIndex(text)).unit;
}

/** Whether top-level sections are mostly separated by a blank line (header comments skipped). */
function detectBlankBetween(root: unknown, lines: LineIndex): boolean {
  if (!isMap(root) || root.flow) return false;
  let blank = 0;
  let tight = 0;
  for (const pair of root.items.slice(1)) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    let l = lines.positionAt(key.range[0]).line - 1;
    while (l >= 0 && /^#/.test(lines.lineText(l))) l--;
    if (l < 0) continue;
    if (lines.lineText(l).trim() === '') blank++;
    else tight++;
  }
  return blank > tight;
}

// ---------------------------------------------------------------------------------------------
// Fragments (templates placed in the document)

/** Prefixes every non-blank line (`\n`-separated text) with `prefix`. */
function indentLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : prefix + l))
    .join('\n');
}

/**
 * Re-indents a fragment (key at column 0) to the document's unit and sequence style, line by
 * line, so that its comments, quotes and blank lines stay as written. Each block level is
 * mapped to a new column: a mapping's children one unit in, a list under a key one unit in or
 * flush (as the document writes its lists), the lines of a list item's mapping aligned after
 * its dash; lines inside a multi-line scalar or flow collection move with the line that opens
 * it. If the result would not read back as the same data, the fragment is kept as written (YAML
 * accepts any consistent indentation inside a block, so it stays valid either way).
 */
function fitFragment(fragment: string, layout: Layout): string {
  const doc = parseDocument(fragment, { keepSourceTokens: true });
  if (doc.errors.length) return fragment;
  const lines = fragment.split('\n');
  const index = new LineIndex(fragment);
  const inner = continuationLines(doc.contents, index);
  const stack: { old: number; now: number; dash: boolean }[] = [{ old: 0, now: 0, dash: false }];
  let delta = 0;
  const out = lines.map((line, n) => {
    if (line.trim() === '') return '';
    const old = line.length - line.trimStart().length;
    if (inner.has(n)) return ' '.repeat(Math.max(0, old + delta)) + line.trimStart();
    while (stack.length > 1 && stack[stack.length - 1].old > old) stack.pop();
    const top = stack[stack.length - 1];
    const dash = /^-( |$)/.test(line.trimStart());
    let now: number;
    if (old === top.old) {
      now = top.now;
    } else if (top.dash && old > top.old) {
      now = top.now + (old - top.old); // a list item's mapping: aligned after its dash
      stack.push({ old, now, dash });
    } else {
      now = top.now + (dash && !layout.indentSeq ? 0 : layout.unit);
      stack.push({ old, now, dash });
    }
    delta = now - old;
    return ' '.repeat(now) + line.trimStart();
  });
  const rendered = out.join('\n');
  const back = parseDocument(rendered);
  if (back.errors.length || !sameData(back.toJS(), doc.toJS())) return fragment;
  return rendered;
}

/** Lines (0-based) that continue a scalar or a flow collection opened on an earlier line. */
function continuationLines(root: unknown, lines: LineIndex): Set<number> {
  const out = new Set<number>();
  const mark = (node: Node | null | undefined) => {
    if (!node?.range) return;
    const first = lines.positionAt(node.range[0]).line;
    let end = node.range[1];
    while (end > node.range[0] && (lines.text[end - 1] === '\n' || lines.text[end - 1] === '\r')) end--;
    const last = lines.positionAt(end).line;
    for (let l = first + 1; l <= last; l++) out.add(l);
  };
  const walk = (node: unknown, depth: number) => {
    if (depth > 64) return;
    if (isScalar(node)) mark(node);
    else if ((isMap(node) || isSeq(node)) && node.flow) mark(node);
    else if (isMap(node)) for (const p of node.items) walk(p.value, depth + 1);
    else if (isSeq(node)) for (const i of node.items) walk(i, depth + 1);
  };
  walk(root, 0);
  return out;
}

/** `key: value` for a missing field, taken from the section template when it has that field. */
function fieldFragment(w: Work, parentPath: DataPath, key: string): string {
  if (parentPath.length === 0) {
    const section = sectionFragment(key, w.templates());
    if (section) return section;
    if (key === 'cadre') return `cadre: ${cadreId(w.ctx.catalogue)}\n`;
    return `${key}: "${PLACEHOLDER}"\n`;
  }
  const sources = [sectionFragment(String(parentPath[0]), w.templates()), w.templates().declaration];
  for (const src of sources) {
    if (!src) continue;
    const found = pairFragment(src, [...parentPath, key]);
    if (found) return found;
  }
  return `${plainKey(key)}: "${PLACEHOLDER}"\n`;
}

/** The text of the pair at `path` in a template (sequence indices read the first item), key at column 0. */
function pairFragment(source: string, path: DataPath): string | undefined {
  const text = source.replace(/\r\n?/g, '\n');
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length) return undefined;
  let cur: unknown = doc.contents;
  let pair: Pair | undefined;
  let parentFlow = false;
  for (const seg of path) {
    if (typeof seg === 'number') {
      // Any item of a list takes the template's first item as its model.
      if (!isSeq(cur)) return undefined;
      cur = cur.items[0];
      continue;
    }
    if (!isMap(cur)) return undefined;
    const p = cur.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
    if (!p) return undefined;
    parentFlow = !!cur.flow;
    pair = p as Pair;
    cur = p.value;
  }
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const lines = new LineIndex(text);
  const keyStart = pair.key.range[0];
  const value = pair.value as Node | null;
  if (!parentFlow && atLineStart(lines, keyStart)) {
    let end = value?.range ? value.range[1] : pair.key.range[1];
    while (end > keyStart && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const startLine = lines.positionAt(keyStart).line;
    const endLine = lines.positionAt(end).line;
    const c = col(lines, keyStart);
    const out: string[] = [];
    for (let l = startLine; l <= endLine; l++) {
      const lt = lines.lineText(l);
      out.push(lt.slice(0, c).trim() === '' ? lt.slice(c) : lt.trimStart());
    }
    return out.join('\n') + '\n';
  }
  // A pair inside a flow mapping or a compact sequence item: render it on its own.
  const d = new Document(new YAMLMap());
  (d.contents as YAMLMap).items.push(new Pair(pair.key, value));
  return d.toString({ lineWidth: 0 });
}

/** The fragment's pair in flow style (`key: value`), for insertion into a flow mapping. */
function flowPair(fragment: string): string | undefined {
  const doc = parseDocument(fragment, { keepSourceTokens: true });
  const root = doc.contents;
  if (doc.errors.length || !isMap(root) || root.items.length !== 1) return undefined;
  const pair = root.items[0];
  if (!isScalar(pair.key)) return undefined;
  const key = fragment.slice(pair.key.range![0], pair.key.range![1]);
  const value = pair.value as Node | null;
  if (isScalar(value) && value.range && value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED') {
    const v = fragment.slice(value.range[0], value.range[1]);
    return `${key}: ${v}`;
  }
  const d = new Document(value);
  const rendered = d.toString({ collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: true }).trim();
  if (rendered.includes('\n')) return undefined;
  return `${key}: ${rendered}`;
}

// ---------------------------------------------------------------------------------------------
// Locating text

interface Located {
  node: unknown;
  pair?: Pair;
}

/**
 * The node at `path` following only what is written in the text: mapping keys and sequence
 * items, never an alias or a merge key (editing through those would edit the anchor's other uses).
 */
function locate(doc: Document.Parsed, path: DataPath): Located | undefined {
  let cur: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (isMap(cur) && typeof seg === 'string') {
      const p = cur.items.find((it) => isScalar(it.key) && typeof it.key.value !== 'object' && String(it.key.value) === seg);
      if (!p) return undefined;
      pair = p as Pair;
      cur = p.value;
    } else if (isSeq(cur) && typeof seg === 'number') {
      if (seg >= cur.items.length) return undefined;
      pair = undefined;
      cur = cur.items[seg];
    } else {
      return undefined;
    }
  }
  return { node: cur, pair };
}

/** End offset of a pair's text (its value's end, else its key's), trailing line breaks excluded. */
function pairEnd(text: string, pair: Pair): number {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  let end = Math.max(key?.range?.[1] ?? 0, value?.range?.[1] ?? 0);
  const start = key?.range?.[0] ?? 0;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

/**
 * The offset where text goes after the block that ends at `end`: the start of the next line,
 * after any comment lines indented at least `minIndent` (they belong to the block). Comments
 * less indented (a next section's header, a footer) stay after the insertion.
 */
function afterBlock(w: Work, end: number, minIndent: number): number {
  const { lines } = w;
  let last = lines.positionAt(end).line;
  for (let l = last + 1; l < lines.lineCount; l++) {
    const lt = lines.lineText(l);
    if (lt.trim() === '') continue;
    const indent = lt.length - lt.trimStart().length;
    if (lt.trimStart().startsWith('#') && indent >= minIndent) {
      last = l;
      continue;
    }
    break;
  }
  return last + 1 < lines.lineCount ? lines.lineStarts[last + 1] : w.text.length;
}

/** The start of a key's line, moved up over the comment lines right above it (they belong to it). */
function beforeKey(w: Work, keyOffset: number, minIndent: number): number {
  const { lines } = w;
  let line = lines.positionAt(keyOffset).line;
  while (line > 0) {
    const lt = lines.lineText(line - 1);
    const indent = lt.length - lt.trimStart().length;
    if (lt.trimStart().startsWith('#') && indent >= minIndent) line--;
    else break;
  }
  return lines.lineStarts[line];
}

function isBlankLineAt(w: Work, offset: number): boolean {
  if (offset >= w.text.length) return false;
  const line = w.lines.positionAt(offset).line;
  return w.lines.lineText(line).trim() === '';
}

/** Text ending with `\n` → the document's line endings; without the final break when it goes at the end of a file that has none. */
function finish(w: Work, text: string, at: number): { lead: string; body: string } {
  const noFinalBreak = at === w.text.length && w.text.length > 0 && !w.text.endsWith('\n');
  const body = noFinalBreak ? text.replace(/\n$/, '') : text;
  return { lead: noFinalBreak ? '\n' : '', body };
}

function withEol(w: Work, s: string): string {
  return w.layout.eol === '\n' ? s : s.replace(/\r?\n/g, w.layout.eol);
}

// ---------------------------------------------------------------------------------------------
// Insertions

function insertTopLevel(w: Work, key: string, fragment: string): Plan | undefined {
  const root = w.doc.contents;
  const rootIsEmpty = root === null || (isScalar(root) && root.value === null && !w.text.slice(root.range?.[0] ?? 0, root.range?.[1] ?? 0).trim());
  if (!rootIsEmpty && (!isMap(root) || root.flow)) return undefined;
  if (hasKey(w.data, [key])) return undefined;
  const body = fitFragment(fragment, w.layout);
  const changed: DataPath[] = rootIsEmpty ? [[]] : [];
  const pairs = isMap(root) ? root.items.filter((p) => isScalar(p.key) && (p.key as Scalar).range) : [];
  // The catalogue's section order (completed by the schema's): where a new section goes.
  const order = sectionOrder(w.ctx.catalogue);
  const rank = (k: string) => order.indexOf(k);
  const want = rank(key) === -1 ? order.length : rank(key);
  let preceding: Pair | undefined;
  let following: Pair | undefined;
  for (const p of pairs) {
    const r = rank(String((p.key as Scalar).value));
    if (r === -1) continue;
    if (r < want && (!preceding || r > rank(String((preceding.key as Scalar).value)))) preceding = p as Pair;
    if (r > want && (!following || r < rank(String((following.key as Scalar).value)))) following = p as Pair;
  }
  const blank = w.layout.blankBetween;
  if (!preceding && following) {
    // Nothing of what comes before it is there: place it before what comes after it.
    const at = beforeKey(w, (following.key as Scalar).range![0], 0);
    return { edits: [{ start: at, end: at, text: withEol(w, body + (blank ? '\n' : '')) }], changed, renamed: [] };
  }
  const after = preceding ?? (pairs.length ? (pairs[pairs.length - 1] as Pair) : undefined);
  const at = after ? afterBlock(w, pairEnd(w.text, after), 1) : w.text.length;
  const { lead, body: b } = finish(w, body, at);
  let text = lead + b;
  if (after && blank) {
    text = '\n' + text;
    if (at < w.text.length && !isBlankLineAt(w, at)) text += '\n';
  }
  return { edits: [{ start: at, end: at, text: withEol(w, text) }], changed, renamed: [] };
}

function insertChild(w: Work, parentPath: DataPath, key: string, fragment: string, opts: { sorted?: boolean } = {}): Plan | undefined {
  if (parentPath.length === 0) return insertTopLevel(w, key, fragment);
  const loc = locate(w.doc, parentPath);
  if (!loc) return undefined;
  const parentData = getIn(w.data, parentPath);
  if (parentData !== null && (typeof parentData !== 'object' || Array.isArray(parentData))) return undefined;
  if (parentData && Object.hasOwn(parentData, key)) return undefined;
  const node = loc.node as Node | null;
  if (isAlias(node)) return undefined;

  // Empty parent: `usagers:` alone, `usagers: null` or `usagers: ~`.
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
    if (!loc.pair || !isScalar(loc.pair.key) || !loc.pair.key.range) return undefined;
    const keyNode = loc.pair.key as Scalar;
    if (!atLineStart(w.lines, keyNode.range![0]) && !isSeqItemKey(w, keyNode.range![0])) return undefined;
    const edits: OffsetEdit[] = [];
    let end = keyNode.range![1];
    if (isScalar(node) && node.range) {
      const written = w.text.slice(node.range[0], node.range[1]);
      if (written.trim() !== '') {
        // An explicit null is the value the fix replaces; anything else (a tag, an anchor) is left alone.
        if (!/^(null|Null|NULL|~)$/.test(written) || node.anchor || node.tag) return undefined;
        // The spaces between the colon and the null go with it (`key: null  # c` → `key:  # c`).
        let from = node.range[0];
        while (from > keyNode.range![1] && (w.text[from - 1] === ' ' || w.text[from - 1] === '\t')) from--;
        edits.push({ start: from, end: node.range[1], text: '' });
      }
      end = Math.max(end, node.range[1]);
    }
    const keyCol = col(w.lines, keyNode.range![0]);
    const at = afterBlock(w, end, keyCol + 1);
    const body = indentLines(fitFragment(fragment, w.layout), ' '.repeat(keyCol + w.layout.unit));
    const { lead, body: b } = finish(w, body, at);
    edits.push({ start: at, end: at, text: withEol(w, lead + b) });
    return { edits, changed: [parentPath], renamed: [] };
  }

  if (!isMap(node)) return undefined;

  if (node.flow) {
    const pairText = flowPair(fitFragment(fragment, w.layout));
    if (!pairText || !node.range) return undefined;
    const close = node.range[1] - 1;
    if (w.text[close] !== '}') return undefined;
    const last = node.items[node.items.length - 1] as Pair | undefined;
    if (!last) {
      const pad = /\s/.test(w.text[close - 1] ?? '') ? '' : ' ';
      return { edits: [{ start: close, end: close, text: `${pad}${pairText} ` }], changed: [], renamed: [] };
    }
    const lastEnd = pairEnd(w.text, last);
    const between = w.text.slice(lastEnd, close).replace(/#[^\n]*/g, '');
    if (between.includes(',')) {
      const pad = /\s/.test(w.text[close - 1] ?? '') ? '' : ' ';
      return { edits: [{ start: close, end: close, text: `${pad}${pairText} ` }], changed: [], renamed: [] };
    }
    return { edits: [{ start: lastEnd, end: lastEnd, text: `, ${pairText}` }], changed: [], renamed: [] };
  }

  // Block mapping: as the last child, at the children's indentation (or before the next key in order).
  const first = node.items[0];
  if (!first || !isScalar(first.key) || !first.key.range) return undefined;
  const childCol = col(w.lines, first.key.range[0]);
  const body = indentLines(fitFragment(fragment, w.layout), ' '.repeat(childCol));
  if (opts.sorted) {
    // In the catalogue's order of engagements (E01…E14, AIA-4…CRPA-L312-1-3).
    const ids = w.ctx.catalogue.engagements.map((e) => e.id);
    const mine = ids.indexOf(key);
    const next = node.items.find((p) => isScalar(p.key) && ids.indexOf(String(p.key.value)) > mine) as Pair | undefined;
    const nk = next?.key as Scalar | undefined;
    if (nk?.range && atLineStart(w.lines, nk.range[0])) {
      const at = beforeKey(w, nk.range[0], childCol);
      return { edits: [{ start: at, end: at, text: withEol(w, body) }], changed: [], renamed: [] };
    }
  }
  const last = node.items[node.items.length - 1] as Pair;
  const at = afterBlock(w, pairEnd(w.text, last), childCol);
  const { lead, body: b } = finish(w, body, at);
  return { edits: [{ start: at, end: at, text: withEol(w, lead + b) }], changed: [], renamed: [] };
}

/** Whether the key at `offset` is the first key of a compact sequence item (`- key:`). */
function isSeqItemKey(w: Work, offset: number): boolean {
  const p = w.lines.positionAt(offset);
  return /^ *(- +)+$/.test(w.lines.lineText(p.line).slice(0, p.character));
}

// ---------------------------------------------------------------------------------------------
// Replacements

function replaceKey(w: Work, path: DataPath | undefined, to: unknown): Plan | undefined {
  if (!path?.length || typeof to !== 'string' || to === '') return undefined;
  const loc = locate(w.doc, path);
  const key = loc?.pair?.key;
  if (!loc?.pair || !isScalar(key) || !key.range) return undefined;
  const parentPath = path.slice(0, -1);
  if (hasKey(w.data, [...parentPath, to])) return undefined; // would create a duplicate key
  const inFlow = isInFlow(w, parentPath);
  const text = renderScalar(to, key.type, inFlow, true);
  if (text === undefined) return undefined;
  return { edits: [{ start: key.range[0], end: key.range[1], text }], changed: [], renamed: [{ from: path, to: [...parentPath, to] }] };
}

function replaceValue(w: Work, path: DataPath | undefined, to: unknown, comment?: string): Plan | undefined {
  if (!path?.length) return undefined;
  if (to !== null && typeof to !== 'string' && typeof to !== 'number' && typeof to !== 'boolean') return undefined;
  const loc = locate(w.doc, path);
  if (!loc) return undefined;
  const node = loc.node as Node | null;
  if (!isScalar(node) || !node.range || node.anchor || node.tag) return undefined;
  let start = node.range[0];
  let end = node.range[1];
  while (end > start && (w.text[end - 1] === '\n' || w.text[end - 1] === '\r')) end--;
  const inFlow = isInFlow(w, path.slice(0, -1));
  const text = renderScalar(to, node.type, inFlow, false);
  if (text === undefined) return undefined;
  let valueText = text;
  if (w.text.slice(start, end).trim() === '') {
    // `key:` with nothing written: the value goes right after the colon (the parser may place
    // the empty node after a comment on that line).
    const keyEnd = (loc.pair?.key as Node | null | undefined)?.range?.[1];
    const colon = keyEnd === undefined ? null : /^[ \t]*:/.exec(w.text.slice(keyEnd, keyEnd + 200));
    if (keyEnd === undefined || !colon) return undefined;
    start = end = keyEnd + colon[0].length;
    valueText = ' ' + text;
  }
  const edits: OffsetEdit[] = [{ start, end, text: valueText }];
  if (comment !== undefined) {
    const note = comment.replace(/[\r\n]+/g, ' ').trim();
    if (note) {
      const line = w.lines.positionAt(end).line;
      const lineEnd = w.lines.lineEndOffset(line);
      const rest = w.text.slice(end, lineEnd);
      const hash = findComment(rest);
      if (hash !== -1) {
        // Keep the user's comment: ours goes first, theirs follows unchanged.
        const at = end + hash;
        edits.push({ start: at, end: at, text: `# ${note} ` });
      } else if (lineEnd === end && start === end) {
        edits[0].text += `  # ${note}`;
      } else {
        edits.push({ start: lineEnd, end: lineEnd, text: `${/\s$/.test(w.text.slice(0, lineEnd)) ? ' ' : '  '}# ${note}` });
      }
    }
  }
  return { edits, changed: [path], renamed: [], expect: [{ path, value: to }] };
}

/** Offset of a comment's `#` in the rest of a line after a value (`#` after a space, outside quotes), or -1. */
function findComment(rest: string): number {
  let quote: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(rest[i - 1]))) return i;
  }
  return -1;
}

function isInFlow(w: Work, parentPath: DataPath): boolean {
  const parent = locate(w.doc, parentPath)?.node;
  return (isMap(parent) || isSeq(parent)) && !!parent.flow;
}

/**
 * A scalar's YAML text, in the style of the one it replaces when that reads back the same:
 * double or single quotes kept, plain when safe (in block or flow context), else double quotes.
 */
function renderScalar(value: unknown, style: string | undefined, inFlow: boolean, asKey: boolean): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') {
    if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
    return String(value);
  }
  if (typeof value !== 'string') return undefined;
  if (style === 'QUOTE_SINGLE' && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (style !== 'QUOTE_DOUBLE' && readsBackPlain(value, inFlow, asKey)) return value;
  return JSON.stringify(value);
}

function readsBackPlain(value: string, inFlow: boolean, asKey: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\r\n\t#]/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  const probe = asKey ? `${value}: 1\n` : `k: ${value}\n`;
  const doc = parseDocument(probe);
  if (doc.errors.length) return false;
  const data = doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object') return false;
  return asKey ? Object.keys(data).length === 1 && Object.keys(data)[0] === value && data[value] === 1 : data.k === value;
}

function plainKey(key: string): string {
  return readsBackPlain(key, false, true) ? key : JSON.stringify(key);
}

// ---------------------------------------------------------------------------------------------
// Verification

/**
 * Applies the plans' edits and checks the result: no syntax problem the original did not have,
 * and every scalar the user wrote reads back the same at its path (or at its new path when the
 * fix renames a key), except under the paths the fixes change.
 */
function verify(parsed: ParsedDeclaration, plans: readonly Plan[]): boolean {
  const edits = plans.flatMap((p) => p.edits);
  let text: string;
  try {
    text = applyOffsetEdits(parsed.text, edits);
  } catch {
    return false;
  }
  const after = parseDeclaration(text);
  if (after.value === undefined || !after.doc) return false;
  const before = countCodes(parsed.problems.map((p) => p.code));
  const now = countCodes(after.problems.map((p) => p.code));
  for (const [code, n] of now) if (n > (before.get(code) ?? 0)) return false;
  for (const e of plans.flatMap((p) => p.expect ?? [])) if (!sameData(getIn(after.value, e.path), e.value)) return false;
  for (const p of plans.flatMap((x) => x.present ?? [])) if (!hasKey(after.value, p)) return false;
  const changed = plans.flatMap((p) => p.changed);
  const renamed = plans.flatMap((p) => p.renamed);
  for (const [path, value] of leaves(parsed.value)) {
    if (changed.some((c) => isPathPrefix(c, path))) continue;
    let target: DataPath = path;
    for (const r of renamed) if (isPathPrefix(r.from, path)) target = [...r.to, ...path.slice(r.from.length)];
    const got = getIn(after.value, target);
    if (isContainer(value)) {
      if (!isContainer(got) || Array.isArray(got) !== Array.isArray(value)) return false;
    } else if (!sameData(got, value)) {
      return false;
    }
  }
  return true;
}

function countCodes(codes: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of codes) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

function isContainer(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !(v instanceof Date);
}

/** Every scalar (and every empty collection) of a value, with its path. */
function leaves(value: unknown): [DataPath, unknown][] {
  const out: [DataPath, unknown][] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: (string | number)[]) => {
    if (out.length > 200_000) return;
    if (isContainer(v)) {
      if (seen.has(v)) return; // an alias repeats a subtree: checked once
      seen.add(v);
      const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v as object);
      if (!entries.length) out.push([path, v]);
      for (const [k, x] of entries) walk(x, [...path, k]);
      seen.delete(v);
      return;
    }
    out.push([path, v]);
  };
  walk(value, []);
  return out;
}

function sameData(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (isContainer(a) && isContainer(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function toTextEdits(parsed: ParsedDeclaration, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: parsed.lines.range(e.start, e.end), newText: e.text }));
}
