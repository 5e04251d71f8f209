/** Linting declarations from disk: the Node side of `core/engine.ts` (used by the CLI, the server and the report). */
import { defaultCatalogue, lintText, type LintOptions } from '../core/engine';
import { unreadableResult, type FileResult } from '../core/fileResult';
import { DEFAULT_MAX_CHARS, withoutTree } from '../core/parse';
import { docUrl } from '../core/catalogue';
import { DUPLICATE_ID, duplicateIdDiagnostics, idEntry, type IdEntry } from '../core/crossFile';
import { decodeDeclaration, findDeclarations, readDeclaration } from './files';

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

/** Lints a declaration's bytes read elsewhere (a git blob, for `cadre-ia diff`). Never throws. */
export function lintBytes(file: string, bytes: Uint8Array, options: LintOptions = {}): FileResult {
  const read = decodeDeclaration(bytes, (options.maxChars ?? DEFAULT_MAX_CHARS) * 3);
  if ('text' in read) return { file, result: lintText(read.text, options) };
  return { file, result: unreadableResult(read.error, read.detail, options) };
}

/**
 * Lints every declaration under the given paths. The results keep no syntax tree
 * (`withoutTree`): a workspace of 1,000 files would otherwise hold ~350 MB and spend a quarter
 * of its time in the garbage collector. In-process; `lintPathsParallel` (`pool.ts`) spreads
 * the same work over worker threads and gives the same results.
 */
export function lintPaths(paths: string[], options: LintOptions = {}): FileResult[] {
  const opts = { ...options, catalogue: options.catalogue ?? defaultCatalogue() };
  const done = findDeclarations(paths).map((f): LintedFile => (f.error ? { result: { file: f.file, ioError: f.error } } : lintFileForList(f.file, opts)));
  return finishList(done, opts);
}

/** One file of a list: its result without tree, and its `projet.id` for the check across files. */
export interface LintedFile {
  result: FileResult;
  id?: IdEntry;
}

/** Lints one file of a list (`lintPaths`, the worker threads of `pool.ts`). Never throws. */
export function lintFileForList(file: string, options: LintOptions): LintedFile {
  const r = lintFile(file, options);
  if (!r.result) return { result: r };
  const id = idEntry(file, r.result.parsed, r.result.catalogue.register_engagement);
  r.result.parsed = withoutTree(r.result.parsed);
  return { result: r, id };
}

/** Adds what is found across files (one projet.id per project: an error on each file that shares one). */
export function finishList(done: LintedFile[], options: LintOptions): FileResult[] {
  const catalogue = options.catalogue ?? defaultCatalogue();
  const ids = done.filter((d) => d.result.result).map((d) => d.id);
  const duplicates = duplicateIdDiagnostics(ids, options.locale ?? 'fr', docUrl(catalogue, DUPLICATE_ID));
  const results = done.map((d) => d.result);
  for (const r of results) {
    const found = duplicates.get(r.file);
    if (found && r.result) r.result.diagnostics.push(...found);
  }
  return results;
}
