/**
 * `cadre-ia diff [--base REF] [paths…]`: what a change does to the declarations. For every
 * declaration added, modified, renamed or deleted between REF (by default the merge base of
 * HEAD with the default branch) and the work tree: the engagements whose verdict changed,
 * the findings introduced and the findings resolved. Findings are matched by the fingerprint
 * baselines use (file, rule, data path, occurrence — never the line), so lines that move are
 * not changes; a renamed file's findings are matched under its new name.
 *
 * The base is read with git (`server/src/node/git.ts`: argument arrays, read-only). Exit code:
 * 1 when the change introduces an error-level finding, 0 otherwise, 2 on wrong usage, outside
 * a git repository, for an unknown REF or an unreadable file.
 */
import * as path from 'node:path';
import { ioMessage, type FileResult } from '../core/fileResult';
import { t } from '../core/i18n';
import type { Locale, Localized } from '../core/types';
import { inSkippedFolder, isDeclarationFile } from '../node/files';
import { changedFiles, defaultBase, gitTopLevel, resolveCommit, showFile, type ChangedFile, type GitError } from '../node/git';
import { lintBytes, lintFile } from '../node/lintFiles';
import { OUTPUT_MSG, usageError, writeMessage, writeTextFile, type OptionSpecs } from './args';
import { collectFindings, type Finding } from './findings';
import { wantColor } from './formats/colour';
import { formatDiffJson, formatDiffMarkdown, formatDiffText, type DiffEntry, type DiffFinding, type DiffFormat, type DiffRun, type VerdictChange } from './formats/diff';
import { COMMANDS, COMMAND_SUMMARIES, parseCommand, type Io } from './main';

const USAGE: Localized = {
  fr: `Usage : cadre-ia diff [chemins…] [options]

Ce que change une modification (une merge request) aux déclarations : pour chaque déclaration
ajoutée, modifiée, renommée ou supprimée entre REF et l'arbre de travail, les engagements dont le
verdict change (E02 conforme → non conforme), les constats introduits et les constats résolus.
Les constats sont appariés comme dans une référence (--baseline) : un déplacement de lignes
n'est pas un changement. Sans chemin, tout le dépôt.

Options :
      --base REF             la version de comparaison (branche, étiquette, commit) ; par défaut
                             la base de fusion avec la branche par défaut (origin/HEAD, sinon
                             main ou master)
  -f, --format FORMAT        text (par défaut), json, markdown (commentaire de merge request,
                             résumé de job)
  -o, --output FICHIER       écrit ce format dans FICHIER ; la sortie standard garde le texte
      --color, --no-color    force ou coupe les couleurs (NO_COLOR est respecté)
  -l, --locale fr|en         langue des messages (selon l'environnement, français sinon)
  -c, --catalogue FICHIER    catalogue d'un cadre (YAML), répétable ; chaque déclaration suit son cadre:
      --date AAAA-MM-JJ      date du jour (pour des résultats reproductibles)
  -h, --help                 cette aide

git est lu sans rien modifier (git show, git diff --name-status, git merge-base).
Code de sortie : 0 si la modification n'introduit aucune erreur ; 1 si elle en introduit au
moins une ; 2 en cas d'usage incorrect, hors d'un dépôt git, de REF inconnue ou de fichier illisible.
`,
  en: `Usage: cadre-ia diff [paths…] [options]

What a change (a merge request) does to the declarations: for each declaration added, modified,
renamed or deleted between REF and the work tree, the engagements whose verdict changes
(E02 compliant → non-compliant), the findings introduced and the findings resolved. Findings
are matched as in a baseline (--baseline): lines that move are not a change. Without paths,
the whole repository.

Options:
      --base REF             the version to compare with (branch, tag, commit); by default the
                             merge base with the default branch (origin/HEAD, else main or master)
  -f, --format FORMAT        text (default), json, markdown (merge-request comment, job summary)
  -o, --output FILE          writes that format to FILE; standard output keeps the text
      --color, --no-color    forces or turns off colours (NO_COLOR is respected)
  -l, --locale fr|en         message language (from the environment, French otherwise)
  -c, --catalogue FILE       a framework's catalogue (YAML), repeatable; each declaration follows its cadre:
      --date YYYY-MM-DD      today's date (for reproducible results)
  -h, --help                 this help

git is only read (git show, git diff --name-status, git merge-base).
Exit code: 0 when the change introduces no error; 1 when it introduces at least one; 2 on wrong
usage, outside a git repository, for an unknown REF or an unreadable file.
`,
};

