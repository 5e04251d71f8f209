/**
 * `cadre-ia report [paths…] [--year YYYY] [--out DIR] [--config FILE] [--locale fr|en] [--catalogue FILE] [--date YYYY-MM-DD]`
 * writes the public bilan (bilan-YYYY.md, .html), the register (registre-YYYY.csv,
 * registre-YYYY-excel.csv, registre-YYYY.json) and the internal review (bilan-YYYY-revue.html,
 * .md) into DIR. Exit code: 0 when the report is written (declarations with errors are listed in
 * the review, not fatal), 1 when declarations share an identifier (left out of the register),
 * 2 on wrong usage, an unreadable input path or configuration, or a write failure.
 */
import { t } from '../core/i18n';
import { ioMessage } from '../core/fileResult';
import { generateReport, readReportConfig } from '../node/report';
import type { Locale, Localized } from '../core/types';
import { COMMAND_SUMMARIES, COMMANDS, parseCommand, type Io } from './main';

const USAGE: Localized = {
  fr: `Usage : cadre-ia report [chemins…] [options]

Écrit le bilan annuel des usages de l'IA à partir des déclarations (*.ia.yaml) trouvées
dans les fichiers et dossiers donnés (. par défaut) :
  bilan-AAAA.md, bilan-AAAA.html    le bilan public, à mettre en ligne (Markdown et page HTML autonome)
  registre-AAAA.csv                 le registre pour les portails open data (UTF-8, virgule)
  registre-AAAA-excel.csv           le même registre pour Excel (BOM, point-virgule, virgule décimale)
  registre-AAAA.json                le registre au format Eurocities (Algorithmic Transparency Standard v0.3.1)
  bilan-AAAA-revue.html, .md        la revue interne, à ne pas publier : déclarations à corriger,
                                    fichiers illisibles, identifiants en double, avertissements

Options :
  --year AAAA                année du bilan (l'année en cours par défaut)
  --out DOSSIER              dossier de sortie (report par défaut ; créé si besoin)
  --config FICHIER           configuration du bilan (YAML : ville, logo, logo_alt, introduction,
                             contact, date_publication) ; voir docs/report.md
  --locale fr|en             langue du bilan (selon l'environnement, français sinon)
  --catalogue FICHIER        catalogue d'un cadre (YAML), répétable ; chaque déclaration suit son cadre:
  --date AAAA-MM-JJ          date du jour, date de publication par défaut (sinon aujourd'hui)
  -h, --help                 cette aide

Code de sortie : 0 quand le bilan est écrit (les déclarations en erreur sont dans la revue),
1 si des déclarations partagent un identifiant (écartées du registre), 2 en cas d'usage
incorrect, de chemin ou de configuration illisible, ou d'échec d'écriture.
`,
  en: `Usage: cadre-ia report [paths…] [options]

Writes the annual report on the use of AI from the declarations (*.ia.yaml) found in the
given files and folders (. by default):
  bilan-YYYY.md, bilan-YYYY.html    the public report, to put online (Markdown and a self-contained HTML page)
  registre-YYYY.csv                 the register for open-data portals (UTF-8, comma)
  registre-YYYY-excel.csv           the same register for Excel (BOM, semicolon, decimal comma)
  registre-YYYY.json                the register in the Eurocities format (Algorithmic Transparency Standard v0.3.1)
  bilan-YYYY-revue.html, .md        the internal review, not for publication: declarations to
                                    correct, unreadable files, duplicate identifiers, warnings

Options:
  --year YYYY                year of the report (the current year by default)
  --out FOLDER               output folder (report by default; created if needed)
  --config FILE              report configuration (YAML: ville, logo, logo_alt, introduction,
                             contact, date_publication); see docs/report.md
  --locale fr|en             language of the report (from the environment, French otherwise)
  --catalogue FILE           a framework's catalogue (YAML), repeatable; each declaration follows its cadre:
  --date YYYY-MM-DD          today's date, the default publication date (otherwise today)
  -h, --help                 this help

Exit code: 0 when the report is written (declarations with errors are in the review),
1 when declarations share an identifier (left out of the register), 2 on wrong usage, an
unreadable path or configuration, or a write failure.
`,
};

