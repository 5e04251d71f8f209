import { isSeq } from 'yaml';
import { findEngagement, type Catalogue } from './catalogue';
import { engagementsFor, fieldTitle } from './hover';
import { t, VERDICT_LABELS } from './i18n';
import { entryRange } from './locate';
import { hasTree, pathKey, type ParsedDeclaration, type PathInfo } from './parse';
import { schemaAt } from './schema';
import type { LintResult, Locale, Range } from './types';

export interface CoreSymbol {
  name: string;
  detail?: string;
  kind: 'section' | 'object' | 'array' | 'field' | 'item';
  range: Range;
  selectionRange: Range;
  children: CoreSymbol[];
}

const MAX_DEPTH = 6;
const MAX_SYMBOLS = 5000;

function title(path: readonly (string | number)[], locale: Locale): string | undefined {
  try {
    return fieldTitle(schemaAt(path), locale);
  } catch {
    return undefined;
  }
}

/** Children of each indexed path, in text order. */
function childrenIndex(parsed: ParsedDeclaration): Map<string, PathInfo[]> {
  const children = new Map<string, PathInfo[]>();
  for (const info of parsed.index.values()) {
    if (info.path.length === 0) continue;
    const k = pathKey(info.path.slice(0, -1));
    let list = children.get(k);
    if (!list) children.set(k, (list = []));
    list.push(info);
  }
  return children;
}

/** The outline of a declaration: sections, then their fields, as far as the text could be read. */
export function documentSymbols(parsed: ParsedDeclaration, ctx: { locale: Locale; catalogue: Catalogue }): CoreSymbol[] {
  const children = childrenIndex(parsed);
  let budget = MAX_SYMBOLS;
  const build = (info: PathInfo, depth: number): CoreSymbol | undefined => {
    if (--budget < 0) return undefined;
    const range = entryRange(parsed, info);
    if (!range) return undefined;
    const last = info.path[info.path.length - 1];
    const isItem = typeof last === 'number';
    let kind: CoreSymbol['kind'] = info.path.length === 1 ? 'section' : isItem ? (info.collection ? 'item' : 'field') : info.collection ? (isSeq(info.node) ? 'array' : 'object') : 'field';
    if (info.path.length === 1 && !info.collection) kind = 'field';
    let detail: string | undefined;
    if (info.path.length === 1) {
      const ids = engagementsFor(info.path, ctx.catalogue);
      const names = ids.map((id) => {
        const e = findEngagement(ctx.catalogue, id);
        return e ? `${id} · ${t(e.title, ctx.locale)}` : id;
      });
      detail = names.join(' ; ') || title(info.path, ctx.locale);
    } else if (!info.collection && info.node && 'value' in info.node) {
      const v = (info.node as { value: unknown }).value;
      if (v !== null && v !== undefined && typeof v !== 'object') detail = String(v).slice(0, 60);
    }
    const kids = depth < MAX_DEPTH && info.collection ? (children.get(pathKey(info.path)) ?? []) : [];
    const selectionRange = info.keyRange ?? (info.valueRange && !info.collection ? info.valueRange : { start: range.start, end: range.start });
    return {
      name: isItem ? `[${last}]` : String(last),
      detail,
      kind,
      range,
      selectionRange,
      children: kids.map((k) => build(k, depth + 1)).filter((s): s is CoreSymbol => !!s),
    };
  };
  return (children.get(pathKey([])) ?? []).map((i) => build(i, 1)).filter((s): s is CoreSymbol => !!s);
}

export interface CoreFoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Folding ranges: every block mapping or list spanning several lines, and runs of comment lines. */
export function foldingRanges(parsed: ParsedDeclaration): CoreFoldingRange[] {
  const out: CoreFoldingRange[] = [];
  if (!hasTree(parsed)) return out; // a text that was not read (too large…): its lines are not scanned
  for (const info of parsed.index.values()) {
    if (info.path.length === 0 || !info.collection) continue;
    const range = entryRange(parsed, info);
    if (range && range.end.line > range.start.line) out.push({ startLine: range.start.line, endLine: range.end.line });
  }
  let start = -1;
  for (let l = 0; l <= parsed.lines.lineCount; l++) {
    const isComment = l < parsed.lines.lineCount && /^\s*#/.test(parsed.lines.lineText(l));
    if (isComment && start < 0) start = l;
    if (!isComment && start >= 0) {
      if (l - 1 > start) out.push({ startLine: start, endLine: l - 1, kind: 'comment' });
      start = -1;
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

export interface CoreLens {
  range: Range;
  title: string;
  engagement: string;
}

/** One lens per engagement above each top-level section it covers: `E11 · conforme`. */
export function verdictLenses(parsed: ParsedDeclaration, result: LintResult, ctx: { locale: Locale; catalogue: Catalogue }): CoreLens[] {
  const out: CoreLens[] = [];
  for (const info of parsed.index.values()) {
    if (info.path.length !== 1 || !info.keyRange) continue;
    for (const id of engagementsFor(info.path, ctx.catalogue)) {
      const verdict = result.verdicts[id];
      if (!verdict) continue;
      out.push({ range: info.keyRange, engagement: id, title: `${id} · ${t(VERDICT_LABELS[verdict] ?? { fr: verdict, en: verdict }, ctx.locale)}` });
    }
  }
  // Explicit statements (`engagements.E09: …`) get their own lens.
  for (const info of parsed.index.values()) {
    if (info.path.length !== 2 || info.path[0] !== 'engagements' || !info.keyRange) continue;
    const id = String(info.path[1]);
    const verdict = result.verdicts[id];
    if (verdict) out.push({ range: info.keyRange, engagement: id, title: `${id} · ${t(VERDICT_LABELS[verdict] ?? { fr: verdict, en: verdict }, ctx.locale)}` });
  }
  return out;
}
