import type { Catalogue } from './catalogue';
import { filled } from './rules/api';

export type ExplicitStatus = 'conforme' | 'non_applicable' | 'derogation';

export interface EngagementStatement {
  engagement: string;
  statut?: ExplicitStatus | string;
  justification?: unknown;
  validee_par?: unknown;
  echeance?: unknown;
  /** What is missing for the statement to count (justification, validee_par, echeance). */
  missing: string[];
  /** A derogation whose end date has passed. */
  expired: boolean;
  /** A derogation on an engagement the catalogue marks non-derogable. */
  forbidden: boolean;
  /** The statement is complete and in force: it decides the verdict. */
  effective: boolean;
}

/** Reads `engagements.<id>` of a declaration and says whether it is in force. */
export function statementOf(data: unknown, engagement: string, catalogue: Catalogue, today: string): EngagementStatement | undefined {
  const all = (data as { engagements?: unknown } | null)?.engagements;
  if (!all || typeof all !== 'object' || Array.isArray(all)) return undefined;
  const raw = (all as Record<string, unknown>)[engagement];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const s = raw as Record<string, unknown>;
  const statut = typeof s.statut === 'string' ? s.statut : undefined;
  const missing: string[] = [];
  if (statut === 'derogation' || statut === 'non_applicable') {
    if (!filled(s.justification)) missing.push('justification');
  }
  let expired = false;
  let forbidden = false;
  if (statut === 'derogation') {
    if (!filled(s.validee_par)) missing.push('validee_par');
    // An end date that is not a date (`fin 2027`) cannot end anything: it counts as missing.
    if (!filled(s.echeance) || typeof s.echeance !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s.echeance)) missing.push('echeance');
    else if (s.echeance < today) expired = true;
    const e = catalogue.engagements.find((x) => x.id === engagement);
    forbidden = e ? !e.derogable : false;
  }
  const effective = (statut === 'derogation' || statut === 'non_applicable') && missing.length === 0 && !expired && !forbidden;
  return { engagement, statut, justification: s.justification, validee_par: s.validee_par, echeance: s.echeance, missing, expired, forbidden, effective };
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