const MSG: Record<string, Localized> = {
  badYear: { fr: 'année invalide « {v} » (AAAA)', en: "invalid year '{v}' (YYYY)" },
  written: {
    fr: 'Bilan {year} écrit dans {out} : {projects} projet(s) en service ou en expérimentation, {studied} à l’étude, {flagged} déclaration(s) à corriger, {unreadable} fichier(s) illisible(s).',
    en: 'Report {year} written to {out}: {projects} project(s) in use or in experiment, {studied} under study, {flagged} declaration(s) to correct, {unreadable} unreadable file(s).',
  },
  ioError: { fr: '{file} : {why}', en: '{file}: {why}' },
  writeError: { fr: 'écriture impossible de {file} : {why}', en: 'cannot write {file}: {why}' },
  duplicate: {
    fr: 'identifiant « {id} » déclaré par plusieurs fichiers, écartés du bilan et du registre : {files}',
    en: "identifier '{id}' declared by several files, left out of the report and the register: {files}",
  },
  review: { fr: 'À relire avant publication : {file}', en: 'To review before publication: {file}' },
};

export async function reportCommand(args: string[], io: Io, envLocale: Locale): Promise<number> {
  const parsed = parseCommand(args, { year: { type: 'string', short: 'y' }, out: { type: 'string', short: 'o' }, config: { type: 'string' } }, USAGE, io, envLocale);
  if (typeof parsed === 'number') return parsed;
  const { positionals, common } = parsed;
  const values = parsed.values as { year?: string; out?: string; date?: string; config?: string };
  const { locale, catalogue, catalogues, now } = common;
  let year = now.getUTCFullYear();
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1900) {
      io.stderr(`cadre-ia: ${t(MSG.badYear, locale, { v: values.year })}\n`);
      return 2;
    }
    year = Number(values.year);
  }
  const out = values.out ?? 'report';
  let header = {};
  if (values.config !== undefined) {
    const config = readReportConfig(values.config, locale);
    for (const e of config.errors) io.stderr(`cadre-ia: ${e}\n`);
    if (config.errors.length) return 2;
    header = config.header;
  }
  const injected = values.date ?? io.env.CADRE_IA_DATE;
  const { model, results, write } = generateReport(positionals.length ? positionals : ['.'], out, {
    year,
    locale,
    catalogue,
    catalogues,
    now,
    generatedOn: injected ? injected : undefined,
    header,
  });
  for (const r of results) if (r.ioError) io.stderr(`cadre-ia: ${t(MSG.ioError, locale, { file: r.file, why: ioMessage(r.ioError, locale) })}\n`);
  if ('error' in write) {
    io.stderr(`cadre-ia: ${t(MSG.writeError, locale, { file: write.file, why: ioMessage(write.error, locale) })}\n`);
    return 2;
  }
  io.stdout(
    t(MSG.written, locale, {
      year,
      out,
      projects: model.totals.projects,
      studied: model.totals.studied,
      flagged: model.totals.flagged,
      unreadable: model.unreadable.length,
    }) + '\n',
  );
  for (const f of write.files) io.stdout(`  ${f}\n`);
  for (const d of model.duplicates) io.stderr(`cadre-ia: ${t(MSG.duplicate, locale, { id: d.id, files: d.files.join(', ') })}\n`);
  const review = write.files.find((f) => f.endsWith('-revue.html'));
  if (review && (model.totals.flagged || model.unreadable.length || model.duplicates.length || model.dataWarnings.length)) io.stdout(t(MSG.review, locale, { file: review }) + '\n');
  if (results.some((r) => r.ioError)) return 2;
  return model.duplicates.length ? 1 : 0;
}

COMMANDS.set('report', reportCommand);
COMMAND_SUMMARIES.set('report', {
  fr: 'écrit le bilan annuel public, la revue interne et les registres (CSV, JSON Eurocities) d’une année : report [chemins…] --year AAAA --out DOSSIER',
  en: 'writes the public annual bilan, the internal review and the registers (CSV, Eurocities JSON) of a year: report [paths…] --year YYYY --out DIR',
});
