/**
 * A catalogue put to work: which rule runs under which engagement, with which code, severity and
 * options; and the set of frameworks a run knows, from which each declaration's `cadre:` picks
 * its own.
 *
 * Rule codes. A rule written for an engagement has an id prefixed by that engagement
 * (`E02-interaction-directe`); its *name* is the rest (`interaction-directe`). Under any catalogue,
 * the code of its findings is the id of the engagement it is listed under, then its name:
 * `E02-interaction-directe` under Lyon's E02 (the code Lyon's users always had), and
 * `AIA-5-pratique-interdite` when the legal baseline lists `E06-pratique-interdite` under its
 * item AIA-5. The engagement is always the code's prefix, in every framework. Framework-wide rules
 * (`cadre-*`) keep their id as code everywhere. ARCHITECTURE.md records the decision.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { bundledCatalogues, cadreId, type Catalogue, type Engagement, type RuleInfo, type RuleLookup, type RuleRef } from './catalogue';
import type { Rule } from './rules/api';
import { ALL_RULES } from './rules/index';
import { ANNOTATION_KEYWORDS } from './schema';
import { t } from './i18n';
import type { Locale, Localized, SeveritySetting } from './types';

/** Whether a rule is framework-wide (about the declaration's statements, not one engagement). */
export function isFrameworkWide(rule: Rule): boolean {
  return rule.meta.id.startsWith('cadre-');
}

/** A rule's name: its id without the prefix of the engagement it was written for. */
export function ruleName(rule: Rule): string {
  const { id, engagement } = rule.meta;
  return engagement && id.startsWith(`${engagement}-`) ? id.slice(engagement.length + 1) : id;
}

/** The code of a rule's findings under an engagement (`E02-interaction-directe`, `AIA-50-information-interaction`). */
export function ruleCode(rule: Rule, engagementId: string | undefined): string {
  if (isFrameworkWide(rule) || !engagementId) return rule.meta.id;
  return `${engagementId}-${ruleName(rule)}`;
}

const optionValidators = new WeakMap<Rule, ValidateFunction>();
let optionsAjv: Ajv2020 | undefined;

/**
 * The ajv instance that compiles the rules' option schemas: written in this repository's code (a
 * rule's `meta.options.schema`), so the meta-schema is neither loaded nor used to check them —
 * that costs ~30 ms of start-up, on the path to the first diagnostics (bench/README.md, third
 * round). `strict` still refuses an unknown keyword in them.
 */
function ruleOptionsAjv(): Ajv2020 {
  if (!optionsAjv) {
    optionsAjv = new Ajv2020({ allErrors: true, strict: true, meta: false, validateSchema: false });
    for (const keyword of ANNOTATION_KEYWORDS) optionsAjv.addKeyword({ keyword });
  }
  return optionsAjv;
}

/** Problems of `options` for a rule (empty: valid). */
export function checkRuleOptions(rule: Rule, options: unknown): string[] {
  const spec = rule.meta.options;
  if (!spec) return options && typeof options === 'object' && Object.keys(options).length ? ['the rule takes no options'] : [];
  let validate = optionValidators.get(rule);
  if (!validate) {
    validate = ruleOptionsAjv().compile(spec.schema);
    optionValidators.set(rule, validate);
  }
  if (validate(options)) return [];
  return (validate.errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') + ' ' : ''}${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ''}`,
    );
}

let lookup: RuleLookup | undefined;
const RULES_BY_KEY = new Map<string, Rule>();

/** The rules the code knows, by id or by name (what catalogues name). */
export function ruleLookup(): RuleLookup {
  if (lookup) return lookup;
  const infos = new Map<string, RuleInfo>();
  for (const rule of ALL_RULES) {
    const info: RuleInfo = { id: rule.meta.id, name: ruleName(rule), frameworkWide: isFrameworkWide(rule), checkOptions: (o) => checkRuleOptions(rule, o) };
    infos.set(rule.meta.id, info);
    RULES_BY_KEY.set(rule.meta.id, rule);
    if (!infos.has(info.name)) {
      infos.set(info.name, info);
      RULES_BY_KEY.set(info.name, rule);
    }
  }
  lookup = { get: (k) => infos.get(k), names: () => [...infos.keys()] };
  return lookup;
}

