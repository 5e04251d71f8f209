/**
 * The annual report on disk: find and lint the declarations, build the model (pure:
 * `core/report`), write the four files. Used by the CLI (`cadre-ia report`) and the server
 * (`cadreIa/report`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from '../core/fileResult';
import { buildModel, renderReport, type ReportModel, type ReportOptions } from '../core/report/index';
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
  const results = lintPaths(paths, { locale: options.locale, catalogue: options.catalogue, now: options.now, severities: options.severities });
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
