/**
 * The outputs of `cadre-ia diff`: text (terminal, job log), json (the contract below) and
 * markdown (a merge-request comment or a CI job summary).
 */
import * as path from 'node:path';
import { SEVERITY_RANK } from '../../core/engine';
import { SEVERITY_LABELS, VERDICT_LABELS, t } from '../../core/i18n';
import type { Diagnostic, Locale, Localized, Severity, Verdict } from '../../core/types';
import { plural } from '../args';
import type { ChangedFile } from '../../node/git';
import { paint } from './colour';
import { md } from './markdown';
import { WORDS } from './text';

export type DiffFormat = 'text' | 'json' | 'markdown';

/** One finding of a side of the change, with its place in that side's file. */
export interface DiffFinding {
  /** The path relative to the repository root, with `/` (the base path for a resolved finding). */
  file: string;
  diagnostic: Diagnostic;
  fingerprint: string;
}

export interface VerdictChange {
  id: string;
  before: Verdict | null;
  after: Verdict | null;
}

export interface DiffEntry {
  status: ChangedFile['status'];
  /** Path in the work tree, relative to the repository root (null when deleted). */
  file: string | null;
  /** Path in the base commit (null when added). */
  baseFile: string | null;
  /** Engagements whose verdict differs (every engagement for an added or deleted declaration). */
  verdicts: VerdictChange[];
  /** The verdicts after the change (empty when deleted), in catalogue order. */
  after: Record<string, Verdict>;
  introduced: DiffFinding[];
  resolved: DiffFinding[];
}

export interface DiffRun {
  locale: Locale;
  /** The reference as given (--base), or the default branch the merge base was taken with. */
  ref: string;
  /** Whether `ref` is the default branch (the base is then the merge base with it). */
  mergeBase: boolean;
  commit: string;
  entries: DiffEntry[];
  /** The repository root and the current folder (paths are shown relative to the latter). */
  root: string;
  cwd: string;
  color: boolean;
}

const M: Record<string, Localized> = {
  headerMergeBase: { fr: 'Déclarations changées depuis {commit} (base de fusion avec {ref}) : {n}', en: 'Declarations changed since {commit} (merge base with {ref}): {n}' },
  headerRef: { fr: 'Déclarations changées depuis {ref} ({commit}) : {n}', en: 'Declarations changed since {ref} ({commit}): {n}' },
  none: { fr: 'Aucune déclaration changée.', en: 'No declaration changed.' },
  added: { fr: 'ajoutée', en: 'added' },
  modified: { fr: 'modifiée', en: 'modified' },
  renamed: { fr: 'renommée', en: 'renamed' },
  deleted: { fr: 'supprimée', en: 'deleted' },
  unchanged: { fr: 'aucun verdict ni constat changé', en: 'no verdict or finding changed' },
  engagements: { fr: 'Engagements : {ok}/{total} conformes', en: 'Engagements: {ok}/{total} compliant' },
  summary: { fr: '{verdicts}, {introduced} ({errors}), {resolved}.', en: '{verdicts}, {introduced} ({errors}), {resolved}.' },
  mdTitle: { fr: '### Cadre IA : ce que change cette modification', en: '### Cadre IA: what this change does' },
  mdBaseMerge: { fr: 'Comparé à `{commit}` (base de fusion avec `{ref}`).', en: 'Compared with `{commit}` (merge base with `{ref}`).' },
  mdBaseRef: { fr: 'Comparé à `{ref}` (`{commit}`).', en: 'Compared with `{ref}` (`{commit}`).' },
  mdOk: { fr: '✅ Aucune erreur introduite.', en: '✅ No error introduced.' },
  mdKo: { fr: '❌ {errors}.', en: '❌ {errors}.' },
  mdHead: {
    fr: '| Déclaration | Changement | Verdicts changés | Constats introduits | Constats résolus |',
    en: '| Declaration | Change | Verdicts changed | Findings introduced | Findings resolved |',
  },
  mdIntroduced: { fr: '#### Constats introduits', en: '#### Findings introduced' },
  mdResolved: { fr: '#### Constats résolus', en: '#### Findings resolved' },
  more: { fr: '… et {n} de plus.', en: '… and {n} more.' },
};

