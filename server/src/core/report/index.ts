/**
 * The annual report (bilan annuel) and the public register: collect the declarations, build the
 * model, render it as Markdown, HTML, CSV and Eurocities JSON, write the four files.
 * Pure core: no `vscode`, no LSP. Used by the CLI (`cadre-ia report`) and the server
 * (`cadreIa/report`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Catalogue } from '../catalogue';
import { lintPaths, type FileResult } from '../lintFiles';
import type { Locale, SeveritySetting } from '../types';
import { renderCsv } from './csv';
import { renderEurocitiesJson } from './eurocities';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { buildModel, type ReportModel } from './model';

export { buildModel, classify, type ReportModel, type ReportProject } from './model';
export { renderCsv, csvColumns, FIXED_CSV_COLUMNS } from './csv';
export { renderEurocities, renderEurocitiesJson, validateEurocities, EUROCITIES_FIELDS } from './eurocities';
export { renderHtml } from './html';
export { renderMarkdown } from './markdown';

export interface ReportOptions {
  year: number;
  locale: Locale;
  catalogue: Catalogue;
  /** Today, for the verdicts and derogation end dates (tests inject it). */
  now?: Date;
  /** A generation date (YYYY-MM-DD) written in the outputs; only when injected, so outputs are reproducible. */
  generatedOn?: string;
  /** The user's severity overrides, as for lint. */
  severities?: Record<string, SeveritySetting>;
  /**
   * Files under this folder are named relative to it in the outputs (with `/`), so that a public
   * report never shows a machine's absolute paths. Files are named as found otherwise.
   */
  displayRoot?: string;
}

/** `file` relative to `root` with `/` separators, when it is inside; unchanged otherwise. */
export function displayPath(file: string, root: string | undefined): string {
  if (!root) return file;
  const rel = path.relative(path.resolve(root), path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}

/** Lints every declaration under `paths` and builds the report's model. Never throws on input. */
export function collectReport(paths: string[], options: ReportOptions): { model: ReportModel; results: FileResult[] } {
  const results = lintPaths(paths, { locale: options.locale, catalogue: options.catalogue, now: options.now, severities: options.severities });
  if (options.displayRoot) for (const r of results) r.file = displayPath(r.file, options.displayRoot);
  return { model: buildModel(results, options), results };
}

export interface RenderedFile {
  /** File name, e.g. `bilan-2026.md`. */
  name: string;
  content: string;
}

/** The four outputs, in a fixed order: Markdown, HTML, CSV, JSON. */
export function renderReport(model: ReportModel): RenderedFile[] {
  const y = model.year;
  return [
    { name: `bilan-${y}.md`, content: renderMarkdown(model) },
    { name: `bilan-${y}.html`, content: renderHtml(model) },
    { name: `registre-${y}.csv`, content: renderCsv(model) },
    { name: `registre-${y}.json`, content: renderEurocitiesJson(model) },
  ];
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
