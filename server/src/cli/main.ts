/**
 * The `cadre-ia` dispatcher. Each command lives in its own file and registers itself in
 * COMMANDS (with its one-line summary for the help); the shared argument parser and usage
 * errors are in args.ts.
 */
import { localeFromEnv, t } from '../core/i18n';
import { closest } from '../core/text';
import type { Locale, Localized } from '../core/types';
import { usageError, type Io } from './args';
import { lintCommand } from './lint';
import { VERSION } from './version';

export { VERSION } from './version';
export { parseCommand, resolveCommon, type CommonOptions, type Io, type ParsedCommand } from './args';

export type CommandHandler = (args: string[], io: Io, locale: Locale) => Promise<number> | number;

/** Commands by name (lint, diff, init, lsp, report…): a command file adds itself here. */
export const COMMANDS = new Map<string, CommandHandler>();

/** One line per command in the general help, by name (commands without one are not listed). */
export const COMMAND_SUMMARIES = new Map<string, Localized>();

COMMANDS.set('lint', lintCommand);
COMMAND_SUMMARIES.set('lint', {
  fr: 'vérifie les déclarations (*.ia.yaml, *.ia.yml) des fichiers et dossiers donnés (. par défaut)',
  en: 'checks the declarations (*.ia.yaml, *.ia.yml) in the given files and folders (. by default)',
});

const ORDER = ['lint', 'diff', 'init', 'report', 'notice', 'catalogue', 'lsp'];

function usage(locale: Locale): string {
  const names = [...new Set([...ORDER.filter((n) => COMMANDS.has(n)), ...COMMANDS.keys()])];
  const lines = names.map((n) => {
    const s = COMMAND_SUMMARIES.get(n) ?? (n === 'lsp' ? { fr: 'démarre le serveur de langage (LSP) : lsp --stdio', en: 'starts the language server (LSP): lsp --stdio' } : { fr: '', en: '' });
    return `  ${n.padEnd(10)} ${t(s, locale)}`;
  });
  return locale === 'fr'
    ? `Usage : cadre-ia <commande> [options]

Commandes :
${lines.join('\n')}

« cadre-ia <commande> --help » décrit les options de chaque commande.
  -h, --help      cette aide
  -v, --version   la version

Code de sortie : 0 sans erreur, 1 si au moins une erreur, 2 en cas d'usage incorrect ou d'échec de lecture.
`
    : `Usage: cadre-ia <command> [options]

Commands:
${lines.join('\n')}

'cadre-ia <command> --help' describes each command's options.
  -h, --help      this help
  -v, --version   the version

Exit code: 0 without errors, 1 with at least one error, 2 on wrong usage or read failure.
`;
}

const MSG: Record<string, Localized> = {
  noCommand: { fr: 'commande manquante (lint, diff, init, report…)', en: 'missing command (lint, diff, init, report…)' },
  unknownCommand: { fr: 'commande inconnue « {v} »', en: "unknown command '{v}'" },
  didYouMean: { fr: ' (vouliez-vous dire « {v} » ?)', en: " (did you mean '{v}'?)" },
};

export async function main(argv: string[], io: Io): Promise<number> {
  const envLocale = localeFromEnv(io.env);
  const [command, ...rest] = argv;
  if (!command) return usageError(io, envLocale, '', t(MSG.noCommand, envLocale));
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout(usage(envLocale));
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const handler = COMMANDS.get(command);
  if (handler) return handler(rest, io, envLocale);
  const guess = closest(command, COMMANDS.keys());
  return usageError(io, envLocale, '', t(MSG.unknownCommand, envLocale, { v: command }) + (guess ? t(MSG.didYouMean, envLocale, { v: guess }) : ''));
}
