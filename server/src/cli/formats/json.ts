import type { LintRun } from './context';

/**
 * The JSON contract of the design: one object per file with exactly `file`, `diagnostics`
 * (code, severity, message, range), `engagements` (verdict per engagement) and, for an
 * unreadable file, `error`. With --quiet or --baseline, `diagnostics` holds the counted ones.
 */
export function formatJson(run: LintRun): string {
  const byFile = new Map<string, LintRun['findings']>();
  for (const f of run.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out = run.results.map((r) => ({
    file: r.file,
    diagnostics: (byFile.get(r.file) ?? []).map(({ diagnostic: d }) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    engagements: r.result?.verdicts ?? {},
    ...(r.ioError ? { error: r.ioError } : {}),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
