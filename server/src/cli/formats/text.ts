import { SEVERITY_LABELS, VERDICT_LABELS, t } from '../../core/i18n';
import { ioMessage, type FileResult } from '../../core/fileResult';
import type { Locale, Localized } from '../../core/types';

const W: Record<string, Localized> = {
  summary: { fr: '{n} problème(s) ({errors} erreur(s), {warnings} avertissement(s)) dans {files} fichier(s)', en: '{n} problem(s) ({errors} error(s), {warnings} warning(s)) in {files} file(s)' },
  clean: { fr: 'Aucun problème dans {files} fichier(s).', en: 'No problems in {files} file(s).' },
  none: { fr: 'Aucune déclaration (*.ia.yaml, *.ia.yml) trouvée.', en: 'No declaration (*.ia.yaml, *.ia.yml) found.' },
  engagements: { fr: 'Engagements : {ok}/{total} conformes', en: 'Engagements: {ok}/{total} compliant' },
  io: { fr: 'illisible : {why}', en: 'unreadable: {why}' },
};

/** Human output, in the spirit of ESLint's "stylish": 1-based line:column. */
export function formatText(results: FileResult[], locale: Locale): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let total = 0;
  for (const r of results) {
    if (r.ioError) {
      lines.push(`${r.file}`, `  ${t(W.io, locale, { why: ioMessage(r.ioError, locale) })}`, '');
      errors++;
      total++;
      continue;
    }
    const res = r.result!;
    lines.push(r.file);
    for (const d of res.diagnostics) {
      total++;
      if (d.severity === 'error') errors++;
      if (d.severity === 'warning') warnings++;
      const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`  ${pos.padEnd(7)} ${t(SEVERITY_LABELS[d.severity], locale).padEnd(13)} ${d.message}  ${d.code}`);
    }
    const verdicts = Object.entries(res.verdicts);
    const ok = verdicts.filter(([, v]) => v === 'conforme').length;
    const others = verdicts.filter(([, v]) => v !== 'conforme').map(([id, v]) => `${id} ${t(VERDICT_LABELS[v], locale)}`);
    lines.push(`  ${t(W.engagements, locale, { ok, total: verdicts.length })}${others.length ? ' · ' + others.join(' · ') : ''}`, '');
  }
  if (results.length === 0) lines.push(t(W.none, locale));
  else if (total === 0) lines.push(t(W.clean, locale, { files: results.length }));
  else lines.push(t(W.summary, locale, { n: total, errors, warnings, files: results.length }));
  return lines.join('\n') + '\n';
}
