/**
 * The annual report on disk: find and lint the declarations, build the model (pure:
 * `core/report`), write the files (public bilan, register, internal review). Used by the CLI (`cadre-ia report`) and the server
 * (`cadreIa/report`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from '../core/fileResult';
import { t } from '../core/i18n';
import { ioMessage } from '../core/fileResult';
import { buildModel, parseReportConfig, renderReport, type ReportModel, type ReportOptions } from '../core/report/index';
import type { ReportHeader } from '../core/report/model';
import type { Locale } from '../core/types';
import { lintPaths } from './lintFiles';

/** `file` relative to `root` with `/` separators, when it is inside; unchanged otherwise. */
export function displayPath(file: string, root: string | undefined): string {
  if (!root) return file;
  const rel = path.relative(path.resolve(root), path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}

/** Lints every declaration under `paths` and builds the report's model. Never throws on input. */
export function collectReport(paths: string[], options: ReportOptions): { model: ReportModel; results: FileResult[] } {
  const results = lintPaths(paths, { locale: options.locale, catalogue: options.catalogue, catalogues: options.catalogues, now: options.now, severities: options.severities });
  if (options.displayRoot) for (const r of results) r.file = displayPath(r.file, options.displayRoot);
  return { model: buildModel(results, options), results };
}

export type WriteResult = { files: string[] } | { error: string; file: string };

/** Writes the outputs into `outDir` (created if needed). Never throws: an I/O failure is returned. */
export function writeReport(model: ReportModel, outDir: string): WriteResult {
  const files: string[] = [];
  let current = outDir;
  try {
    fs.mkdirSync(outDir, { recursive: true });
    for (const f of renderReport(model)) {
      current = path.join(outDir, f.name);
      fs.writeFileSync(current, f.content, 'utf8');
      files.push(current);
    }
    return { files };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message, file: current };
  }
}

/** Collects, renders and writes in one call (the server's request and the CLI use it). */
export function generateReport(paths: string[], outDir: string, options: ReportOptions): { model: ReportModel; results: FileResult[]; write: WriteResult } {
  const { model, results } = collectReport(paths, options);
  return { model, results, write: writeReport(model, outDir) };
}

const LOGO_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };
/** Largest logo embedded in the page. */
export const MAX_LOGO_BYTES = 512 * 1024;

const CONFIG_MSG = {
  read: { fr: 'configuration du bilan illisible {file} : {why}', en: 'unreadable report configuration {file}: {why}' },
  invalid: { fr: 'configuration du bilan {file} : {why}', en: 'report configuration {file}: {why}' },
  logo: { fr: 'logo inutilisable {file} : {why}', en: 'unusable logo {file}: {why}' },
  logoType: { fr: 'format non pris en charge (SVG, PNG ou JPEG)', en: 'unsupported format (SVG, PNG or JPEG)' },
  logoSize: { fr: 'plus de 512 Kio', en: 'larger than 512 KiB' },
};

/**
 * Reads a report configuration file (see core/report/config.ts) and embeds its logo (relative to
 * the file) as a data: URL. Never throws: problems are returned, localized; the header keeps
 * what was valid.
 */
export function readReportConfig(file: string, locale: Locale): { header: Partial<ReportHeader>; errors: string[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { header: {}, errors: [t(CONFIG_MSG.read, locale, { file, why: ioMessage((e as NodeJS.ErrnoException).code ?? 'EIO', locale) })] };
  }
  const { config, errors } = parseReportConfig(text, locale);
  const out = errors.map((why) => t(CONFIG_MSG.invalid, locale, { file, why }));
  const header: Partial<ReportHeader> = {};
  if (config.ville) header.city = config.ville;
  if (config.introduction) header.introduction = config.introduction;
  if (config.contact) header.contact = config.contact;
  if (config.date_publication) header.publicationDate = config.date_publication;
  if (config.logo) {
    const logo = path.resolve(path.dirname(file), config.logo);
    const type = LOGO_TYPES[path.extname(logo).toLowerCase()];
    try {
      if (!type) throw Object.assign(new Error(), { code: 'TYPE' });
      if (fs.statSync(logo).size > MAX_LOGO_BYTES) throw Object.assign(new Error(), { code: 'SIZE' });
      const bytes = fs.readFileSync(logo);
      header.logo = { dataUrl: `data:${type};base64,${bytes.toString('base64')}`, alt: config.logo_alt ?? '' };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      const why = code === 'TYPE' ? t(CONFIG_MSG.logoType, locale) : code === 'SIZE' ? t(CONFIG_MSG.logoSize, locale) : ioMessage(code, locale);
      out.push(t(CONFIG_MSG.logo, locale, { file: logo, why }));
    }
  }
  return { header, errors: out };
}
