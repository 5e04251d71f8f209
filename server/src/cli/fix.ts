/**
 * `lint --fix` and `--fix-dry-run`: the editor's "fix all" on the command line, limited to the
 * fixes that only add or rename what is missing or misspelt (a missing section or field, a
 * misspelt key). A fix that would replace a value the user wrote is never applied, even when
 * the editor marks it preferred. Each file is re-parsed and the core checks every fix (the
 * result parses and keeps the user's values); a file is written only when its text changes.
 */
import * as fs from 'node:fs';
import { lintParsed } from '../core/engine';
import { applyEdits, fixAllEdits } from '../core/fixes';
import { t } from '../core/i18n';
import type { FileResult } from '../core/fileResult';
import type { Catalogue } from '../core/catalogue';
import type { FrameworkSet } from '../core/framework';
import { parseDeclaration } from '../core/parse';
import type { Diagnostic, Locale, Localized } from '../core/types';
import { plural, writeMessage, type Io } from './args';
import { paint } from './formats/colour';
import { unifiedDiff } from './textDiff';

/** Fix kinds that add or rename and never change a value the user wrote. */
export const SAFE_FIX_KINDS: ReadonlySet<string> = new Set(['insert-section', 'insert-field', 'replace-key']);

const F: Record<string, Localized> = {
  fixed: { fr: '{file} : {n}.', en: '{file}: {n}.' },
  summary: { fr: '{n}.', en: '{n}.' },
  nothing: { fr: 'Aucune correction sûre à appliquer.', en: 'No safe fix to apply.' },
  writeError: { fr: 'écriture impossible de {file} : {why}', en: 'cannot write {file}: {why}' },
};

const FIX_WORDS: Record<Locale, [string, string]> = { fr: ['correction appliquée', 'corrections appliquées'], en: ['fix applied', 'fixes applied'] };
const FILE_WORDS: Record<Locale, [string, string]> = { fr: ['fichier corrigé', 'fichiers corrigés'], en: ['file fixed', 'files fixed'] };

/** The diagnostics with only their safe, preferred fixes. */
export function safeFixes(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, fixes: d.fixes?.filter((f) => f.preferred && SAFE_FIX_KINDS.has(f.kind)) }));
}

/** The fixed text of a declaration, or undefined when no safe fix applies. Never throws. */
export function fixText(text: string, options: { locale: Locale; catalogue: Catalogue; frameworks?: FrameworkSet }): { text: string; count: number } | undefined {
  const parsed = parseDeclaration(text);
  const result = lintParsed(parsed, options);
  const diagnostics = safeFixes(result.diagnostics);
  // The fixes follow the file's own framework (its section order, its engagements).
  const edits = fixAllEdits(parsed, diagnostics, { ...options, catalogue: result.catalogue });
  if (!edits.length) return undefined;
  const fixed = applyEdits(text, edits);
  if (fixed === text) return undefined;
  const count = new Set(diagnostics.flatMap((d) => (d.fixes ?? []).map((f) => `${f.kind}|${JSON.stringify(f.args)}`))).size;
  return { text: fixed, count: Math.max(1, Math.min(count, edits.length)) };
}

export function applyFixes(
  results: FileResult[],
  options: { locale: Locale; catalogue: Catalogue; frameworks?: FrameworkSet; dryRun: boolean; color: boolean },
  io: Io,
): { changed: number; failed: boolean } {
  const { locale } = options;
  const p = paint(options.color);
  let changed = 0;
  let failed = false;
  for (const r of results) {
    const text = r.result?.parsed?.text;
    if (r.ioError || text === undefined || !text) continue;
    const fixed = fixText(text, options);
    if (!fixed) continue;
    changed++;
    if (options.dryRun) {
      for (const line of unifiedDiff(r.file, text, fixed.text).split('\n')) {
        if (!line) continue;
        io.stdout((line.startsWith('+') && !line.startsWith('+++') ? p.green(line) : line.startsWith('-') && !line.startsWith('---') ? p.red(line) : line) + '\n');
      }
      continue;
    }
    try {
      // Re-read: write only when the file is still the text that was fixed.
      if (fs.readFileSync(r.file, 'utf8') !== text) continue;
      fs.writeFileSync(r.file, fixed.text);
      io.stderr(t(F.fixed, locale, { file: r.file, n: plural(fixed.count, FIX_WORDS, locale) }) + '\n');
    } catch (e) {
      failed = true;
      io.stderr(`cadre-ia: ${t(F.writeError, locale, { file: r.file, why: writeMessage((e as NodeJS.ErrnoException).code ?? String(e), locale) })}\n`);
    }
  }
  if (!changed) io.stderr(t(F.nothing, locale) + '\n');
  else if (!options.dryRun) io.stderr(t(F.summary, locale, { n: plural(changed, FILE_WORDS, locale) }) + '\n');
  return { changed, failed };
}
