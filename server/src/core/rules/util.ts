import { isInService } from '../catalogue';
import { schemaAt } from '../schema';
import { closest } from '../text';
import type { DataPath, Localized } from '../types';
import { type FixSpec, filled, type RuleContext } from './api';

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

/*
 * The rule kit's checks: the one-line "must be true / must be filled" judgements most rules make,
 * each reporting exactly what a hand-written check would (message, outcome, range, fix, related
 * information), so that a rule says which field, which messages, and nothing else. They read
 * through `ctx.get`/`ctx.has` (the paths stay those of the rule's `meta.fields`), and the message
 * ids they take are checked against the rule's messages like `ctx.report`'s.
 */

/**
 * What a field must hold to count as given:
 * - `filled`: a non-empty string that is not a placeholder, a non-empty list, any other value (default);
 * - `present`: any value but `null`; `key`: the key is there (even with no value);
 * - `string`, `number`: a value of that type; `text`: a filled string;
 * - `list`: a list with at least one filled item; `mappings`: a list with at least one mapping;
 * - `true`: the value `true`;
 * - or a predicate of the value.
 */
export type Given = 'filled' | 'present' | 'key' | 'string' | 'number' | 'text' | 'list' | 'mappings' | 'true' | ((v: unknown) => boolean);

type Related<M extends string> = { path: DataPath; messageId: M; data?: Record<string, string | number> }[];

/** The finding for a field that is not given. */
export interface MissingSpec<M extends string> {
  /** Its message: outcome `a_completer` (information to give), with the fix that adds the field. */
  missing: M;
  /**
   * When the duty is due once the project is in service: the message in service, where the
   * finding is `non_conforme` (the fix is kept); before service `missing` stays `a_completer`.
   */
  missingInService?: M;
  /** Whether the project counts as in service (default: `inProduction(ctx)`, read only when needed). */
  inService?: boolean;
  data?: Record<string, string | number>;
  /** Where to show the finding when not on the field itself (a list item: its name). */
  rangePath?: DataPath;
  related?: Related<M>;
  /** Mark the add-field fix preferred. */
  preferredFix?: boolean;
}

export interface FilledSpec<M extends string> extends MissingSpec<M> {
  /** What counts as given (default `filled`). */
  is?: Given;
}

/** The judgement of a boolean that must hold one value (`requireTrue`, `requireFalse`). */
export interface BooleanSpec<M extends string> {
  /** Not stated (absent, null, not a boolean): `a_completer`, with the fix that adds the field. */
  missing: M;
  /**
   * Stated the wrong way: `non_conforme`. With `breachInService`, `breach` is the message before
   * service (`a_completer`: not due yet) and `breachInService` the one in service (`non_conforme`).
   */
  breach: M;
  breachInService?: M;
  /** Whether the project counts as in service (default: `inProduction(ctx)`, read only when needed). */
  inService?: boolean;
  /** Fixes offered on the breach (e.g. set the value, with a comment to confirm). */
  breachFixes?: FixSpec[];
  /** Related information on every finding of this check. */
  related?: Related<M>;
  /** Mark the add-field fix preferred. */
  preferredFix?: boolean;
}

/** Whether the value at `path` counts as given. */
export function isGiven(ctx: RuleContext, path: DataPath, is: Given = 'filled'): boolean {
  if (is === 'key') return ctx.has(path);
  const v = ctx.get(path);
  switch (is) {
    case 'filled':
      return filled(v);
    case 'present':
      return v !== undefined && v !== null;
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'text':
      return typeof v === 'string' && filled(v);
    case 'list':
      return Array.isArray(v) && v.some(filled);
    case 'mappings':
      return Array.isArray(v) && v.some(isMapping);
    case 'true':
      return v === true;
    default:
      return is(v);
  }
}

/**
 * Reports the field at `path` as not given: `a_completer` with the fix that adds it, or — with
 * `missingInService`, in service — `non_conforme` under that message.
 */
export function reportMissing<M extends string>(ctx: RuleContext<M>, path: DataPath, spec: MissingSpec<NoInfer<M>>): void {
  const due = spec.missingInService !== undefined && (spec.inService ?? inProduction(ctx));
  ctx.report({
    messageId: due ? (spec.missingInService as M) : spec.missing,
    data: spec.data,
    path,
    rangePath: spec.rangePath,
    outcome: due ? 'non_conforme' : 'a_completer',
    related: spec.related,
    fixes: addMissing(ctx, path, spec.preferredFix),
  });
}

/** A field that must be given (see `Given`): reports it missing when it is not. True when it is given. */
export function requireFilled<M extends string>(ctx: RuleContext<M>, path: DataPath, spec: FilledSpec<NoInfer<M>>): boolean {
  if (isGiven(ctx, path, spec.is)) return true;
  reportMissing(ctx, path, spec);
  return false;
}

function requireBoolean<M extends string>(ctx: RuleContext<M>, path: DataPath, expected: boolean, spec: BooleanSpec<M>): boolean | undefined {
  const v = ctx.get(path);
  if (v === expected) return v;
  if (v === !expected) {
    const graded = spec.breachInService !== undefined;
    const due = graded && (spec.inService ?? inProduction(ctx));
    ctx.report({
      messageId: due ? (spec.breachInService as M) : spec.breach,
      path,
      outcome: graded && !due ? 'a_completer' : 'non_conforme',
      related: spec.related,
      fixes: spec.breachFixes,
    });
    return v;
  }
  reportMissing(ctx, path, { missing: spec.missing, related: spec.related, preferredFix: spec.preferredFix });
  return undefined;
}

/**
 * A boolean that must be `true` (a duty done): `false` is the breach, anything else is not
 * stated. Returns the boolean stated, `undefined` when none is.
 */
export function requireTrue<M extends string>(ctx: RuleContext<M>, path: DataPath, spec: BooleanSpec<NoInfer<M>>): boolean | undefined {
  return requireBoolean(ctx, path, true, spec);
}

/**
 * A boolean that must be `false` (a risk not taken): `true` is the breach, anything else is not
 * stated. Returns the boolean stated, `undefined` when none is.
 */
export function requireFalse<M extends string>(ctx: RuleContext<M>, path: DataPath, spec: BooleanSpec<NoInfer<M>>): boolean | undefined {
  return requireBoolean(ctx, path, false, spec);
}

/**
 * A boolean the rest of the rule depends on (`sous_traitant: true` before asking for the
 * contract): `true` → true; `false` → the rule does not apply (`ctx.notApplicable()`), false; not
 * stated → reported `missing` (`a_completer`, with the fix that adds it), false.
 */
export function applicableIf<M extends string>(ctx: RuleContext<M>, path: DataPath, missing: NoInfer<M>): boolean {
  const v = ctx.get(path);
  if (v === true) return true;
  if (v === false) ctx.notApplicable();
  else reportMissing(ctx, path, { missing });
  return false;
}
