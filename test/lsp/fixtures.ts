import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tmpDir } from './helper';

/** A complete, compliant declaration (the tests' own copy). */
export const BASE = fs.readFileSync(path.join(__dirname, 'fixtures', 'base.ia.yaml'), 'utf8');

/** BASE with a direct interaction (E02, non-derogable): one error. */
export const E02_TRUE = BASE.replace('interaction_directe: false', 'interaction_directe: true');

/** BASE without its `reversibilite` section (E11 must say it is missing). */
export function withoutSection(text: string, section: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${section}:`));
  if (start < 0) throw new Error(`no section ${section}`);
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith(' ') || lines[end] === '')) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

export const NO_REVERSIBILITE = withoutSection(BASE, 'reversibilite');

export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line with ${needle}`);
  return i;
}

export interface CliFile {
  file: string;
  diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  engagements: Record<string, string>;
  /** Set (true) while the file has syntax errors. */
  provisional?: boolean;
}

/** What `cadre-ia lint --format json` says of a text (written to a temporary file). */
export function cliLint(text: string, locale = 'fr', extra: string[] = []): CliFile {
  const dir = tmpDir('cadre-ia-cli-');
  const file = path.join(dir, 'x.ia.yaml');
  fs.writeFileSync(file, text);
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, 'bin', 'cadre-ia.js'), 'lint', '--format', 'json', '--locale', locale, ...extra, file], {
      env: { ...process.env, CADRE_IA_DATE: '2026-06-01' },
      encoding: 'utf8',
    });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit 1 when there are errors
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return (JSON.parse(out) as CliFile[])[0];
}
