/**
 * `cadre-ia notice FILE… [--format md|html] [--output FILE | --out DIR] [--config FILE] [--locale fr|en] [--catalogue FILE] [--date YYYY-MM-DD]`
 * writes the transparency notice of each declaration (core/notice): to stdout for one file, to
 * `--output FILE` for one file, or as `notice-<projet.id>.md|html` into `--out DIR`. Missing facts
 * are "à compléter" gaps in the notice and counted on stderr. Exit code: 0 when every notice is
 * written, 2 on wrong usage, an unreadable file or configuration, a file that is not a
 * declaration, or a write failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ioMessage } from '../core/fileResult';
import { t } from '../core/i18n';
import { noticeOfText, type NoticeFormat } from '../core/notice/index';
import type { Locale, Localized } from '../core/types';
import { findDeclarations, readDeclaration } from '../node/files';
import { readReportConfig } from '../node/report';
import { DEFAULT_MAX_CHARS } from '../core/parse';
import { plural, usageError, writeMessage } from './args';
import { COMMANDS, COMMAND_SUMMARIES, parseCommand, type Io } from './main';

const USAGE: Localized = {
  fr: `Usage : cadre-ia notice FICHIER… [options]

Écrit la notice d’information (transparence) de chaque déclaration : ce que fait le système et
pourquoi, qui en répond, le contrôle humain, les données, les droits et recours, la mention IA
(E07), l’information des personnes qui échangent avec le système (règlement sur l’IA, art. 50)
et, si le système contribue à des décisions individuelles, la mention explicite du code des
relations entre le public et l’administration (art. L311-3-1). Ce que la déclaration ne dit pas
apparaît comme « à compléter », jamais inventé.

Options :
  --format md|html           Markdown (par défaut) ou page HTML autonome
  --output FICHIER           écrit la notice dans ce fichier (une seule déclaration)
  --out DOSSIER              écrit notice-<projet.id>.md|html dans ce dossier (créé si besoin)
  --config FICHIER           configuration du bilan (ville : le nom de la collectivité) ; voir docs/report.md
  --locale fr|en             langue de la notice (selon l'environnement, français sinon)
  --catalogue FICHIER        catalogue d'un cadre (YAML), répétable ; chaque déclaration suit son cadre:
  --date AAAA-MM-JJ          date du jour (dérogations en vigueur) ; écrite dans la notice
  -h, --help                 cette aide

Sans --output ni --out, la notice d’une seule déclaration est écrite sur la sortie standard.
Code de sortie : 0 quand chaque notice est écrite, 2 en cas d'usage incorrect, de fichier
illisible ou qui n'est pas une déclaration, ou d'échec d'écriture.
`,
  en: `Usage: cadre-ia notice FILE… [options]

Writes the information (transparency) notice of each declaration: what the system does and why,
who is responsible, human control, data, rights and appeal, the AI mention (E07), the
information of people who interact with the system (AI Act, art. 50) and, when the system
contributes to individual decisions, the explicit mention of the French code of relations
between the public and the administration (art. L311-3-1). What the declaration does not say
shows as "to be completed", never invented.

Options:
  --format md|html           Markdown (default) or a self-contained HTML page
  --output FILE              writes the notice to this file (one declaration only)
  --out FOLDER               writes notice-<projet.id>.md|html into this folder (created if needed)
  --config FILE              report configuration (ville: the public body's name); see docs/report.md
  --locale fr|en             language of the notice (from the environment, French otherwise)
  --catalogue FILE           a framework's catalogue (YAML), repeatable; each declaration follows its cadre:
  --date YYYY-MM-DD          today's date (derogations in force); written in the notice
  -h, --help                 this help

Without --output or --out, the notice of a single declaration is written to standard output.
Exit code: 0 when every notice is written, 2 on wrong usage, a file that cannot be read or is
not a declaration, or a write failure.
`,
};

const MSG: Record<string, Localized> = {
  noFile: { fr: 'aucune déclaration donnée (cadre-ia notice FICHIER)', en: 'no declaration given (cadre-ia notice FILE)' },
  oneOnly: { fr: '{n} déclarations trouvées : --out DOSSIER pour en écrire plusieurs', en: '{n} declarations found: --out FOLDER to write several' },
  both: { fr: '--output et --out ne vont pas ensemble', en: '--output and --out cannot be combined' },
  ioError: { fr: '{file} : {why}', en: '{file}: {why}' },
  notDeclaration: { fr: '{file} : le fichier ne contient pas une déclaration (un dictionnaire YAML)', en: '{file}: the file does not hold a declaration (a YAML mapping)' },
  writeError: { fr: 'écriture impossible de {file} : {why}', en: 'cannot write {file}: {why}' },
  gaps: { fr: '{file} : {gaps} à compléter : {list}', en: '{file}: {gaps} to be completed: {list}' },
  written: { fr: 'Notice écrite : {file}', en: 'Notice written: {file}' },
  sameName: { fr: '{file} : même nom de notice que {other} (projet.id en double), non écrite', en: '{file}: same notice name as {other} (duplicate projet.id), not written' },
};

const GAP_FORMS: Record<Locale, [string, string]> = { fr: ['élément', 'éléments'], en: ['item', 'items'] };

export async function noticeCommand(args: string[], io: Io, envLocale: Locale): Promise<number> {
  const parsed = parseCommand(
    args,
    { format: { type: 'string', short: 'f', choices: ['md', 'html'] }, output: { type: 'string', short: 'o' }, out: { type: 'string' }, config: { type: 'string' } },
    USAGE,
    io,
    envLocale,
    'notice',
  );
  if (typeof parsed === 'number') return parsed;
  const { positionals, common } = parsed;
  const values = parsed.values as { format?: NoticeFormat; output?: string; out?: string; config?: string; date?: string };
  const { locale, frameworks, now } = common;
  const format: NoticeFormat = values.format ?? 'md';
  if (!positionals.length) return usageError(io, locale, 'notice', t(MSG.noFile, locale));
  if (values.output !== undefined && values.out !== undefined) return usageError(io, locale, 'notice', t(MSG.both, locale));
  let organisation: string | undefined;
  if (values.config !== undefined) {
    const config = readReportConfig(values.config, locale);
    for (const e of config.errors) io.stderr(`cadre-ia: ${e}\n`);
    if (config.errors.length) return 2;
    organisation = config.header.city;
  }
  const cwd = io.cwd ?? process.cwd();
  const found = findDeclarations(positionals, cwd);
  const ok = found.filter((f) => !f.error);
  if (ok.length > 1 && values.out === undefined) return usageError(io, locale, 'notice', t(MSG.oneOnly, locale, { n: ok.length }));
  const injected = values.date ?? io.env.CADRE_IA_DATE;
  let code = 0;
  for (const f of found)
    if (f.error) {
      io.stderr(`cadre-ia: ${t(MSG.ioError, locale, { file: f.file, why: ioMessage(f.error, locale) })}\n`);
      code = 2;
    }
  if (values.out !== undefined) {
    try {
      fs.mkdirSync(path.resolve(cwd, values.out), { recursive: true });
    } catch (e) {
      io.stderr(`cadre-ia: ${t(MSG.writeError, locale, { file: values.out, why: writeMessage((e as NodeJS.ErrnoException).code ?? 'EIO', locale) })}\n`);
      return 2;
    }
  }
  const written = new Map<string, string>();
  for (const f of ok) {
    const read = readDeclaration(path.resolve(cwd, f.file), DEFAULT_MAX_CHARS);
    if ('error' in read) {
      io.stderr(`cadre-ia: ${t(MSG.ioError, locale, { file: f.file, why: ioMessage(read.error, locale) })}\n`);
      code = 2;
      continue;
    }
    const notice = noticeOfText(read.text, format, {
      locale,
      now,
      organisation,
      generatedOn: injected || undefined,
      // The declaration's own framework names the organisation and the engagements.
      frameworkOf: (cadre) => (cadre && frameworks.get(cadre)) || frameworks.fallback,
    });
    if (!notice.model) {
      io.stderr(`cadre-ia: ${t(MSG.notDeclaration, locale, { file: f.file })}\n`);
      code = 2;
      continue;
    }
    const model = notice.model;
    if (model.gaps.length) io.stderr(`cadre-ia: ${t(MSG.gaps, locale, { file: f.file, gaps: plural(model.gaps.length, GAP_FORMS, locale), list: model.gaps.join(locale === 'fr' ? ' ; ' : '; ') })}\n`);
    let target: string | undefined;
    if (values.output !== undefined) target = values.output;
    else if (values.out !== undefined) target = path.join(values.out, notice.name);
    if (target === undefined) {
      io.stdout(notice.content);
      continue;
    }
    const other = written.get(target);
    if (other !== undefined) {
      io.stderr(`cadre-ia: ${t(MSG.sameName, locale, { file: f.file, other })}\n`);
      code = 2;
      continue;
    }
    try {
      fs.writeFileSync(path.resolve(cwd, target), notice.content, 'utf8');
      written.set(target, f.file);
      io.stdout(t(MSG.written, locale, { file: target }) + '\n');
    } catch (e) {
      io.stderr(`cadre-ia: ${t(MSG.writeError, locale, { file: target, why: writeMessage((e as NodeJS.ErrnoException).code ?? 'EIO', locale) })}\n`);
      code = 2;
    }
  }
  return code;
}

COMMANDS.set('notice', noticeCommand);
COMMAND_SUMMARIES.set('notice', {
  fr: 'écrit la notice d’information (transparence) d’une déclaration, en Markdown ou HTML',
  en: 'writes the information (transparency) notice of a declaration, as Markdown or HTML',
});