export const DIFF_MSG: Record<string, Localized> = {
  notRepository: {
    fr: 'pas de dépôt git ici ({cwd}) : cadre-ia diff compare avec l’historique git ; lancez-le dans un dépôt',
    en: 'no git repository here ({cwd}): cadre-ia diff compares with the git history; run it inside a repository',
  },
  noGit: { fr: 'le programme git est introuvable (cadre-ia diff en a besoin)', en: 'the git program was not found (cadre-ia diff needs it)' },
  unknownRef: {
    fr: 'référence git inconnue « {ref} » (une branche, une étiquette ou un commit ; pensez à git fetch)',
    en: "unknown git reference '{ref}' (a branch, a tag or a commit; try git fetch)",
  },
  noDefaultBranch: {
    fr: 'pas de branche par défaut (origin/HEAD, origin/main, main, master) ni de base commune avec elle : donnez --base REF',
    en: 'no default branch (origin/HEAD, origin/main, main, master) or no common base with it: give --base REF',
  },
  gitFailed: { fr: 'git a échoué : {why}', en: 'git failed: {why}' },
  ioError: { fr: '{file} : {why}', en: '{file}: {why}' },
};

const OPTIONS: OptionSpecs = {
  base: { type: 'string' },
  format: { type: 'string', short: 'f', choices: ['text', 'json', 'markdown'] },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
};

function gitMessage(e: GitError, locale: Locale, cwd: string, ref?: string): string {
  switch (e.error) {
    case 'NO_GIT':
      return t(DIFF_MSG.noGit, locale);
    case 'NOT_A_REPOSITORY':
      return t(DIFF_MSG.notRepository, locale, { cwd });
    case 'UNKNOWN_REF':
      return t(DIFF_MSG.unknownRef, locale, { ref: ref ?? e.detail ?? '' });
    case 'NO_DEFAULT_BRANCH':
      return t(DIFF_MSG.noDefaultBranch, locale);
    default:
      return t(DIFF_MSG.gitFailed, locale, { why: e.detail ?? '' });
  }
}

/**
 * Whether `file` (absolute) is one of `scopes` (absolute folders or files) or inside one,
 * outside the folders `cadre-ia lint` skips (node_modules, dist, dot-folders…) below it.
 */
function inScope(file: string, scopes: string[]): boolean {
  return scopes.some((s) => {
    const rel = path.relative(s, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel) && !inSkippedFolder(rel));
  });
}

function findingsOf(r: FileResult, root: string): Finding[] {
  return collectFindings([r], root, root);
}

/** Compares the two sides of one file. `before`/`after` are linted under the same name, so fingerprints match across a rename. */
export function compareSides(entry: ChangedFile, before: FileResult | undefined, after: FileResult | undefined, root: string): DiffEntry {
  const beforeFindings = before ? findingsOf(before, root) : [];
  const afterFindings = after ? findingsOf(after, root) : [];
  const had = new Set(beforeFindings.map((f) => f.fingerprint));
  const has = new Set(afterFindings.map((f) => f.fingerprint));
  const shown = (f: Finding, file: string): DiffFinding => ({ file, diagnostic: f.diagnostic, fingerprint: f.fingerprint });
  const vBefore = before?.result?.framework.known ? before.result.verdicts : {};
  const vAfter = after?.result?.framework.known ? after.result.verdicts : {};
  const ids = [...new Set([...Object.keys(vAfter), ...Object.keys(vBefore)])];
  const verdicts: VerdictChange[] = [];
  for (const id of ids) {
    const b = vBefore[id] ?? null;
    const a = vAfter[id] ?? null;
    if (a !== b) verdicts.push({ id, before: b, after: a });
  }
  return {
    status: entry.status,
    file: entry.path ?? null,
    baseFile: entry.oldPath ?? null,
    verdicts,
    after: { ...vAfter },
    introduced: afterFindings.filter((f) => !had.has(f.fingerprint)).map((f) => shown(f, entry.path!)),
    resolved: beforeFindings.filter((f) => !has.has(f.fingerprint)).map((f) => shown(f, entry.oldPath!)),
  };
}

