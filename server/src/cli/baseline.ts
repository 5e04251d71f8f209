/**
 * Baselines: a JSON file listing the findings a team accepts for now (`--write-baseline`), so
 * that `--baseline` counts only new ones. Findings match by fingerprint (file relative to the
 * repository root, rule, data path, occurrence), so a baseline survives lines moving.
 */
import * as fs from 'node:fs';
import type { Localized } from '../core/types';
import type { Finding } from './findings';

export interface BaselineEntry {
  file: string;
  code: string;
  fingerprint: string;
  message?: string;
}

export interface Baseline {
  version: 1;
  tool: 'cadre-ia';
  findings: BaselineEntry[];
}

export const BASELINE_MSG: Record<string, Localized> = {
  unreadable: { fr: 'référence illisible {file} : {why}', en: 'unreadable baseline {file}: {why}' },
  malformed: { fr: 'référence invalide {file} : ce n’est pas un fichier écrit par --write-baseline', en: 'invalid baseline {file}: not a file written by --write-baseline' },
  written: { fr: 'Référence écrite dans {file} : {n}.', en: 'Baseline written to {file}: {n}.' },
  writeError: { fr: 'écriture impossible de {file} : {why}', en: 'cannot write {file}: {why}' },
};

export function makeBaseline(findings: Finding[]): Baseline {
  return {
    version: 1,
    tool: 'cadre-ia',
    findings: findings.map((f) => ({ file: f.rel, code: f.diagnostic.code, fingerprint: f.fingerprint, message: f.diagnostic.message })),
  };
}

/** Reads a baseline; an error code (ENOENT…) or `MALFORMED` when it cannot be used. Never throws. */
export function readBaseline(file: string): { baseline: Baseline } | { error: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  try {
    const data = JSON.parse(text) as Partial<Baseline>;
    if (data && data.tool === 'cadre-ia' && data.version === 1 && Array.isArray(data.findings) && data.findings.every((f) => f && typeof f.fingerprint === 'string')) {
      return { baseline: data as Baseline };
    }
  } catch {
    // falls through
  }
  return { error: 'MALFORMED' };
}

/** Splits findings into those the baseline does not hold (new) and the number it holds. */
export function applyBaseline(findings: Finding[], baseline: Baseline): { fresh: Finding[]; known: number } {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  const fresh = findings.filter((f) => !known.has(f.fingerprint));
  return { fresh, known: findings.length - fresh.length };
}
