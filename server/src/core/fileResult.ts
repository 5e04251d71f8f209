/**
 * The result of checking one declaration file, and what is said when a file could not be read.
 * Pure: the reading itself lives in `server/src/node/` (`lintFiles.ts`, `files.ts`); the server,
 * the CLI and the report share these shapes and messages.
 */
import { lintParsed, type FullLintResult, type LintOptions } from './engine';
import { t } from './i18n';
import { parseDeclaration } from './parse';
import { SYNTAX_MESSAGES } from './syntaxMessages';
import type { Localized } from './types';

/** File names Cadre IA treats as declarations. */
export const DECLARATION_RE = /\.ia\.ya?ml$/i;

export function isDeclarationFile(name: string): boolean {
  return DECLARATION_RE.test(name);
}

export interface FileResult {
  file: string;
  /** The lint result; absent when the file could not be read at all. */
  result?: FullLintResult;
  /** An I/O failure (missing, unreadable…): the CLI exits 2. */
  ioError?: string;
}

const IO_MESSAGES: Record<string, Localized> = {
  ENOENT: { fr: 'fichier ou dossier introuvable', en: 'no such file or folder' },
  EACCES: { fr: 'lecture refusée (droits insuffisants)', en: 'permission denied' },
  EPERM: { fr: 'lecture refusée (droits insuffisants)', en: 'permission denied' },
  ELOOP: { fr: 'boucle de liens symboliques', en: 'symbolic link loop' },
  EISDIR: { fr: 'c’est un dossier', en: 'is a folder' },
  ENOTFILE: { fr: 'ce n’est pas un fichier ordinaire', en: 'not a regular file' },
};

export function ioMessage(code: string, locale: 'fr' | 'en'): string {
  const m = IO_MESSAGES[code];
  return m ? t(m, locale) : code;
}

const INVALID_UTF8: Localized = {
  fr: 'Encodage invalide : le fichier n’est pas en UTF-8 (ou il est binaire). Enregistrez-le en UTF-8.',
  en: 'Invalid encoding: the file is not UTF-8 (or it is binary). Save it as UTF-8.',
};

const UNREADABLE: Localized = { fr: 'Fichier illisible : {why}.', en: 'Unreadable file: {why}.' };

/**
 * The result for a declaration that could not be read (too large on disk, not UTF-8, an I/O
 * error): one diagnostic that says why, nothing checked, every verdict `a_completer`.
 */
export function unreadableResult(error: string, detail: string | undefined, options: LintOptions = {}): FullLintResult {
  const locale = options.locale ?? 'fr';
  // Nothing was read: an empty text that is not checked either (else the schema would report
  // an empty document next to the one diagnostic that says why).
  const parsed = parseDeclaration('', options);
  parsed.doc = undefined;
  parsed.value = undefined;
  const result = lintParsed(parsed, options);
  const message =
    error === 'TOO_LARGE'
      ? t(SYNTAX_MESSAGES.TOO_LARGE, locale, { detail: detail ?? '' })
      : error === 'INVALID_UTF8'
        ? t(INVALID_UTF8, locale)
        : t(UNREADABLE, locale, { why: ioMessage(error, locale) });
  result.diagnostics.unshift({
    code: 'syntax',
    severity: 'error',
    outcome: 'none',
    message,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });
  for (const e of result.engagements) {
    e.verdict = 'a_completer';
    e.findings = [];
    result.verdicts[e.id] = 'a_completer';
  }
  return result;
}
