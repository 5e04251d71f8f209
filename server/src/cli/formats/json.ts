import { cadreId } from '../../core/catalogue';
import { t } from '../../core/i18n';
import type { LintRun } from './context';

/**
 * The JSON contract: one object per file with `file`, `diagnostics` (code, severity, message,
 * range), `engagements` (verdict per engagement id), `framework` (the framework its `cadre:`
 * selected: cadre, id, version, name, and its engagements with title and verdict, in catalogue
 * order; `null` when the `cadre:` names no known framework), `provisional: true` while the file
 * has syntax errors (its verdicts are not final) and, for an unreadable file, `error`.
 * With --quiet or --baseline, `diagnostics` holds the counted ones.
 */
export function formatJson(run: LintRun): string {
  const byFile = new Map<string, LintRun['findings']>();
  for (const f of run.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out = run.results.map((r) => ({
    file: r.file,
    diagnostics: (byFile.get(r.file) ?? []).map(({ diagnostic: d }) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
    engagements: r.result?.verdicts ?? {},
    ...(r.result?.provisional ? { provisional: true } : {}),
    ...(r.result ? { framework: frameworkOf(r.result, run.locale) } : {}),
    ...(r.ioError ? { error: r.ioError } : {}),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

type Result = NonNullable<LintRun['results'][number]['result']>;

function frameworkOf(res: Result, locale: LintRun['locale']) {
  if (!res.framework.known) return null;
  const c = res.catalogue;
  return {
    cadre: cadreId(c),
    id: c.id,
    version: c.version,
    name: t(c.name, locale),
    engagements: c.engagements.map((e) => {
      const r = res.engagements.find((x) => x.id === e.id);
      return {
        id: e.id,
        title: t(e.title, locale),
        principle: e.principle,
        verdict: res.verdicts[e.id],
        ...(r?.appliesFrom ? { applies_from: r.appliesFrom } : {}),
      };
    }),
  };
}