export async function diffCommand(args: string[], io: Io, envLocale: Locale): Promise<number> {
  const parsed = parseCommand(args, OPTIONS, USAGE, io, envLocale, 'diff');
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, common } = parsed;
  const { locale, catalogue, catalogues, frameworks, now } = common;
  const cwd = io.cwd ?? process.cwd();
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const format = (str('format') ?? 'text') as DiffFormat;
  const output = str('output');
  const fail = (e: GitError, ref?: string) => {
    io.stderr(`cadre-ia: ${gitMessage(e, locale, cwd, ref)}\n`);
    return 2;
  };

  const top = gitTopLevel(cwd);
  if ('error' in top) return fail(top);
  const root = top.root;
  const givenRef = str('base');
  let ref: string;
  let commit: string;
  let mergeBase = false;
  if (givenRef !== undefined) {
    if (!givenRef) return usageError(io, locale, 'diff', t(DIFF_MSG.unknownRef, locale, { ref: givenRef }));
    const c = resolveCommit(root, givenRef);
    if ('error' in c) return fail(c, givenRef);
    ref = givenRef;
    commit = c.sha;
  } else {
    const b = defaultBase(root);
    if ('error' in b) return fail(b);
    ref = b.branch;
    commit = b.sha;
    mergeBase = true;
  }

  const changed = changedFiles(root, commit);
  if ('error' in changed) return fail(changed);
  const scopes = (positionals.length ? positionals : [root]).map((p) => path.resolve(cwd, p));
  const abs = (p: string) => path.join(root, ...p.split('/'));
  const wanted = changed.files
    .map((f): ChangedFile => {
      // A rename to or from a name that is not a declaration's is an addition or a deletion.
      const oldOk = f.oldPath !== undefined && isDeclarationFile(f.oldPath);
      const newOk = f.path !== undefined && isDeclarationFile(f.path);
      if (f.status === 'renamed' && oldOk !== newOk) return newOk ? { status: 'added', path: f.path } : { status: 'deleted', oldPath: f.oldPath };
      return f;
    })
    .filter((f) => (f.path !== undefined && isDeclarationFile(f.path)) || (f.path === undefined && f.oldPath !== undefined && isDeclarationFile(f.oldPath)))
    .filter((f) => [f.path, f.oldPath].some((p) => p !== undefined && inScope(abs(p), scopes)))
    .sort((a, b) => ((a.path ?? a.oldPath!) < (b.path ?? b.oldPath!) ? -1 : 1));

  const options = { locale, catalogue, catalogues, frameworks, now };
  const entries: DiffEntry[] = [];
  let ioFailed = false;
  for (const f of wanted) {
    // Both sides are linted under the work tree's name (the base one when deleted).
    const name = abs(f.path ?? f.oldPath!);
    let before: FileResult | undefined;
    if (f.oldPath !== undefined) {
      const blob = showFile(root, commit, f.oldPath);
      if ('error' in blob) return fail(blob);
      before = lintBytes(name, blob.bytes, options);
    }
    let after: FileResult | undefined;
    if (f.path !== undefined) {
      after = lintFile(name, options);
      if (after.ioError) {
        io.stderr(`cadre-ia: ${t(DIFF_MSG.ioError, locale, { file: path.relative(cwd, name) || name, why: ioMessage(after.ioError, locale) })}\n`);
        ioFailed = true;
        continue;
      }
    }
    entries.push(compareSides(f, before, after, root));
  }

  const color = wantColor(values.color as boolean | undefined, io.env, io.isTTY);
  const run: DiffRun = { locale, ref, mergeBase, commit, entries, root, cwd, color };
  const formatters = { text: formatDiffText, json: formatDiffJson, markdown: formatDiffMarkdown };
  if (output) {
    const err = writeTextFile(path.resolve(cwd, output), formatters[format]({ ...run, color: false }));
    if (err) {
      io.stderr(`cadre-ia: ${t(OUTPUT_MSG.error, locale, { file: output, why: writeMessage(err, locale) })}\n`);
      return 2;
    }
    io.stdout(formatDiffText(run));
    io.stdout(t(OUTPUT_MSG.written, locale, { format, file: output }) + '\n');
  } else {
    io.stdout(formatters[format](run));
  }
  if (ioFailed) return 2;
  return entries.some((e) => e.introduced.some((f) => f.diagnostic.severity === 'error')) ? 1 : 0;
}

COMMANDS.set('diff', diffCommand);
COMMAND_SUMMARIES.set('diff', {
  fr: 'ce qu’une modification change aux déclarations depuis une version git : verdicts, constats introduits et résolus',
  en: 'what a change does to the declarations since a git version: verdicts, findings introduced and resolved',
});
