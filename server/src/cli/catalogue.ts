/**
 * `cadre-ia catalogue check FILE…` and `cadre-ia catalogue init FILE [--id ID]`: writing a
 * city's catalogue from the command line, with the same diagnostics as the editor
 * (core/catalogueAuthoring.ts). Exit 0 when every file is valid, 1 when one has a problem, 2 on
 * wrong usage or an unreadable file.
 */
import * as fs from 'node:fs';
import { catalogueSummary, checkCatalogueText } from '../core/catalogueAuthoring';
import { MAX_CATALOGUE_BYTES } from '../core/catalogue';
import { ioMessage } from '../core/fileResult';
import { SEVERITY_LABELS, t } from '../core/i18n';
import type { Locale, Localized } from '../core/types';
import { readResource } from '../node/resources';
import { parseCommand, plural, usageError, writeMessage, type Io } from './args';
import { paint, wantColor } from './formats/colour';
import { COMMANDS, COMMAND_SUMMARIES } from './main';

const USAGE: Localized = {
  fr: `Usage : cadre-ia catalogue check FICHIER… [--format text|json] [--locale fr|en]
        cadre-ia catalogue init FICHIER [--id IDENTIFIANT]

  check   vérifie des catalogues : YAML, schéma (schemas/catalogue.schema.json), règles inconnues
          (avec « vouliez-vous dire »), règles mal placées, options invalides, champs et principes inconnus
  init    écrit un catalogue de départ (schemas/modele.catalogue.yaml) à compléter ; --id fixe son identifiant
          (celui que les déclarations citent dans cadre: <id>/v1)

Guide : docs/catalogue-guide.md. Code de sortie : 0 sans problème, 1 si un catalogue a un problème, 2 en cas d'usage incorrect ou d'échec de lecture.
`,
  en: `Usage: cadre-ia catalogue check FILE… [--format text|json] [--locale fr|en]
       cadre-ia catalogue init FILE [--id ID]

  check   checks catalogues: YAML, schema (schemas/catalogue.schema.json), unknown rules (with
          "did you mean"), misplaced rules, invalid options, unknown fields and principles
  init    writes a starting catalogue (schemas/modele.catalogue.yaml) to complete; --id sets its id
          (the one declarations name in cadre: <id>/v1)

Guide: docs/catalogue-guide.md. Exit code: 0 without problems, 1 when a catalogue has a problem, 2 on wrong usage or read failure.
`,
};

const MSG = {
  subcommand: { fr: 'sous-commande attendue : check ou init', en: 'expected a subcommand: check or init' },
  noFile: { fr: 'aucun fichier de catalogue donné', en: 'no catalogue file given' },
  oneFile: { fr: 'init écrit un seul fichier', en: 'init writes one file' },
  exists: { fr: '{file} existe déjà : choisissez un autre nom', en: '{file} already exists: choose another name' },
  badId: { fr: 'identifiant « {v} » refusé (minuscules, chiffres et tirets, par exemple ma-ville-ia)', en: "id '{v}' refused (lowercase letters, digits and hyphens, e.g. my-town-ia)" },
  written: { fr: '{file} écrit ({cadre}) : complétez-le, puis « cadre-ia catalogue check {file} ».', en: "{file} written ({cadre}): complete it, then 'cadre-ia catalogue check {file}'." },
  writeError: { fr: 'impossible d’écrire {file} : {why}', en: 'cannot write {file}: {why}' },
  unreadable: { fr: '{file} : {why}', en: '{file}: {why}' },
  tooLarge: { fr: 'catalogue de plus de 2 Mio', en: 'catalogue larger than 2 MiB' },
  summary: { fr: '{problems} dans {files}', en: '{problems} in {files}' },
} satisfies Record<string, Localized>;

const WORDS = {
  problem: { fr: ['problème', 'problèmes'], en: ['problem', 'problems'] } as Record<Locale, [string, string]>,
  file: { fr: ['fichier', 'fichiers'], en: ['file', 'files'] } as Record<Locale, [string, string]>,
};

function readText(file: string): { text: string } | { error: string } {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { error: 'EISDIR' };
    if (st.size > MAX_CATALOGUE_BYTES) return { error: 'TOO_LARGE' };
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? 'EIO' };
  }
}