/** The rule a catalogue names (by id or name). */
export function findRule(idOrName: string): Rule | undefined {
  ruleLookup();
  return RULES_BY_KEY.get(idOrName);
}

/** One rule as a catalogue uses it. */
export interface RuleBinding {
  rule: Rule;
  /** The code of its findings under this catalogue. */
  code: string;
  /** The engagement it is listed under (absent for framework-wide rules). */
  engagement?: Engagement;
  /** The catalogue's severity, or the rule's default. */
  severity: SeveritySetting;
  /** The rule's defaults, overridden by the catalogue's options. */
  options: Record<string, unknown>;
  /** The catalogue's entry for the rule, if any. */
  ref?: RuleRef;
}

export interface Framework {
  catalogue: Catalogue;
  /** Engagement rules in catalogue order, then framework-wide rules. */
  bindings: RuleBinding[];
  byCode: ReadonlyMap<string, RuleBinding>;
}

const frameworks = new WeakMap<Catalogue, Framework>();

/** The rules a catalogue runs (computed once per catalogue object). */
export function frameworkOf(catalogue: Catalogue): Framework {
  let f = frameworks.get(catalogue);
  if (f) return f;
  const bindings: RuleBinding[] = [];
  for (const e of catalogue.engagements) {
    for (const ref of e.rules ?? []) {
      const rule = findRule(ref.id);
      if (!rule || isFrameworkWide(rule)) continue;
      bindings.push({ rule, code: ruleCode(rule, e.id), engagement: e, severity: ref.severity ?? rule.meta.defaultSeverity, options: { ...rule.meta.options?.defaults, ...ref.options }, ref });
    }
  }
  // Framework-wide rules (`cadre-*`) run for every catalogue unless it turns them off.
  for (const rule of ALL_RULES) {
    if (!isFrameworkWide(rule)) continue;
    const ref = catalogue.rules?.find((r) => findRule(r.id) === rule);
    bindings.push({ rule, code: rule.meta.id, severity: ref?.severity ?? rule.meta.defaultSeverity, options: { ...rule.meta.options?.defaults, ...ref?.options }, ref });
  }
  f = { catalogue, bindings, byCode: new Map(bindings.map((b) => [b.code, b])) };
  frameworks.set(catalogue, f);
  return f;
}

/** A rule's text with its options filled in (`{min_jours}` → 180). */
export function ruleText(text: Localized, locale: Locale, options: Record<string, unknown> | undefined): string {
  if (!options) return t(text, locale);
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) flat[k] = Array.isArray(v) ? v.join(', ') : v;
  return t(text, locale, flat);
}

/**
 * The frameworks a run knows: the bundled catalogues and those configured (`--catalogue`,
 * `cadreIa.catalogue`). A configured catalogue with the `cadre:` of a bundled one replaces it.
 */
export class FrameworkSet {
  private readonly map = new Map<string, Catalogue>();

  constructor(
    catalogues: readonly Catalogue[],
    /** Judges a declaration whose `cadre:` is missing or not a string. */
    readonly fallback: Catalogue,
  ) {
    for (const c of catalogues) if (!this.map.has(cadreId(c))) this.map.set(cadreId(c), c);
    if (!this.map.has(cadreId(fallback))) this.map.set(cadreId(fallback), fallback);
  }

  get(cadre: string): Catalogue | undefined {
    return this.map.get(cadre);
  }

  /** Every known `cadre:` value, in order (configured first). */
  known(): string[] {
    return [...this.map.keys()];
  }

  all(): Catalogue[] {
    return [...this.map.values()];
  }
}

/** The bundled frameworks plus `configured` ones (which win on the same `cadre:`); the first configured one is the fallback. */
export function frameworkSet(configured: readonly (Catalogue | undefined)[] = []): FrameworkSet {
  const own = configured.filter((c): c is Catalogue => !!c);
  const bundled = bundledCatalogues(ruleLookup());
  return new FrameworkSet([...own, ...bundled], own[0] ?? bundled[0]);
}
