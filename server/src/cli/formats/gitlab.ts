import type { Severity } from '../../core/types';
import type { LintRun } from './context';

/** GitLab's Code Quality severities. */
const SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', information: 'minor', hint: 'info' };

/**
 * The Code Quality report GitLab shows in merge requests (`artifacts:reports:codequality`):
 * a JSON array, paths relative to the repository root, 1-based lines, stable fingerprints.
 * Unreadable files are reported too (a blocker on line 1), so that they are not silent.
 */
export function formatGitlab(run: LintRun): string {
  const out: unknown[] = run.findings.map((f) => ({
    description: f.diagnostic.message,
    check_name: f.diagnostic.code,
    fingerprint: f.fingerprint,
    severity: SEVERITY[f.diagnostic.severity],
    location: { path: f.rel, lines: { begin: f.diagnostic.range.start.line + 1, end: f.diagnostic.range.end.line + 1 } },
    ...(f.diagnostic.engagement ? { categories: ['Compliance'], content: { body: `${f.diagnostic.engagement} — ${f.diagnostic.href ?? ''}`.trim() } } : {}),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
