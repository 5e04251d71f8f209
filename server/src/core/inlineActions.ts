/**
 * The checklist's inline actions — "insert the missing section", "declare a derogation" — as
 * edits planned here, from `schemas/templates.yaml` through the fixes engine (`fixes.ts`), so
 * that every edit the user gets (quick fix, fix-all, inline action) has one planner and is
 * checked the same way: it parses, and keeps every value the user wrote. The LSP layer answers
 * `cadreIa/insertSection` and `cadreIa/declareDerogation` with these; the client only applies
 * them.
 */
import { findEngagement, type Catalogue, type Engagement } from './catalogue';
import { statementOf } from './derogations';
import { computeFixEdits, derogationFix, type FixContext, type TextEdit } from './fixes';
import { pathKey, rangeOf, type ParsedDeclaration } from './parse';
import type { Range, Verdict } from './types';

export type InlineActionStatus = 'edit' | 'exists' | 'unsupported' | 'notDerogable' | 'nothingMissing';

export interface InlineAction {
  status: InlineActionStatus;
  edits: TextEdit[];
  /** What to select afterwards: the key written, or the one already there. */
  reveal?: Range;
}

/**
 * The section to insert for an engagement: its first section, when none of its sections is
 * written and its verdict is `a_completer`.
 */
export function missingSectionOf(e: Engagement, verdict: Verdict, parsed: ParsedDeclaration | undefined): string | undefined {
  const present = parsed ? (e.sections ?? []).filter((s) => parsed.index.has(pathKey([s]))) : [];
  return verdict === 'a_completer' && present.length === 0 && e.sections?.length ? e.sections[0] : undefined;
}

/** Whether the checklist offers "declare a derogation" for an engagement with this verdict. */
export function derogationOffered(e: Engagement, verdict: Verdict): boolean {
  return !!e.derogable && (verdict === 'non_conforme' || verdict === 'a_completer');
}

/**
 * Whether a quick fix "declare a derogation" goes with an engagement's findings: the catalogue
 * allows a derogation there, and the declaration does not already state one.
 */
export function derogationQuickFixOffered(catalogue: Catalogue, data: unknown, engagement: string, today: string): boolean {
  if (!findEngagement(catalogue, engagement)?.derogable) return false;
  return statementOf(data, engagement, catalogue, today)?.statut !== 'derogation';
}

/** The range of `key` where an edit writes it (`key:` at the start of a line, or after `{`/`,` in a flow mapping). */
export function keyRangeIn(edit: TextEdit, key: string): Range | undefined {
  const m = new RegExp(`(^|\\n|[{,][ \\t]*)( *)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).exec(edit.newText);
  if (!m) return undefined;
  const before = edit.newText.slice(0, m.index + m[1].length);
  const breaks = before.split('\n').length - 1;
  const line = edit.range.start.line + breaks;
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  const character = (breaks === 0 ? edit.range.start.character : 0) + lastLine.length + m[2].length;
  return { start: { line, character }, end: { line, character: character + key.length } };
}

/** Inserts the missing section of `engagement` (`nothingMissing` when none is). */
export function planInsertSection(parsed: ParsedDeclaration, engagement: string, verdict: Verdict, ctx: FixContext): InlineAction {
  const e = findEngagement(ctx.catalogue, engagement);
  const section = e && missingSectionOf(e, verdict, parsed);
  if (!section) return { status: 'nothingMissing', edits: [] };
  return planSection(parsed, section, ctx);
}

/** Writes top-level `section` from its template (`exists` when it is there already). */
export function planSection(parsed: ParsedDeclaration, section: string, ctx: FixContext): InlineAction {
  if (parsed.index.has(pathKey([section]))) return { status: 'exists', edits: [], reveal: rangeOf(parsed, [section], 'key') };
  const edits = computeFixEdits(parsed, { kind: 'insert-section', args: { section }, title: section }, ctx);
  if (!edits?.length) return { status: 'unsupported', edits: [] };
  const reveal = edits.map((x) => keyRangeIn(x, section)).find((r) => r !== undefined);
  return { status: 'edit', edits, reveal };
}

/** Declares a derogation on `engagement` under `engagements:` (`exists` when it has an entry there already). */
export function planDerogation(parsed: ParsedDeclaration, engagement: string, ctx: FixContext): InlineAction {
  const fix = derogationFix(engagement, ctx.locale, ctx.catalogue);
  if (!fix) return { status: 'notDerogable', edits: [] };
  if (parsed.index.has(pathKey(['engagements', engagement]))) return { status: 'exists', edits: [], reveal: rangeOf(parsed, ['engagements', engagement], 'key') };
  const edits = computeFixEdits(parsed, fix, ctx);
  if (!edits?.length) {
    const reveal = parsed.index.has(pathKey(['engagements'])) ? rangeOf(parsed, ['engagements'], 'key') : undefined;
    return { status: 'unsupported', edits: [], reveal };
  }
  const reveal = edits.map((x) => keyRangeIn(x, engagement)).find((r) => r !== undefined);
  return { status: 'edit', edits, reveal };
}
