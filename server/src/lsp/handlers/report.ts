import * as path from 'node:path';
import type { Catalogue } from '../../core/catalogue';
import { generateReport } from '../../node/report';
import type { Locale, SeveritySetting } from '../../core/types';
import { ReportRequest, type ReportParams, type ReportResult } from '../../../../shared/protocol';
import { ClientError, type CadreServer } from '../server';

export interface ReportContext {
  locale: Locale;
  catalogue: Catalogue;
  /** Folders (or files) to read declarations from when the request names none: the workspace folders. */
  roots: string[];
  now?: Date;
  severities?: Record<string, SeveritySetting>;
}

/** The deepest folder holding every path (file names in the report are shown relative to it). */
export function commonFolder(paths: string[]): string | undefined {
  if (!paths.length) return undefined;
  const split = paths.map((p) => path.resolve(p).split(path.sep));
  const first = split[0];
  let n = first.length;
  for (const parts of split.slice(1)) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  const common = first.slice(0, n).join(path.sep);
  return common === '' ? path.sep : common;
}

/**
 * `cadreIa/report`, without the LSP: checks the parameters, writes the four files into
 * `params.outDir` and says which. Parameter mistakes and write failures are ClientErrors (the
 * client picked the folder); declarations with errors are flagged in the report, not fatal.
 */
export function handleReport(params: ReportParams | null | undefined, ctx: ReportContext): ReportResult {
  if (!params || typeof params !== 'object') throw new ClientError('parameters are missing');
  if (typeof params.outDir !== 'string' || params.outDir.trim() === '') throw new ClientError('outDir must be a non-empty path');
  if (typeof params.year !== 'number' || !Number.isInteger(params.year) || params.year < 1900 || params.year > 9999) throw new ClientError('year must be an integer between 1900 and 9999');
  if (params.roots !== undefined && (!Array.isArray(params.roots) || params.roots.some((r) => typeof r !== 'string' || r === ''))) throw new ClientError('roots must be an array of paths');
  const roots = params.roots ?? ctx.roots;
  if (!roots.length) throw new ClientError('no workspace folder is open and no roots were given');
  const base = roots.length === 1 ? path.resolve(roots[0]) : commonFolder(roots);
  const outDir = path.isAbsolute(params.outDir) ? params.outDir : path.resolve(base ?? process.cwd(), params.outDir);
  const { write } = generateReport(roots, outDir, {
    year: params.year,
    locale: ctx.locale,
    catalogue: ctx.catalogue,
    now: ctx.now,
    severities: ctx.severities,
    displayRoot: base,
  });
  if ('error' in write) throw new ClientError(`cannot write ${write.file}: ${write.error}`);
  return { files: write.files, html: write.files.find((f) => f.endsWith('.html')) };
}

/** cadreIa/report: writes the annual report of the workspace's declarations (saved files, as on disk). */
export function register(s: CadreServer): void {
  s.connection.onRequest(
    ReportRequest,
    s.safe(ReportRequest.method, async (params: ReportParams): Promise<ReportResult> => {
      const settings = await s.settingsFor(undefined);
      const { catalogue } = await s.catalogueFor(settings, undefined);
      return handleReport(params, { locale: s.localeOf(settings), catalogue, roots: s.folders, now: s.today(), severities: settings.rules });
    }),
  );
}