const F: Record<string, Record<'fr' | 'en', [string, string]>> = {
  verdict: { fr: ['verdict changé', 'verdicts changés'], en: ['verdict changed', 'verdicts changed'] },
  introduced: { fr: ['constat introduit', 'constats introduits'], en: ['finding introduced', 'findings introduced'] },
  resolved: { fr: ['constat résolu', 'constats résolus'], en: ['finding resolved', 'findings resolved'] },
  introducedError: { fr: ['erreur introduite', 'erreurs introduites'], en: ['error introduced', 'errors introduced'] },
};

const SHORT = 10;
const MAX_LISTED = 20;

function label(v: Verdict | null, locale: DiffRun['locale']): string {
  return v === null ? '—' : t(VERDICT_LABELS[v], locale);
}

/** A path relative to the repository root as shown from the current folder (clickable in a terminal). */
function shownPath(run: DiffRun, rel: string): string {
  const abs = path.join(run.root, ...rel.split('/'));
  const r = path.relative(run.cwd, abs);
  return (r && !path.isAbsolute(r) ? r : abs).split(path.sep).join('/');
}

function totals(run: DiffRun) {
  let verdicts = 0;
  let introduced = 0;
  let errors = 0;
  let resolved = 0;
  for (const e of run.entries) {
    if (e.status === 'modified' || e.status === 'renamed') verdicts += e.verdicts.length;
    introduced += e.introduced.length;
    errors += e.introduced.filter((f) => f.diagnostic.severity === 'error').length;
    resolved += e.resolved.length;
  }
  return { verdicts, introduced, errors, resolved };
}

function engagementsLine(e: DiffEntry, locale: DiffRun['locale']): string {
  const all = Object.entries(e.after);
  const ok = all.filter(([, v]) => v === 'conforme').length;
  const others = all.filter(([, v]) => v !== 'conforme').map(([id, v]) => `${id} ${t(VERDICT_LABELS[v], locale)}`);
  return t(M.engagements, locale, { ok, total: all.length }) + (others.length ? ' · ' + others.join(' · ') : '');
}

