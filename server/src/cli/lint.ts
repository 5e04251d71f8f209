/**
 * `cadre-ia lint [paths…]`: checks declarations and prints them in a format for people (text),
 * programs (json), code scanning (sarif), GitLab merge requests (gitlab), GitHub annotations
 * (github) or a merge-request comment (markdown). Exit code: 0 when nothing counted is an
 * error, 1 when an error (or more warnings than --max-warnings) is counted, 2 on wrong usage,
 * an unreadable path, no declaration found, or an output that cannot be written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../core/i18n';
import { ioMessage, type FileResult } from '../core/fileResult';
import { lintPathsParallel } from '../node/pool';
import type { Locale, Localized } from '../core/types';
import { OUTPUT_MSG, parseCommand, plural, usageError, writeMessage, writeTextFile, type Io, type OptionSpecs } from './args';
import { applyBaseline, BASELINE_MSG, makeBaseline, readBaseline } from './baseline';
import { collectFindings } from './findings';
import { wantColor } from './formats/colour';
import type { LintRun } from './formats/context';
import { formatGithub } from './formats/github';
import { formatGitlab } from './formats/gitlab';
import { formatJson } from './formats/json';
import { formatMarkdown } from './formats/markdown';
import { formatSarif } from './formats/sarif';
import { formatText, WORDS } from './formats/text';
import { applyFixes } from './fix';
import { VERSION } from './version';

export const FORMATS = ['text', 'json', 'sarif', 'gitlab', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

const FORMATTERS: Record<Format, (run: LintRun) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  gitlab: formatGitlab,
  github: formatGithub,
  markdown: formatMarkdown,
};

export const LINT_USAGE: Localized = {
  fr: `Usage : cadre-ia lint [chemins…] [options]

Vérifie les déclarations (*.ia.yaml, *.ia.yml) des fichiers et dossiers donnés (. par défaut).

Options :
  -f, --format FORMAT        text (par défaut), json, sarif, gitlab (Code Quality), github
                             (annotations), markdown (commentaire de merge request)
  -o, --output FICHIER       écrit ce format dans FICHIER ; la sortie standard garde le texte
      --root DOSSIER         racine des chemins de sarif, gitlab et github (sinon la racine git,
                             sinon le dossier courant)
  -q, --quiet                seulement les erreurs
      --max-warnings N       code de sortie 1 au-delà de N avertissements
      --baseline FICHIER     ne compte que les constats absents de cette référence
      --write-baseline FICHIER   écrit la référence des constats actuels, puis sort avec 0
      --fix                  applique les corrections sûres (ajouts de sections ou de champs,
                             clés mal orthographiées) ; ne modifie jamais une valeur écrite
      --fix-dry-run          affiche ces corrections (diff) sans rien écrire
      --allow-empty          aucune déclaration trouvée n’est pas une erreur (code 0)
      --color, --no-color    force ou coupe les couleurs (NO_COLOR est respecté)
  -l, --locale fr|en         langue des messages (selon l'environnement, français sinon)
  -c, --catalogue FICHIER    catalogue d'un cadre (YAML), répétable : chaque déclaration est jugée par le
                             cadre que nomme sa ligne cadre: (fournis : lyon-ia/v1, socle-ia/v1)
      --date AAAA-MM-JJ      date du jour (pour des résultats reproductibles)
  -h, --help                 cette aide

Code de sortie : 0 sans erreur ; 1 si au moins une erreur (ou plus d'avertissements que
--max-warnings) ; 2 en cas d'usage incorrect, de chemin illisible ou sans déclaration.
`,
  en: `Usage: cadre-ia lint [paths…] [options]

Checks the declarations (*.ia.yaml, *.ia.yml) in the given files and folders (. by default).

Options:
  -f, --format FORMAT        text (default), json, sarif, gitlab (Code Quality), github
                             (annotations), markdown (merge-request comment)
  -o, --output FILE          writes that format to FILE; standard output keeps the text
      --root FOLDER          root of the paths in sarif, gitlab and github (else the git root,
                             else the current folder)
  -q, --quiet                errors only
      --max-warnings N       exit code 1 beyond N warnings
      --baseline FILE        counts only the findings absent from this baseline
      --write-baseline FILE  writes the baseline of the current findings, then exits 0
      --fix                  applies the safe fixes (missing sections or fields, misspelt
                             keys); never changes a value you wrote
      --fix-dry-run          prints those fixes (a diff) without writing anything
      --allow-empty          finding no declaration is not an error (exit 0)
      --color, --no-color    forces or turns off colours (NO_COLOR is respected)
  -l, --locale fr|en         message language (from the environment, French otherwise)
  -c, --catalogue FILE       a framework's catalogue (YAML), repeatable: each declaration is judged by the
                             framework its cadre: line names (bundled: lyon-ia/v1, socle-ia/v1)
      --date YYYY-MM-DD      today's date (for reproducible results)
  -h, --help                 this help

Exit code: 0 without errors; 1 with at least one error (or more warnings than
--max-warnings); 2 on wrong usage, an unreadable path or no declaration.
`,
};

export const LINT_MSG: Record<string, Localized> = {
  none: {
    fr: 'aucune déclaration (*.ia.yaml, *.ia.yml) trouvée dans {paths} : vérifiez le chemin (ou --allow-empty)',
    en: 'no declaration (*.ia.yaml, *.ia.yml) found in {paths}: check the path (or --allow-empty)',
  },
  noneAllowed: { fr: 'Aucune déclaration (*.ia.yaml, *.ia.yml) trouvée.', en: 'No declaration (*.ia.yaml, *.ia.yml) found.' },
  ioError: { fr: '{file} : {why}', en: '{file}: {why}' },
  tooManyWarnings: { fr: 'Trop d’avertissements : {n} (maximum --max-warnings {max}).', en: 'Too many warnings: {n} (at most --max-warnings {max}).' },
  badRoot: { fr: 'dossier racine introuvable « {v} »', en: "root folder not found '{v}'" },
  conflict: { fr: 'les options {a} et {b} ne vont pas ensemble', en: 'options {a} and {b} cannot be used together' },
};

const LINT_OPTIONS: OptionSpecs = {
  format: { type: 'string', short: 'f', choices: FORMATS },
  output: { type: 'string', short: 'o' },
  root: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'integer' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'allow-empty': { type: 'boolean' },
  color: { type: 'boolean' },
};

/** The repository root for relative paths: --root, else the git top level, else the cwd. */
export function repositoryRoot(rootOption: string | undefined, cwd: string): string {
  if (rootOption) return path.resolve(cwd, rootOption);
  // The nearest folder holding `.git` (a folder, or a file for worktrees and submodules).
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}

