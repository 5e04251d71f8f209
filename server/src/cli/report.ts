/**
 * `cadre-ia report [paths…] [--year YYYY] [--out DIR] [--locale fr|en] [--catalogue FILE] [--date YYYY-MM-DD]`
 * writes bilan-YYYY.md, bilan-YYYY.html, registre-YYYY.csv and registre-YYYY.json into DIR.
 * Exit code: 0 when the report is written (declarations with errors are flagged in it, not
 * fatal), 2 on wrong usage, an unreadable input path or a write failure.
 */
import { t } from '../core/i18n';
import { ioMessage } from '../core/fileResult';
import { generateReport } from '../node/report';
import type { Locale, Localized } from '../core/types';
import { COMMANDS, parseCommand, type Io } from './main';

const USAGE: Localized = {
  fr: `Usage : cadre-ia report [chemins…] [options]

Écrit le bilan annuel des usages de l'IA à partir des déclarations (*.ia.yaml) trouvées
dans les fichiers et dossiers donnés (. par défaut) :
  bilan-AAAA.md, bilan-AAAA.html    le bilan public (Markdown et page HTML autonome)
  registre-AAAA.csv                 le registre pour les portails open data
  registre-AAAA.json                le registre au format Eurocities (Algorithmic Transparency Standard v0.3.1)

Options :
  --year AAAA                année du bilan (l'année en cours par défaut)
  --out DOSSIER              dossier de sortie (report par défaut ; créé si besoin)
  --locale fr|en             langue du bilan (selon l'environnement, français sinon)
  --catalogue FICHIER        catalogue d'une autre ville (YAML) au lieu de celui de Lyon
  --date AAAA-MM-JJ          date du jour, écrite dans le bilan (sinon aucune date : sortie reproductible)
  -h, --help                 cette aide

Code de sortie : 0 quand le bilan est écrit (les déclarations en erreur y sont signalées),
2 en cas d'usage incorrect, de chemin illisible ou d'échec d'écriture.
`,
  en: `Usage: cadre-ia report [paths…] [options]

Writes the annual report on the use of AI from the declarations (*.ia.yaml) found in the
given files and folders (. by default):
  bilan-YYYY.md, bilan-YYYY.html    the public report (Markdown and a self-contained HTML page)
  registre-YYYY.csv                 the register for open-data portals
  registre-YYYY.json                the register in the Eurocities format (Algorithmic Transparency Standard v0.3.1)

Options:
  --year YYYY                year of the report (the current year by default)
  --out FOLDER               output folder (report by default; created if needed)
  --locale fr|en             language of the report (from the environment, French otherwise)
  --catalogue FILE           another city's catalogue (YAML) instead of Lyon's
  --date YYYY-MM-DD          today's date, written in the report (otherwise no date: reproducible output)
  -h, --help                 this help

Exit code: 0 when the report is written (declarations with errors are flagged in it),
2 on wrong usage, an unreadable path or a write failure.
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
};

export async function reportCommand(args: string[], io: Io, envLocale: Locale): Promise<number> {
  const parsed = parseCommand(args, { year: { type: 'string', short: 'y' }, out: { type: 'string', short: 'o' } }, USAGE, io, envLocale);
  if (typeof parsed === 'number') return parsed;
  const { positionals, common } = parsed;
  const values = parsed.values as { year?: string; out?: string; date?: string };
  const { locale, catalogue, now } = common;
  let year = now.getUTCFullYear();
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1900) {
      io.stderr(`cadre-ia: ${t(MSG.badYear, locale, { v: values.year })}\n`);
      return 2;
    }
    year = Number(values.year);
  }
  const out = values.out ?? 'report';
  const injected = values.date ?? io.env.CADRE_IA_DATE;
  const { model, results, write } = generateReport(positionals.length ? positionals : ['.'], out, {
    year,
    locale,
    catalogue,
    now,
    generatedOn: injected ? injected : undefined,
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
  return results.some((r) => r.ioError) ? 2 : 0;
}

COMMANDS.set('report', reportCommand);
