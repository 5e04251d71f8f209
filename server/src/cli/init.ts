/**
 * `cadre-ia init [FILE] [--nom NOM] [--direction DIRECTION] [--id ID]` writes a new declaration
 * from the same template as VS Code's "new declaration" (`renderDeclaration`, from
 * `schemas/templates.yaml`): every field the team must fill in says "A COMPLETER", so the file
 * lints without errors and each engagement is "à compléter" until then. Never overwrites: an
 * existing file is exit 2 and is left as it was.
 */
import * as path from 'node:path';
import { isDeclarationFile } from '../core/fileResult';
import { t } from '../core/i18n';
import { PLACEHOLDER, renderDeclaration, slugify } from '../core/templates';
import type { Locale, Localized } from '../core/types';
import { OUTPUT_MSG, usageError, writeMessage, writeTextFile } from './args';
import { COMMANDS, COMMAND_SUMMARIES, parseCommand, type Io } from './main';

const USAGE: Localized = {
  fr: `Usage : cadre-ia init [FICHIER] [options]

Écrit une nouvelle déclaration à partir du modèle (le même que la commande « Nouvelle
déclaration » de VS Code) : chaque champ à renseigner dit « A COMPLETER ». Sans FICHIER, le nom
est tiré de --nom : <nom-en-minuscules>.ia.yaml. Un fichier existant n'est jamais remplacé.

Options :
      --nom NOM              nom du projet (sinon « A COMPLETER »)
      --direction DIRECTION  direction responsable du projet (sinon « A COMPLETER »)
      --id ID                identifiant du projet (projet.id) ; par défaut tiré du nom du
                             fichier ou de --nom
  -l, --locale fr|en         langue des messages (selon l'environnement, français sinon)
  -h, --help                 cette aide

Code de sortie : 0 quand la déclaration est écrite ; 2 en cas d'usage incorrect, de fichier
existant ou d'échec d'écriture.
`,
  en: `Usage: cadre-ia init [FILE] [options]

Writes a new declaration from the template (the same as VS Code's "New declaration" command):
every field to fill in says "A COMPLETER". Without FILE, the name comes from --nom:
<lowercase-name>.ia.yaml. An existing file is never replaced.

Options:
      --nom NAME             name of the project (else "A COMPLETER")
      --direction DEPT       department in charge of the project (else "A COMPLETER")
      --id ID                the project's id (projet.id); by default from the file name or --nom
  -l, --locale fr|en         message language (from the environment, French otherwise)
  -h, --help                 this help

Exit code: 0 when the declaration is written; 2 on wrong usage, an existing file or a write
failure.
`,
};

export const INIT_MSG: Record<string, Localized> = {
  noName: {
    fr: 'donnez un nom de fichier ou --nom (cadre-ia init projet.ia.yaml, ou cadre-ia init --nom "Mon projet")',
    en: 'give a file name or --nom (cadre-ia init project.ia.yaml, or cadre-ia init --nom "My project")',
  },
  tooMany: { fr: 'un seul fichier à la fois (reçu : {files})', en: 'one file at a time (given: {files})' },
  badName: { fr: '« {file} » : le nom d’une déclaration finit par .ia.yaml (ou .ia.yml)', en: "'{file}': a declaration's name ends with .ia.yaml (or .ia.yml)" },
  exists: { fr: '{file} existe déjà : rien n’est écrit (choisissez un autre nom)', en: '{file} already exists: nothing written (choose another name)' },
  written: {
    fr: 'Déclaration écrite : {file}. Remplacez chaque « A COMPLETER », puis : cadre-ia lint {file}',
    en: 'Declaration written: {file}. Replace each "A COMPLETER", then: cadre-ia lint {file}',
  },
  emptyValue: { fr: 'l’option {opt} attend un texte non vide', en: 'option {opt} needs a non-empty text' },
};

const MISSING: Record<'nom' | 'direction', string> = {
  nom: `${PLACEHOLDER} : nom du projet`,
  direction: `${PLACEHOLDER} : direction responsable du projet`,
};

export async function initCommand(args: string[], io: Io, envLocale: Locale): Promise<number> {
  const parsed = parseCommand(args, { nom: { type: 'string' }, direction: { type: 'string' }, id: { type: 'string' } }, USAGE, io, envLocale, 'init');
  if (typeof parsed === 'number') return parsed;
  const { positionals, common } = parsed;
  const { locale } = common;
  const values = parsed.values as { nom?: string; direction?: string; id?: string };
  for (const opt of ['nom', 'direction', 'id'] as const) {
    if (values[opt] !== undefined && !values[opt]!.trim()) return usageError(io, locale, 'init', t(INIT_MSG.emptyValue, locale, { opt: `--${opt}` }));
  }
  if (positionals.length > 1) return usageError(io, locale, 'init', t(INIT_MSG.tooMany, locale, { files: positionals.join(', ') }));
  const given = positionals[0];
  if (given === undefined && values.nom === undefined) return usageError(io, locale, 'init', t(INIT_MSG.noName, locale));
  if (given !== undefined && !isDeclarationFile(path.basename(given))) return usageError(io, locale, 'init', t(INIT_MSG.badName, locale, { file: given }));
  // projet.id: --id, else the file's name without .ia.yaml, else the slug of --nom.
  const id = values.id ?? (given !== undefined ? slugify(path.basename(given).replace(/\.ia\.ya?ml$/i, '')) : undefined);
  const rendered = renderDeclaration({ nom: values.nom ?? MISSING.nom, direction: values.direction ?? MISSING.direction, id });
  const file = given ?? rendered.fileName;
  const cwd = io.cwd ?? process.cwd();
  const target = path.resolve(cwd, file);
  const code = writeTextFile(target, rendered.text, 'wx');
  if (code) {
    io.stderr(`cadre-ia: ${code === 'EEXIST' ? t(INIT_MSG.exists, locale, { file }) : t(OUTPUT_MSG.error, locale, { file, why: writeMessage(code, locale) })}\n`);
    return 2;
  }
  io.stdout(t(INIT_MSG.written, locale, { file }) + '\n');
  return 0;
}

COMMANDS.set('init', initCommand);
COMMAND_SUMMARIES.set('init', {
  fr: 'écrit une nouvelle déclaration à partir du modèle (jamais par-dessus un fichier existant)',
  en: 'writes a new declaration from the template (never over an existing file)',
});
