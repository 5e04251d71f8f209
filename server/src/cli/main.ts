import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Catalogue } from '../core/catalogue';
import { defaultCatalogue, knownRuleIds } from '../core/engine';
import { localeFromEnv, resolveLocale, t } from '../core/i18n';
import { ioMessage } from '../core/fileResult';
import { loadCatalogueFile } from '../node/catalogue';
import { lintPaths } from '../node/lintFiles';
import type { Locale, Localized } from '../core/types';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import pkg from '../../../package.json';

export const VERSION: string = pkg.version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const USAGE: Localized = {
  fr: `Usage : cadre-ia <commande> [options]

Commandes :
  lint [chemins…]     vérifie les déclarations (*.ia.yaml, *.ia.yml) des fichiers et dossiers donnés (. par défaut)
  report [chemins…]   écrit le bilan annuel public (Markdown, HTML, CSV, JSON) : cadre-ia report --help
  lsp --stdio         démarre le serveur de langage (LSP) pour un éditeur

Options de lint :
  --format text|json|sarif   format de sortie (text par défaut)
  --locale fr|en             langue des messages (selon l'environnement, français sinon)
  --catalogue FICHIER        catalogue d'une autre ville (YAML) au lieu de celui de Lyon
  --date AAAA-MM-JJ          date du jour (pour des résultats reproductibles)
  -h, --help                 cette aide
  -v, --version              la version

Code de sortie : 0 sans erreur, 1 si au moins une erreur, 2 en cas d'usage incorrect ou d'échec de lecture.
`,
  en: `Usage: cadre-ia <command> [options]

Commands:
  lint [paths…]       checks the declarations (*.ia.yaml, *.ia.yml) in the given files and folders (. by default)
  report [paths…]     writes the public annual report (Markdown, HTML, CSV, JSON): cadre-ia report --help
  lsp --stdio         starts the language server (LSP) for an editor

Lint options:
  --format text|json|sarif   output format (text by default)
  --locale fr|en             message language (from the environment, French otherwise)
  --catalogue FILE           another city's catalogue (YAML) instead of Lyon's
  --date YYYY-MM-DD          today's date (for reproducible results)
  -h, --help                 this help
  -v, --version              the version

Exit code: 0 without errors, 1 with at least one error, 2 on wrong usage or read failure.
`,
};

const MSG: Record<string, Localized> = {
  badFormat: { fr: 'format inconnu « {v} » (text, json ou sarif)', en: "unknown format '{v}' (text, json or sarif)" },
  badDate: { fr: 'date invalide « {v} » (AAAA-MM-JJ)', en: "invalid date '{v}' (YYYY-MM-DD)" },
  badCatalogue: { fr: 'catalogue inutilisable {file} : {why}', en: 'unusable catalogue {file}: {why}' },
  unknownCommand: { fr: 'commande inconnue « {v} »', en: "unknown command '{v}'" },
  ioError: { fr: '{file} : {why}', en: '{file}: {why}' },
};

export type CommandHandler = (args: string[], io: Io, locale: Locale) => Promise<number> | number;

/** Other commands (lsp, report) register here, so that this file stays the only dispatcher. */
export const COMMANDS = new Map<string, CommandHandler>();

export async function main(argv: string[], io: Io): Promise<number> {
  const envLocale = localeFromEnv(io.env);
  const [command, ...rest] = argv;
  if (!command) {
    io.stderr(t(USAGE, envLocale));
    return 2;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout(t(USAGE, envLocale));
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  if (command === 'lint') return lint(rest, io, envLocale);
  const handler = COMMANDS.get(command);
  if (handler) return handler(rest, io, envLocale);
  io.stderr(`cadre-ia: ${t(MSG.unknownCommand, envLocale, { v: command })}\n\n${t(USAGE, envLocale)}`);
  return 2;
}

/** Options shared by lint and report. */
export interface CommonOptions {
  locale: Locale;
  catalogue: Catalogue;
  now: Date;
}

export function resolveCommon(values: { locale?: string; catalogue?: string; date?: string }, io: Io, envLocale: Locale): CommonOptions | string {
  const locale = values.locale ? resolveLocale(values.locale, envLocale) : envLocale;
  let now = new Date();
  const date = values.date ?? io.env.CADRE_IA_DATE;
  if (date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return t(MSG.badDate, locale, { v: date });
    now = new Date(date + 'T12:00:00Z');
  }
  let catalogue: Catalogue;
  if (values.catalogue) {
    const load = loadCatalogueFile(values.catalogue, knownRuleIds());
    if (!load.catalogue) return t(MSG.badCatalogue, locale, { file: values.catalogue, why: load.errors.join('; ') });
    catalogue = load.catalogue;
  } else {
    catalogue = defaultCatalogue();
  }
  return { locale, catalogue, now };
}

export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  common: CommonOptions;
}

/**
 * Parses a command's arguments: its own options plus the shared --locale, --catalogue, --date
 * and --help. Returns the exit code to use when the command must stop here (help, usage error).
 */
export function parseCommand(args: string[], options: NonNullable<ParseArgsConfig['options']>, usage: Localized, io: Io, envLocale: Locale): ParsedCommand | number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...options,
        locale: { type: 'string', short: 'l' },
        catalogue: { type: 'string', short: 'c' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`cadre-ia: ${(e as Error).message}\n\n${t(usage, envLocale)}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.stdout(t(usage, envLocale));
    return 0;
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const common = resolveCommon({ locale: str('locale'), catalogue: str('catalogue'), date: str('date') }, io, envLocale);
  if (typeof common === 'string') {
    io.stderr(`cadre-ia: ${common}\n`);
    return 2;
  }
  return { values, positionals: parsed.positionals, common };
}

function lint(args: string[], io: Io, envLocale: Locale): number {
  const parsed = parseCommand(args, { format: { type: 'string', short: 'f' } }, USAGE, io, envLocale);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals, common } = parsed;
  const format = typeof values.format === 'string' ? values.format : 'text';
  if (!['text', 'json', 'sarif'].includes(format)) {
    io.stderr(`cadre-ia: ${t(MSG.badFormat, envLocale, { v: format })}\n`);
    return 2;
  }
  const { locale, catalogue, now } = common;
  const results = lintPaths(positionals.length ? positionals : ['.'], { locale, catalogue, now });
  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, locale, catalogue, VERSION));
  else io.stdout(formatText(results, locale));
  const ioErrors = results.filter((r) => r.ioError);
  for (const r of ioErrors) if (format !== 'text') io.stderr(`cadre-ia: ${t(MSG.ioError, locale, { file: r.file, why: ioMessage(r.ioError!, locale) })}\n`);
  if (ioErrors.length) return 2;
  return results.some((r) => r.result?.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
