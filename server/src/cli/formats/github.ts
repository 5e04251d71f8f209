import type { Severity } from '../../core/types';
import type { LintRun } from './context';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escaping of a workflow command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value (`:` and `,` separate properties). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): annotations on the
 * pull request's files. Paths are relative to the repository root (the checkout).
 */
export function formatGithub(run: LintRun): string {
  const lines = run.findings.map((f) => {
    const d = f.diagnostic;
    const props = [
      `file=${escapeProperty(f.rel)}`,
      `line=${d.range.start.line + 1}`,
      `col=${d.range.start.character + 1}`,
      `endLine=${d.range.end.line + 1}`,
      `endColumn=${d.range.end.character + 1}`,
      `title=${escapeProperty(`Cadre IA ${d.code}`)}`,
    ].join(',');
    return `::${COMMAND[d.severity]} ${props}::${escapeData(d.message)}`;
  });
  for (const r of run.results) if (r.ioError) lines.push(`::error file=${escapeProperty(r.file)},title=${escapeProperty('Cadre IA')}::${escapeData(r.ioError)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}
