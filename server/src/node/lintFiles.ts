/** Linting declarations from disk: the Node side of `core/engine.ts` (used by the CLI, the server and the report). */
import { defaultCatalogue, lintText, type LintOptions } from '../core/engine';
import { unreadableResult, type FileResult } from '../core/fileResult';
import { DEFAULT_MAX_CHARS, withoutTree } from '../core/parse';
import { docUrl } from '../core/catalogue';
import { DUPLICATE_ID, duplicateIdDiagnostics, idEntry, type IdEntry } from '../core/crossFile';
import { findDeclarations, readDeclaration } from './files';

export { ioMessage, unreadableResult, type FileResult } from '../core/fileResult';

/** Lints one file from disk. Never throws. */
export function lintFile(file: string, options: LintOptions = {}): FileResult {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  // UTF-8 takes at most 3 bytes per UTF-16 unit: anything larger is surely over the limit.
  const read = readDeclaration(file, maxChars * 3);
  if ('text' in read) return { file, result: lintText(read.text, options) };
  if (read.error === 'TOO_LARGE' || read.error === 'INVALID_UTF8') return { file, result: unreadableResult(read.error, read.detail, options) };
  return { file, ioError: read.error };
}

/**
 * Lints every declaration under the given paths. The results keep no syntax tree
 * (`withoutTree`): a workspace of 1,000 files would otherwise hold ~350 MB and spend a quarter
 * of its time in the garbage collector.
 */
export function lintPaths(paths: string[], options: LintOptions = {}): FileResult[] {
  const catalogue = options.catalogue ?? defaultCatalogue();
  const opts = { ...options, catalogue };
  const ids: (IdEntry | undefined)[] = [];
  const results = findDeclarations(paths).map((f): FileResult => {
    if (f.error) return { file: f.file, ioError: f.error };
    const r = lintFile(f.file, opts);
    if (r.result) {
      ids.push(idEntry(f.file, r.result.parsed));
      r.result.parsed = withoutTree(r.result.parsed);
    }
    return r;
  });
  // Across files: one projet.id per project (an error on each file that shares one).
  const duplicates = duplicateIdDiagnostics(ids, opts.locale ?? 'fr', docUrl(catalogue, DUPLICATE_ID));
  for (const r of results) {
    const found = duplicates.get(r.file);
    if (found && r.result) r.result.diagnostics.push(...found);
  }
  return results;
}