export async function catalogueCommand(args: string[], io: Io, envLocale: Locale): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '-h' || sub === '--help' || sub === undefined) {
    if (sub === undefined) return usageError(io, envLocale, 'catalogue', t(MSG.subcommand, envLocale));
    io.stdout(t(USAGE, envLocale));
    return 0;
  }
  if (sub === 'init') return init(rest, io, envLocale);
  if (sub !== 'check') return usageError(io, envLocale, 'catalogue', t(MSG.subcommand, envLocale));
  const parsed = parseCommand(rest, { format: { type: 'string', short: 'f', choices: ['text', 'json'] }, color: { type: 'boolean' } }, USAGE, io, envLocale, 'catalogue');
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, common } = parsed;
  const { locale } = common;
  if (!positionals.length) return usageError(io, locale, 'catalogue', t(MSG.noFile, locale));
  const p = paint(wantColor(values.color as boolean | undefined, io.env, io.isTTY));
  const json: unknown[] = [];
  let problems = 0;
  let unreadable = false;
  for (const file of positionals) {
    const read = readText(file);
    if ('error' in read) {
      unreadable = true;
      const why = read.error === 'TOO_LARGE' ? t(MSG.tooLarge, locale) : ioMessage(read.error, locale);
      io.stderr(`cadre-ia: ${t(MSG.unreadable, locale, { file, why })}\n`);
      json.push({ file, error: read.error });
      continue;
    }
    const check = checkCatalogueText(read.text, locale, file);
    problems += check.diagnostics.length;
    if (values.format === 'json') {
      json.push({
        file,
        valid: !!check.load.catalogue && check.diagnostics.length === 0,
        ...(check.load.catalogue ? { cadre: `${check.load.catalogue.id}/${check.load.catalogue.version}` } : {}),
        diagnostics: check.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
      });
      continue;
    }
    for (const d of check.diagnostics) {
      const sev = t(SEVERITY_LABELS[d.severity], locale);
      io.stdout(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${d.severity === 'error' ? p.red(sev) : p.yellow(sev)}  ${d.message}  ${p.dim(d.code)}\n`);
    }
    const ok = catalogueSummary(check, locale);
    if (ok && !check.diagnostics.length) io.stdout(`${p.bold(file)}  ${p.green(ok)}\n`);
  }
  if (values.format === 'json') io.stdout(JSON.stringify(json, null, 2) + '\n');
  else if (problems) io.stdout(`\n${p.bold(t(MSG.summary, locale, { problems: plural(problems, WORDS.problem, locale), files: plural(positionals.length, WORDS.file, locale) }))}\n`);
  if (unreadable) return 2;
  return problems ? 1 : 0;
}

function init(args: string[], io: Io, envLocale: Locale): number {
  const parsed = parseCommand(args, { id: { type: 'string' } }, USAGE, io, envLocale, 'catalogue');
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, common } = parsed;
  const { locale } = common;
  if (positionals.length !== 1) return usageError(io, locale, 'catalogue', t(positionals.length ? MSG.oneFile : MSG.noFile, locale));
  const file = positionals[0];
  const id = typeof values.id === 'string' ? values.id : 'ma-ville-ia';
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > 64) return usageError(io, locale, 'catalogue', t(MSG.badId, locale, { v: id }));
  if (fs.existsSync(file)) {
    io.stderr(`cadre-ia: ${t(MSG.exists, locale, { file })}\n`);
    return 2;
  }
  const text = readResource('schemas/modele.catalogue.yaml').replace(/^id: ma-ville-ia$/m, `id: ${id}`);
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (e) {
    io.stderr(`cadre-ia: ${t(MSG.writeError, locale, { file, why: writeMessage((e as NodeJS.ErrnoException).code ?? String(e), locale) })}\n`);
    return 2;
  }
  io.stdout(t(MSG.written, locale, { file, cadre: `${id}/v1` }) + '\n');
  return 0;
}

COMMANDS.set('catalogue', catalogueCommand);
COMMAND_SUMMARIES.set('catalogue', {
  fr: 'écrit et vérifie le catalogue d’un cadre : catalogue init FICHIER, catalogue check FICHIER…',
  en: "writes and checks a framework's catalogue: catalogue init FILE, catalogue check FILE…",
});
