/**
 * The annual report (bilan annuel) and the public register: build the model from lint results,
 * render it as Markdown, HTML, CSV and Eurocities JSON. Pure core: no disk, no `vscode`, no LSP.
 * Collecting the declarations and writing the four files is `server/src/node/report.ts`, used by
 * the CLI (`cadre-ia report`) and the server (`cadreIa/report`).
 */
import type { Catalogue } from '../catalogue';
import type { Locale, SeveritySetting } from '../types';
import { renderCsv, renderCsvExcel } from './csv';
import { renderEurocitiesJson } from './eurocities';
import { renderHtml, renderReviewHtml } from './html';
import { renderMarkdown, renderReviewMarkdown } from './markdown';
import type { ReportHeader, ReportModel } from './model';

export { buildModel, classify, type ReportModel, type ReportProject } from './model';
export { renderCsv, renderCsvExcel, csvColumns, FIXED_CSV_COLUMNS } from './csv';
export { renderEurocities, renderEurocitiesJson, validateEurocities, EUROCITIES_FIELDS } from './eurocities';
export { renderHtml, renderReviewHtml } from './html';
export { renderMarkdown, renderReviewMarkdown } from './markdown';
export { parseReportConfig, type ReportConfig } from './config';

export interface ReportOptions {
  year: number;
  locale: Locale;
  /** The report's framework: it names the report and judges declarations without a usable `cadre:`. */
  catalogue: Catalogue;
  /** More configured frameworks; each declaration is judged by the one its `cadre:` names (bundled ones included). */
  catalogues?: Catalogue[];
  /** Today, for the verdicts and derogation end dates (tests inject it). */
  now?: Date;
  /** A generation date (YYYY-MM-DD) written in the outputs; only when injected, so outputs are reproducible. */
  generatedOn?: string;
  /** The page header (city, logo, introduction, contact, publication date): see config.ts. */
  header?: Partial<ReportHeader>;
  /** The user's severity overrides, as for lint. */
  severities?: Record<string, SeveritySetting>;
  /**
   * Files under this folder are named relative to it in the outputs (with `/`), so that a public
   * report never shows a machine's absolute paths. Files are named as found otherwise.
   */
  displayRoot?: string;
}

export interface RenderedFile {
  /** File name, e.g. `bilan-2026.md`. */
  name: string;
  content: string;
}

/**
 * The outputs, in a fixed order: the public bilan (Markdown, HTML), the register (open-data CSV,
 * Excel CSV, Eurocities JSON), then the internal review (HTML, Markdown), which is not for
 * publication.
 */
export function renderReport(model: ReportModel): RenderedFile[] {
  const y = model.year;
  return [
    { name: `bilan-${y}.md`, content: renderMarkdown(model) },
    { name: `bilan-${y}.html`, content: renderHtml(model) },
    { name: `registre-${y}.csv`, content: renderCsv(model) },
    { name: `registre-${y}-excel.csv`, content: renderCsvExcel(model) },
    { name: `registre-${y}.json`, content: renderEurocitiesJson(model) },
    { name: `bilan-${y}-revue.html`, content: renderReviewHtml(model) },
    { name: `bilan-${y}-revue.md`, content: renderReviewMarkdown(model) },
  ];
}