export async function lintCommand(args: string[], io: Io, envLocale: Locale): Promise<number> {
  const parsed = parseCommand(args, LINT_OPTIONS, LINT_USAGE, io, envLocale, 'lint');
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, common } = parsed;
  const { locale, catalogue, frameworks, now } = common;
  const cwd = io.cwd ?? process.cwd();
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const format = (str('format') ?? 'text') as Format;
  const output = str('output');
  const maxWarnings = typeof values['max-warnings'] === 'number' ? (values['max-warnings'] as number) : undefined;
  for (const [a, b] of [
    ['fix', 'fix-dry-run'],
    ['baseline', 'write-baseline'],
    ['write-baseline', 'fix'],
  ]) {
    if (values[a] && values[b]) return usageError(io, locale, 'lint', t(LINT_MSG.conflict, locale, { a: `--${a}`, b: `--${b}` }));
  }
  const rootOption = str('root');
  if (rootOption && !isDir(path.resolve(cwd, rootOption))) return usageError(io, locale, 'lint', t(LINT_MSG.badRoot, locale, { v: rootOption }));
  const paths = positionals.length ? positionals : ['.'];
  // Each declaration is judged by the framework its `cadre:` names (bundled or --catalogue).
  const options = { locale, catalogue, frameworks, now };

  let results: FileResult[] = await lintPathsParallel(paths, options);
  if (results.length === 0) {
    if (values['allow-empty']) {
      io.stdout(t(LINT_MSG.noneAllowed, locale) + '\n');
      return 0;
    }
    io.stderr(`cadre-ia: ${t(LINT_MSG.none, locale, { paths: paths.join(', ') })}\n`);
    return 2;
  }

  if (values.fix || values['fix-dry-run']) {
    const fixed = applyFixes(results, { locale, catalogue, frameworks, dryRun: !!values['fix-dry-run'], color: wantColor(values.color as boolean | undefined, io.env, io.isTTY) }, io);
    if (fixed.changed && !values['fix-dry-run']) results = await lintPathsParallel(paths, options);
    if (fixed.failed) return 2;
  }

  const root = repositoryRoot(rootOption, cwd);
  const all = collectFindings(results, root, cwd);

  const writeBaseline = str('write-baseline');
  if (writeBaseline) {
    const err = writeTextFile(path.resolve(cwd, writeBaseline), JSON.stringify(makeBaseline(all), null, 2) + '\n');
    if (err) {
      io.stderr(`cadre-ia: ${t(BASELINE_MSG.writeError, locale, { file: writeBaseline, why: writeMessage(err, locale) })}\n`);
      return 2;
    }
    io.stdout(t(BASELINE_MSG.written, locale, { file: writeBaseline, n: plural(all.length, WORDS.finding, locale) }) + '\n');
    return results.some((r) => r.ioError) ? 2 : 0;
  }

  let findings = all;
  let baselined = 0;
  const baselineFile = str('baseline');
  if (baselineFile) {
    const read = readBaseline(path.resolve(cwd, baselineFile));
    if ('error' in read) {
      const why = read.error === 'MALFORMED' ? undefined : ioMessage(read.error, locale);
      io.stderr(`cadre-ia: ${why ? t(BASELINE_MSG.unreadable, locale, { file: baselineFile, why }) : t(BASELINE_MSG.malformed, locale, { file: baselineFile })}\n`);
      return 2;
    }
    const applied = applyBaseline(findings, read.baseline);
    findings = applied.fresh;
    baselined = applied.known;
  }
  if (values.quiet) findings = findings.filter((f) => f.diagnostic.severity === 'error');

  const color = wantColor(values.color as boolean | undefined, io.env, io.isTTY);
  const run: LintRun = { results, findings, baselined, locale, catalogue, version: VERSION, root, cwd, color };
  if (output) {
    const err = writeTextFile(path.resolve(cwd, output), FORMATTERS[format]({ ...run, color: false }));
    if (err) {
      io.stderr(`cadre-ia: ${t(OUTPUT_MSG.error, locale, { file: output, why: writeMessage(err, locale) })}\n`);
      return 2;
    }
    io.stdout(formatText(run));
    io.stdout(t(OUTPUT_MSG.written, locale, { format, file: output }) + '\n');
  } else {
    io.stdout(FORMATTERS[format](run));
  }
  const ioErrors = results.filter((r) => r.ioError);
  // The text output shows unreadable files itself; the other formats say it on stderr.
  if (format !== 'text' || output) for (const r of ioErrors) io.stderr(`cadre-ia: ${t(LINT_MSG.ioError, locale, { file: r.file, why: ioMessage(r.ioError!, locale) })}\n`);
  if (ioErrors.length) return 2;
  if (findings.some((f) => f.diagnostic.severity === 'error')) return 1;
  const warnings = findings.filter((f) => f.diagnostic.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`cadre-ia: ${t(LINT_MSG.tooManyWarnings, locale, { n: warnings, max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
