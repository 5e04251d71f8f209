import { VERDICT_LABELS, t } from '../../core/i18n';
import { ioMessage } from '../../core/fileResult';
import type { Localized } from '../../core/types';
import { plural } from '../args';
import type { LintRun } from './context';
import { countBySeverity, WORDS } from './text';
import { relativeTo } from '../findings';

const M: Record<string, Localized> = {
  title: { fr: '### Cadre IA : vérification des déclarations', en: '### Cadre IA: declaration check' },
  ok: { fr: '✅ {files} {checked} : aucune erreur.', en: '✅ {files} checked: no errors.' },
  ko: { fr: '❌ {files} {checked} : {errors}.', en: '❌ {files} checked: {errors}.' },
  head: { fr: '| Déclaration | Erreurs | Avertissements | Engagements non conformes ou à compléter |', en: '| Declaration | Errors | Warnings | Engagements non-compliant or incomplete |' },
  errorsTitle: { fr: '#### Erreurs', en: '#### Errors' },
  more: { fr: '… et {n} de plus.', en: '… and {n} more.' },
  unreadable: { fr: 'illisible : {why}', en: 'unreadable: {why}' },
  baselined: { fr: '{n} déjà dans la référence (--baseline), hors décompte.', en: '{n} already in the baseline (--baseline), not counted.' },
};

const MAX_ERRORS = 20;

/** Escapes text for a Markdown table cell or list item. */
export function md(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/([|*_`[\]<>#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** A short summary for a merge-request comment or a CI job summary. */
export function formatMarkdown(run: LintRun): string {
  const { locale } = run;
  const n = countBySeverity(run.findings);
  const unreadable = run.results.filter((r) => r.ioError).length;
  const files = plural(run.results.length, WORDS.file, locale);
  // French agrees the participle with the count: « 1 fichier vérifié », « 2 fichiers vérifiés ».
  const checked = run.results.length > 1 ? 'vérifiés' : 'vérifié';
  const out: string[] = [t(M.title, locale), ''];
  const bad = n.error + unreadable;
  out.push(
    bad === 0
      ? t(M.ok, locale, { files, checked })
      : t(M.ko, locale, { files, checked, errors: [plural(n.error, WORDS.error, locale), ...(unreadable ? [plural(unreadable, WORDS.unreadable, locale)] : [])].join(', ') }),
  );
  out.push('', [plural(n.warning, WORDS.warning, locale), plural(n.information, WORDS.information, locale), plural(n.hint, WORDS.hint, locale)].join(', ') + '.');
  if (run.baselined) out.push('', t(M.baselined, locale, { n: plural(run.baselined, WORDS.finding, locale) }));
  if (run.results.length) {
    out.push('', t(M.head, locale), '| --- | ---: | ---: | --- |');
    for (const r of run.results) {
      const shown = relativeTo(run.root, r.file, run.cwd);
      if (r.ioError) {
        out.push(`| \`${shown.replace(/`/g, "'")}\` | — | — | ${md(t(M.unreadable, locale, { why: ioMessage(r.ioError, locale) }))} |`);
        continue;
      }
      const mine = run.findings.filter((f) => f.file === r.file);
      const e = mine.filter((f) => f.diagnostic.severity === 'error').length;
      const w = mine.filter((f) => f.diagnostic.severity === 'warning').length;
      const open = Object.entries(r.result!.verdicts)
        .filter(([, v]) => v === 'non_conforme' || v === 'a_completer')
        .map(([id, v]) => `${id} ${t(VERDICT_LABELS[v], locale)}`);
      out.push(`| \`${shown.replace(/`/g, "'")}\` | ${e} | ${w} | ${open.length ? md(open.join(', ')) : '—'} |`);
    }
  }
  const errors = run.findings.filter((f) => f.diagnostic.severity === 'error');
  if (errors.length) {
    out.push('', t(M.errorsTitle, locale), '');
    for (const f of errors.slice(0, MAX_ERRORS)) {
      const d = f.diagnostic;
      out.push(`- \`${f.rel.replace(/`/g, "'")}:${d.range.start.line + 1}\` ${md(d.message)} (${d.href ? `[${d.code}](${d.href})` : d.code})`);
    }
    if (errors.length > MAX_ERRORS) out.push(`- ${t(M.more, locale, { n: errors.length - MAX_ERRORS })}`);
  }
  return out.join('\n') + '\n';
}
