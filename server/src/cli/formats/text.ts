import { SEVERITY_LABELS, VERDICT_LABELS, t } from '../../core/i18n';
import { ioMessage } from '../../core/fileResult';
import type { Localized, Severity } from '../../core/types';
import { plural } from '../args';
import { paint } from './colour';
import type { LintRun } from './context';

const W: Record<string, Localized> = {
  summary: { fr: '{problems} ({details}) dans {files}', en: '{problems} ({details}) in {files}' },
  clean: { fr: 'Aucun problème dans {files}.', en: 'No problems in {files}.' },
  engagements: { fr: 'Engagements : {ok}/{total} conformes', en: 'Engagements: {ok}/{total} compliant' },
  provisional: { fr: ' · provisoire (erreurs de syntaxe)', en: ' · provisional (syntax errors)' },
  unknownFramework: { fr: 'Cadre inconnu « {cadre} » : non jugée', en: "Unknown framework '{cadre}': not judged" },
  io: { fr: 'illisible : {why}', en: 'unreadable: {why}' },
  unreadable: { fr: '{n} sur {files}.', en: '{n} out of {files}.' },
  baselined: { fr: '{n} déjà dans la référence (--baseline), hors décompte.', en: '{n} already in the baseline (--baseline), not counted.' },
};

export const WORDS: Record<string, Record<'fr' | 'en', [string, string]>> = {
  problem: { fr: ['problème', 'problèmes'], en: ['problem', 'problems'] },
  error: { fr: ['erreur', 'erreurs'], en: ['error', 'errors'] },
  warning: { fr: ['avertissement', 'avertissements'], en: ['warning', 'warnings'] },
  information: { fr: ['information', 'informations'], en: ['information', 'information'] },
  hint: { fr: ['suggestion', 'suggestions'], en: ['hint', 'hints'] },
  file: { fr: ['fichier', 'fichiers'], en: ['file', 'files'] },
  unreadable: { fr: ['fichier illisible', 'fichiers illisibles'], en: ['unreadable file', 'unreadable files'] },
  finding: { fr: ['constat', 'constats'], en: ['finding', 'findings'] },
};

export function countBySeverity(findings: LintRun['findings']): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) n[f.diagnostic.severity]++;
  return n;
}

/**
 * Human output: one line per finding starting with `path:line:col` (1-based, clickable in
 * terminals and VS Code), the verdicts of each file, and a summary that counts every severity.
 */
export function formatText(run: LintRun): string {
  const { locale } = run;
  const p = paint(run.color);
  const colourOf: Record<Severity, (s: string) => string> = { error: p.red, warning: p.yellow, information: p.blue, hint: p.dim };
  const width = Math.max(...Object.values(SEVERITY_LABELS).map((l) => t(l, locale).length));
  const lines: string[] = [];
  const byFile = new Map<string, LintRun['findings']>();
  for (const f of run.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  let unreadable = 0;
  // When the run mixes frameworks, each file's engagements line names its own.
  const cadres = new Set(run.results.filter((r) => r.result?.framework.known).map((r) => `${r.result!.catalogue.id}/${r.result!.catalogue.version}`));
  for (const r of run.results) {
    if (r.ioError) {
      unreadable++;
      lines.push(`${p.bold(r.file)}  ${p.red(t(W.io, locale, { why: ioMessage(r.ioError, locale) }))}`, '');
      continue;
    }
    const res = r.result!;
    for (const f of byFile.get(r.file) ?? []) {
      const d = f.diagnostic;
      const where = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const sev = t(SEVERITY_LABELS[d.severity], locale);
      lines.push(`${where}  ${colourOf[d.severity](sev)}${' '.repeat(Math.max(0, width - sev.length))}  ${d.message}  ${p.dim(d.code)}`);
    }
    if (!res.framework.known) {
      lines.push(`${p.bold(r.file)}  ${p.red(t(W.unknownFramework, locale, { cadre: res.framework.cadre ?? '' }))}`, '');
      continue;
    }
    const verdicts = Object.entries(res.verdicts);
    const cadre = cadres.size > 1 ? `${res.catalogue.id}/${res.catalogue.version} · ` : '';
    const ok = verdicts.filter(([, v]) => v === 'conforme').length;
    const others = verdicts
      .filter(([, v]) => v !== 'conforme')
      .map(([id, v]) => {
        const label = `${id} ${t(VERDICT_LABELS[v], locale)}`;
        return v === 'non_conforme' ? p.red(label) : v === 'a_completer' ? p.yellow(label) : label;
      });
    lines.push(
      `${p.bold(r.file)}  ${cadre}${t(W.engagements, locale, { ok, total: verdicts.length })}${others.length ? ' · ' + others.join(' · ') : ''}${res.provisional ? p.yellow(t(W.provisional, locale)) : ''}`,
      '',
    );
  }
  const files = plural(run.results.length, WORDS.file, locale);
  const n = countBySeverity(run.findings);
  const total = run.findings.length;
  if (total === 0 && unreadable === 0) lines.push(p.green(t(W.clean, locale, { files })));
  else if (total > 0) {
    const details = [plural(n.error, WORDS.error, locale), plural(n.warning, WORDS.warning, locale), plural(n.information, WORDS.information, locale), plural(n.hint, WORDS.hint, locale)].join(', ');
    const line = t(W.summary, locale, { problems: plural(total, WORDS.problem, locale), details, files });
    lines.push(n.error ? p.red(p.bold(line)) : p.bold(line));
  }
  if (unreadable) lines.push(p.red(p.bold(t(W.unreadable, locale, { n: plural(unreadable, WORDS.unreadable, locale), files }))));
  if (run.baselined) lines.push(t(W.baselined, locale, { n: plural(run.baselined, WORDS.finding, locale) }));
  return lines.join('\n') + '\n';
}