/** Human output: per declaration, its change, verdict changes, then `+`/`-` findings as `path:line:col`. */
export function formatDiffText(run: DiffRun): string {
  const { locale } = run;
  const p = paint(run.color);
  const colourOf: Record<Severity, (s: string) => string> = { error: p.red, warning: p.yellow, information: p.blue, hint: p.dim };
  const width = Math.max(...Object.values(SEVERITY_LABELS).map((l) => t(l, locale).length));
  const commit = run.commit.slice(0, SHORT);
  const lines: string[] = [t(run.mergeBase ? M.headerMergeBase : M.headerRef, locale, { commit, ref: run.ref, n: run.entries.length }), ''];
  const findingLine = (sign: string, f: DiffFinding) => {
    const d = f.diagnostic;
    const sev = t(SEVERITY_LABELS[d.severity], locale);
    const where = `${shownPath(run, f.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    return `  ${sign === '+' ? p.red('+') : p.green('-')} ${where}  ${colourOf[d.severity](sev)}${' '.repeat(Math.max(0, width - sev.length))}  ${d.message}  ${p.dim(d.code)}`;
  };
  for (const e of run.entries) {
    const name = e.status === 'renamed' ? `${shownPath(run, e.baseFile!)} → ${shownPath(run, e.file!)}` : shownPath(run, (e.file ?? e.baseFile)!);
    lines.push(`${p.bold(name)}  ${t(M[e.status], locale)}`);
    if (e.status === 'added') lines.push(`  ${engagementsLine(e, locale)}`);
    else if (e.status !== 'deleted') {
      for (const v of e.verdicts) {
        const after = label(v.after, locale);
        lines.push(`  ${v.id}  ${label(v.before, locale)} → ${v.after === 'non_conforme' ? p.red(after) : v.after === 'conforme' ? p.green(after) : after}`);
      }
    }
    for (const f of e.introduced) lines.push(findingLine('+', f));
    for (const f of e.resolved) lines.push(findingLine('-', f));
    if (e.status !== 'added' && e.status !== 'deleted' && !e.verdicts.length && !e.introduced.length && !e.resolved.length) lines.push(`  ${p.dim(t(M.unchanged, locale))}`);
    lines.push('');
  }
  if (!run.entries.length) {
    lines.push(t(M.none, locale));
    return lines.join('\n') + '\n';
  }
  const n = totals(run);
  const summary = t(M.summary, locale, {
    verdicts: plural(n.verdicts, F.verdict, locale),
    introduced: plural(n.introduced, F.introduced, locale),
    errors: plural(n.errors, WORDS.error, locale),
    resolved: plural(n.resolved, F.resolved, locale),
  });
  lines.push(n.errors ? p.red(p.bold(summary)) : p.bold(summary));
  return lines.join('\n') + '\n';
}

/**
 * The JSON contract: `{ base: { ref, commit, mergeBase }, files: [{ status, file, baseFile,
 * verdicts: [{ id, before, after }], introduced: [...], resolved: [...] }], summary }`; a
 * finding is `{ file, line, code, severity, message, range, fingerprint }` (paths relative to
 * the repository root; `line` 1-based; `range` LSP-shaped, 0-based). `verdicts` lists every
 * engagement whose verdict differs (all of them, from or to null, when a declaration is added
 * or deleted).
 */
export function formatDiffJson(run: DiffRun): string {
  const finding = (f: DiffFinding) => ({
    file: f.file,
    line: f.diagnostic.range.start.line + 1,
    code: f.diagnostic.code,
    severity: f.diagnostic.severity,
    message: f.diagnostic.message,
    range: f.diagnostic.range,
    fingerprint: f.fingerprint,
  });
  const n = totals(run);
  const out = {
    base: { ref: run.ref, commit: run.commit, mergeBase: run.mergeBase },
    files: run.entries.map((e) => ({
      status: e.status,
      file: e.file,
      baseFile: e.baseFile,
      verdicts: e.verdicts,
      introduced: e.introduced.map(finding),
      resolved: e.resolved.map(finding),
    })),
    summary: { files: run.entries.length, verdictChanges: n.verdicts, introduced: n.introduced, introducedErrors: n.errors, resolved: n.resolved },
  };
  return JSON.stringify(out, null, 2) + '\n';
}

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

/** A short summary for a merge-request comment or a CI job summary. */
export function formatDiffMarkdown(run: DiffRun): string {
  const { locale } = run;
  const commit = run.commit.slice(0, SHORT);
  const out: string[] = [t(M.mdTitle, locale), '', t(run.mergeBase ? M.mdBaseMerge : M.mdBaseRef, locale, { commit, ref: run.ref.replace(/`/g, "'") })];
  if (!run.entries.length) {
    out.push('', t(M.none, locale));
    return out.join('\n') + '\n';
  }
  const n = totals(run);
  out.push('', n.errors ? t(M.mdKo, locale, { errors: plural(n.errors, F.introducedError, locale) }) : t(M.mdOk, locale));
  out.push(
    '',
    [plural(n.verdicts, F.verdict, locale), plural(n.introduced, F.introduced, locale), plural(n.resolved, F.resolved, locale)].join(', ') + '.',
    '',
    t(M.mdHead, locale),
    '| --- | --- | --- | ---: | ---: |',
  );
  for (const e of run.entries) {
    const name = e.status === 'renamed' ? `${code(e.baseFile!)} → ${code(e.file!)}` : code((e.file ?? e.baseFile)!);
    const verdicts =
      e.status === 'added'
        ? md(engagementsLine(e, locale))
        : e.status === 'deleted'
          ? '—'
          : e.verdicts.length
            ? e.verdicts.map((v) => md(`${v.id} ${label(v.before, locale)} → ${label(v.after, locale)}`)).join('<br>')
            : '—';
    out.push(`| ${name} | ${t(M[e.status], locale)} | ${verdicts} | ${e.introduced.length} | ${e.resolved.length} |`);
  }
  const list = (title: Localized, findings: DiffFinding[]) => {
    if (!findings.length) return;
    out.push('', t(title, locale), '');
    // Errors first: they are what a reviewer must see.
    const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.diagnostic.severity] - SEVERITY_RANK[b.diagnostic.severity]);
    for (const f of sorted.slice(0, MAX_LISTED)) {
      const d = f.diagnostic;
      const sev = t(SEVERITY_LABELS[d.severity], locale);
      out.push(`- ${code(`${f.file}:${d.range.start.line + 1}`)} ${sev}${locale === 'fr' ? ' :' : ':'} ${md(d.message)} (${d.href ? `[${d.code}](${d.href})` : d.code})`);
    }
    if (sorted.length > MAX_LISTED) out.push(`- ${t(M.more, locale, { n: sorted.length - MAX_LISTED })}`);
  };
  list(
    M.mdIntroduced,
    run.entries.flatMap((e) => e.introduced),
  );
  list(
    M.mdResolved,
    run.entries.flatMap((e) => e.resolved),
  );
  return out.join('\n') + '\n';
}
