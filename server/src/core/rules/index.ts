import type { Rule } from './api';
import E02InteractionDirecte from './E02-interaction-directe';
import E11Reversibilite from './E11-reversibilite';

/** Every rule the code knows. A catalogue selects, re-grades or disables them by id. */
export const ALL_RULES: readonly Rule[] = [E02InteractionDirecte, E11Reversibilite];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
