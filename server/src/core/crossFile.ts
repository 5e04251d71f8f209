/**
 * Checks across declarations, kept outside the per-file rules (a rule sees one file): today, one
 * `projet.id` per project. Pure: callers (the CLI on folders, the language server's workspace
 * diagnostics, the report) hand in what they parsed.
 */
import { t } from './i18n';
import { rangeOf, type ParsedDeclaration } from './parse';
import { text } from './report/model';
import type { Diagnostic, Locale, Localized, Range } from './types';

/** The code of the "same projet.id in two files" error (documented in docs/report.md). */
export const DUPLICATE_ID = 'projet-id-duplique';

const MSG = {
  duplicate: {
    fr: 'L’identifiant « {id} » est aussi celui de {others} : chaque projet a un identifiant unique (le registre public ne peut pas porter deux entrées sous un même identifiant).',
    en: "The identifier '{id}' is also that of {others}: each project has a unique identifier (the public register cannot hold two entries under one identifier).",
  },
  related: { fr: 'même identifiant « {id} » ici', en: "same identifier '{id}' here" },
} satisfies Record<string, Localized>;

/** What the check needs of one declaration: small, so that callers can drop the syntax tree. */
export interface IdEntry {
  /** The file's path (or any name the caller shows), as it should appear in messages. */
  file: string;
  id: string;
  /** The range of the id's value. */
  range: Range;
  /** How messages name the file (e.g. relative to the workspace folder); `file` otherwise. */
  label?: string;
  /** The engagement a duplicate counts for: the `register_engagement` of the file's framework (none if it names none). */
  engagement?: string;
}

/**
 * The entry of a parsed declaration (its full tree), or undefined when it has no filled `projet.id`.
 * `engagement`: what a duplicate counts for under the file's framework (its catalogue's `register_engagement`).
 */
export function idEntry(file: string, parsed: ParsedDeclaration, engagement?: string): IdEntry | undefined {
  const id = projectId(parsed);
  return id === undefined ? undefined : { file, id, range: rangeOf(parsed, ['projet', 'id']), ...(engagement ? { engagement } : {}) };
}

/** `projet.id` of a parsed declaration, when it is a filled text. */
export function projectId(parsed: ParsedDeclaration): string | undefined {
  const v = parsed.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const projet = (v as Record<string, unknown>).projet;
  if (projet === null || typeof projet !== 'object' || Array.isArray(projet)) return undefined;
  return text((projet as Record<string, unknown>).id);
}

/**
 * One error per file whose `projet.id` another file also declares, on the id's value, with
 * related information pointing at every other file's id. Files are keyed by `file`.
 */
export function duplicateIdDiagnostics(entries: (IdEntry | undefined)[], locale: Locale, href?: string): Map<string, Diagnostic[]> {
  const byId = new Map<string, IdEntry[]>();
  for (const f of entries) {
    if (!f) continue;
    byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  }
  const out = new Map<string, Diagnostic[]>();
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const f of group) {
      const others = group.filter((g) => g !== f);
      const d: Diagnostic = {
        code: DUPLICATE_ID,
        severity: 'error',
        message: t(MSG.duplicate, locale, { id, others: others.map((o) => o.label ?? o.file).join(', ') }),
        range: f.range,
        ...(f.engagement ? { engagement: f.engagement } : {}),
        path: ['projet', 'id'],
        related: others.map((o) => ({ file: o.file, range: o.range, message: t(MSG.related, locale, { id }) })),
        outcome: 'none',
      };
      if (href) d.href = href;
      out.set(f.file, [...(out.get(f.file) ?? []), d]);
    }
  }
  return out;
}
