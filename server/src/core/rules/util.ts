import { isInService } from '../catalogue';
import { schemaAt } from '../schema';
import { closest } from '../text';
import type { DataPath, Localized } from '../types';
import type { FixSpec, RuleContext } from './api';

/**
 * Small helpers shared by the rule files (not a rule itself). Pure functions of the context.
 */

/**
 * Whether the project is in service: duties "before going into service" are due. The catalogue
 * says which statuses count (`in_service`; `production` by default).
 */
export function inProduction(ctx: RuleContext): boolean {
  return isInService(ctx.catalogue, ctx.statut);
}

/**
 * A high-risk AI system (AI Act annex III) that the public body deploys, outside critical
 * infrastructure (annex III point 2, excluded from art. 27 and 49(3)).
 */
export function highRiskDeployer(ctx: RuleContext): boolean {
  if (ctx.get(['droits', 'ai_act', 'categorie']) !== 'haut_risque') return false;
  if (ctx.get(['droits', 'ai_act', 'role']) === 'fournisseur') return false;
  const annex = ctx.get(['droits', 'ai_act', 'annexe_iii']);
  return !(typeof annex === 'string' && /^\s*2(?!\d)/.test(annex));
}

/** `droits.decisions_individuelles`: true, false (and the rule is marked not applicable), or undefined when not given. */
export function makesIndividualDecisions(ctx: RuleContext): boolean | undefined {
  const v = ctx.get(['droits', 'decisions_individuelles']);
  if (v === false) ctx.notApplicable();
  return typeof v === 'boolean' ? v : undefined;
}

/** Whether a value is a plain object (a YAML mapping). */
export function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const ADD_SECTION: Localized = { fr: 'Ajouter la section « {key} »', en: "Add the '{key}' section" };
const ADD_FIELD: Localized = { fr: 'Ajouter « {key} »', en: "Add '{key}'" };

function fill(text: Localized, key: string): Localized {
  return { fr: text.fr.replace('{key}', key), en: text.en.replace('{key}', key) };
}

/**
 * The fix that adds the first missing level of `path`: the top-level section when it is
 * absent (`insert-section`), else the first absent key under its present parent
 * (`insert-field`). No fix when the path is already there, when a parent is not a mapping
 * (adding a key would mean rewriting what the user wrote), or when a sibling key looks like a
 * typo of the missing one (`usager:` for `usagers:`): the schema's "replace key" fix is the
 * right one there, and adding the key as well would leave a duplicate.
 */
export function addMissing(ctx: RuleContext, path: DataPath, preferred = false): FixSpec[] | undefined {
  for (let i = 0; i < path.length; i++) {
    const prefix = path.slice(0, i + 1);
    if (ctx.has(prefix)) continue;
    const key = String(path[i]);
    const parent = path.slice(0, i);
    const parentValue = i === 0 ? ctx.data : ctx.get(parent);
    if (!isMapping(parentValue)) return undefined;
    if (hasTypoOf(parentValue, parent, key)) return undefined;
    if (i === 0) return [{ kind: 'insert-section', args: { section: key }, title: fill(ADD_SECTION, key), preferred }];
    return [{ kind: 'insert-field', args: { path: parent, key }, title: fill(ADD_FIELD, key), preferred }];
  }
  return undefined;
}

/** Per mapping of the data: the known keys its unknown keys look like typos of (computed once per lint, not once per rule). */
const typoTargets = new WeakMap<object, Set<string>>();

/** Whether `parent` holds a key the schema does not know and whose closest known key is `key`. */
export function hasTypoOf(parentValue: Record<string, unknown>, parentPath: DataPath, key: string): boolean {
  let known: string[];
  try {
    known = Object.keys(schemaAt(parentPath)?.properties ?? {});
  } catch {
    return false;
  }
  if (!known.includes(key)) return false;
  let targets = typoTargets.get(parentValue);
  if (!targets) {
    targets = new Set<string>();
    for (const k of Object.keys(parentValue)) {
      if (known.includes(k)) continue;
      const c = closest(k, known);
      if (c !== undefined) targets.add(c);
    }
    typoTargets.set(parentValue, targets);
  }
  return targets.has(key);
}

/** The field's value when it is a string, else `undefined`. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Member states of the European Union and the other states of the European Economic Area (ISO 3166-1 alpha-2). */
export const EU_EEA_COUNTRIES: ReadonlySet<string> = new Set([
  // European Union (27)
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  // EEA (outside the EU)
  'IS',
  'LI',
  'NO',
]);

/** An ISO date `YYYY-MM-DD` string (a real calendar day). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(v + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/**
 * For the E05 rules that follow E05-base-legale: true when the declaration says it processes
 * personal data; marks the rule not applicable when it says it does not; false (silent) when it
 * does not say — E05-base-legale asks for that answer.
 */
export function processesPersonalData(ctx: RuleContext): boolean {
  const personnelles = ctx.get(['donnees', 'personnelles']);
  if (personnelles === false) ctx.notApplicable();
  return personnelles === true;
}
