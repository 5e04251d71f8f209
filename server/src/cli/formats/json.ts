import type { FileResult } from '../../core/fileResult';

/** The JSON contract of DESIGN.md: one object per file, exactly these keys. */
export function formatJson(results: FileResult[]): string {
  const out = results.map((r) => ({
    file: r.file,
    diagnostics: (r.result?.diagnostics ?? []).map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    engagements: r.result?.verdicts ?? {},
    ...(r.ioError ? { error: r.ioError } : {}),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
