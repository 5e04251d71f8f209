import { getIn, parseDeclaration, type ParsedDeclaration } from './parse';
import { declarationSchema, schemaAt, schemaValidator } from './schema';
import { derivedResource, resourceText } from './resources';
import { closest } from './text';
import type { DataPath, Localized, SeveritySetting } from './types';

export interface RuleRef {
  id: string;
  /** Re-grades the rule (`off` disables it) for every declaration checked with this catalogue. */
  severity?: SeveritySetting;
  /** The rule's options (thresholds, variants), checked against the rule's options schema. */
  options?: Record<string, unknown>;
  /** What the framework says of this rule (why it holds in this framework). */
  note?: Localized;
  /** References of the framework itself for this rule (a deliberation, the city's text). */
  references?: string[];
}

export interface Reference {
  label: string;
  url?: string;
}

export interface Principle {
  id: string;
  title: Localized;
  description: Localized;
}

/** A condition under which an engagement applies: the declaration's `field` holds one of `in`. */
export interface Condition {
  field: string;
  in: (string | boolean | number)[];
}

export interface Engagement {
  id: string;
  principle: string;
  title: Localized;
  explanation: Localized;
  /** `official` (named by the framework's public text), `derived` (rebuilt by Cadre IA), `law` (a legal duty). */
  source: 'official' | 'derived' | 'law' | string;
  references: Reference[];
  derogable: boolean;
  /** The sections or fields (dotted paths) that serve the engagement: the one source of that mapping. */
  fields: string[];
  /** The top-level sections of `fields`, in order (derived when the catalogue is read). */
  sections: string[];
  rules: RuleRef[];
  /** ISO date from which the engagement applies; before it, its findings are information only. */
  applies_from?: string;
  applies_from_note?: Localized;
  /** Conditions (all required) under which the engagement applies. */
  applies_when?: Condition[];
  doc_url?: string;
}

/** A city's AI framework (or the legal baseline), as data. Loaded from YAML and validated; it never runs code. */
export interface Catalogue {
  id: string;
  version: string;
  name: Localized;
  city?: Localized;
  adopted?: string;
  docs_base_url: string;
  /** Order of the declaration's sections (where a fix inserts one); the schema's order by default. */
  section_order?: string[];
  /** Project statuses at which the system counts as in service (default: production). */
  in_service?: string[];
  /** The engagement the public register of projects serves: a duplicate `projet.id` (a check across files) counts for it. */
  register_engagement?: string;
  sources?: { label: string; note?: string }[];
  principles: Principle[];
  engagements: Engagement[];
  /** Framework-wide rules (`cadre-*`) re-graded by the catalogue. */
  rules?: RuleRef[];
}

/** What a catalogue reader needs to know of a rule (given by the rule registry, `framework.ts`). */
export interface RuleInfo {
  id: string;
  /** The id without the prefix of the engagement it was written for (`pratique-interdite`). */
  name: string;
  /** A framework-wide rule (`cadre-*`): re-graded under the catalogue's top-level `rules`, never under an engagement. */
  frameworkWide: boolean;
  /** Problems of a catalogue's `options` for this rule (empty: valid). English, technical. */
  checkOptions(options: unknown): string[];
}

/** The rules the code knows, by id or name. */
export interface RuleLookup {
  get(idOrName: string): RuleInfo | undefined;
  /** Every id and name, for "did you mean". */
  names(): string[];
}

/** Rules given as a bare set of ids: only ids are checked (no names, no options). */
function asLookup(rules: RuleLookup | ReadonlySet<string> | undefined): RuleLookup | undefined {
  if (!rules) return undefined;
  if (typeof (rules as RuleLookup).names === 'function' && typeof (rules as RuleLookup).get === 'function' && !(rules instanceof Set && !('names' in rules))) return rules as RuleLookup;
  const ids = rules as ReadonlySet<string>;
  return {
    get: (id) => (ids.has(id) ? { id, name: id, frameworkWide: id.startsWith('cadre-'), checkOptions: () => [] } : undefined),
    names: () => [...ids],
  };
}

/** What kind of problem: its diagnostic code is `catalogue-<kind>` (catalogueAuthoring.ts). */
export type CatalogueProblemKind = 'doublon' | 'principe-inconnu' | 'engagement-inconnu' | 'champ-inconnu' | 'regle-inconnue' | 'regle-mal-placee' | 'options-invalides';

/** One problem of a catalogue, at a data path, in both languages. */
export interface CatalogueProblem {
  kind: CatalogueProblemKind;
  path: DataPath;
  message: Localized;
  /** A replacement the author most likely meant (did you mean), for the value at `path`. */
  suggestion?: string;
  /** `key`: the problem is the key at `path` (shown on it). */
  at?: 'key' | 'value';
}

export interface CatalogueLoad {
  catalogue?: Catalogue;
  /** Why the file could not be used (English technical detail, one line each). */
  errors: string[];
  file: string;
  /** The same problems, located (catalogue authoring): semantic checks after the schema passed. */
  problems?: CatalogueProblem[];
  /** The schema's errors (ajv), when the data does not follow `catalogue.schema.json`. */
  schemaErrors?: unknown[];
  /** The parsed text (for locating problems). */
  parsed?: ParsedDeclaration;
}

/** The `cadre:` value declarations carry for this catalogue. */
export function cadreId(c: Catalogue): string {
  return `${c.id}/${c.version}`;
}

/** Largest catalogue file read. */
export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;

/** The validator of `schemas/catalogue.schema.json`, made once (per resource reader). */
export function catalogueValidator(): ((data: unknown) => boolean) & { errors?: unknown } {
  return derivedResource('schemas/catalogue.schema.json', () => schemaValidator('schemas/catalogue.schema.json', resourceText('schemas/catalogue.schema.json')));
}

export function catalogueSchema(): Record<string, unknown> {
  return derivedResource('schemas/catalogue.schema.json#json', () => JSON.parse(resourceText('schemas/catalogue.schema.json')) as Record<string, unknown>);
}

const P = {
  duplicateEngagement: { fr: 'Engagement « {id} » déjà défini plus haut.', en: "Engagement '{id}' is already defined above." },
  duplicatePrinciple: { fr: 'Principe « {id} » déjà défini plus haut.', en: "Principle '{id}' is already defined above." },
  unknownPrinciple: { fr: 'Principe « {id} » inconnu : les principes de ce catalogue sont {known}.', en: "Unknown principle '{id}': this catalogue's principles are {known}." },
  unknownEngagement: { fr: 'Engagement « {id} » inconnu : les engagements de ce catalogue sont {known}.', en: "Unknown engagement '{id}': this catalogue's engagements are {known}." },
  unknownField: { fr: 'Champ « {field} » inconnu dans le format de déclaration.', en: "Unknown field '{field}' in the declaration format." },
  unknownRule: { fr: 'Règle « {id} » inconnue.', en: "Unknown rule '{id}'." },
  didYouMean: { fr: ' Vouliez-vous dire « {s} » ?', en: " Did you mean '{s}'?" },
  wideUnderEngagement: {
    fr: 'La règle « {id} » vaut pour tout le cadre : re-graduez-la dans la liste `rules` de premier niveau, pas sous un engagement.',
    en: "Rule '{id}' is framework-wide: re-grade it in the top-level `rules` list, not under an engagement.",
  },
  engagementRuleAtTop: {
    fr: 'La règle « {id} » met en œuvre un engagement : placez-la sous l’engagement qu’elle sert.',
    en: "Rule '{id}' implements an engagement: list it under the engagement it serves.",
  },
  duplicateRule: { fr: 'Règle « {id} » déjà listée pour cet engagement.', en: "Rule '{id}' is already listed for this engagement." },
  badOptions: { fr: 'Options invalides pour la règle « {id} » : {why}.', en: "Invalid options for rule '{id}': {why}." },
  noOptions: { fr: 'La règle « {id} » n’a pas d’options.', en: "Rule '{id}' takes no options." },
} satisfies Record<string, Localized>;

function fill(text: Localized, data: Record<string, string>): Localized {
  const f = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? data[k] : m));
  return { fr: f(text.fr), en: f(text.en) };
}

function plus(a: Localized, b: Localized | undefined): Localized {
  return b ? { fr: a.fr + b.fr, en: a.en + b.en } : a;
}

/** Every dotted path of the declaration schema's properties (for "did you mean" on `fields`). */
function declarationPaths(): string[] {
  return derivedResource('schemas/declaration.schema.json#paths', () => {
    const out: string[] = [];
    const walk = (prefix: string[], depth: number) => {
      if (depth > 6) return;
      const node = schemaAt(prefix);
      for (const k of Object.keys(node?.properties ?? {})) {
        out.push([...prefix, k].join('.'));
        walk([...prefix, k], depth + 1);
      }
    };
    walk([], 0);
    return out;
  });
}

/** Whether a dotted path names a field of the declaration format. */
export function isDeclarationField(dotted: string): boolean {
  return schemaAt(dotted.split('.')) !== undefined;
}

/**
 * Parses and validates the text of a catalogue (reading a file: `server/src/node/catalogue.ts`).
 * `rules` checks the rules it names (ids, options); without it, only the data is checked.
 * Never throws.
 */
export function parseCatalogue(text: string, file: string, ruleSet?: RuleLookup | ReadonlySet<string>): CatalogueLoad {
  const rules = asLookup(ruleSet);
  // Read with the declarations' parser: its limits (nesting, tokens, aliases) hold for any file
  // a setting may point at; `yaml`'s own parse recursed into 10,000 nested brackets.
  const parsed = parseDeclaration(text, { maxChars: MAX_CATALOGUE_BYTES });
  if (parsed.problems.length || parsed.value === undefined) {
    const problems = parsed.problems.slice(0, 5).map((p) => `${p.code} ${p.detail} (line ${p.range.start.line + 1})`);
    return { file, errors: [`invalid YAML: ${problems.join('; ') || 'no data'}`], parsed };
  }
  const data: unknown = parsed.value;
  try {
    const validateCatalogue = catalogueValidator();
    if (!validateCatalogue(data)) {
      const errs = (validateCatalogue.errors as { instancePath: string; message?: string }[]) ?? [];
      return { file, errors: errs.slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()), schemaErrors: [...errs], parsed };
    }
  } catch (e) {
    return { file, errors: [`catalogue schema: ${(e as Error).message}`], parsed };
  }
  // The data is the parser's own object: copy what we derive, never write into it.
  const raw = data as Omit<Catalogue, 'engagements'> & { engagements: Omit<Engagement, 'sections'>[] };
  const c: Catalogue = { ...raw, engagements: raw.engagements.map((e) => ({ ...e, sections: sectionsOf(e.fields) })) };
  const problems = checkCatalogue(c, rules);
  if (problems.length) return { file, errors: problems.map((p) => `${p.path.join('.')}: ${p.message.en}`), problems, parsed };
  return { file, catalogue: c, errors: [], problems: [], parsed };
}

function sectionsOf(fields: string[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const s = f.split('.')[0];
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** The checks the schema cannot make: references between parts, fields of the format, rules and their options. */
function checkCatalogue(c: Catalogue, rules: RuleLookup | undefined): CatalogueProblem[] {
  const out: CatalogueProblem[] = [];
  const principleIds: string[] = [];
  c.principles.forEach((p, i) => {
    if (principleIds.includes(p.id)) out.push({ kind: 'doublon', path: ['principles', i, 'id'], message: fill(P.duplicatePrinciple, { id: p.id }) });
    principleIds.push(p.id);
  });
  const seen = new Set<string>();
  const paths = declarationPaths();
  const checkField = (field: string, path: DataPath) => {
    if (isDeclarationField(field)) return;
    const s = closest(field, paths);
    out.push({ kind: 'champ-inconnu', path, message: plus(fill(P.unknownField, { field }), s ? fill(P.didYouMean, { s }) : undefined), suggestion: s });
  };
  c.engagements.forEach((e, i) => {
    if (seen.has(e.id)) out.push({ kind: 'doublon', path: ['engagements', i, 'id'], message: fill(P.duplicateEngagement, { id: e.id }) });
    seen.add(e.id);
    if (!principleIds.includes(e.principle)) {
      const s = closest(e.principle, principleIds);
      out.push({
        kind: 'principe-inconnu',
        path: ['engagements', i, 'principle'],
        message: plus(fill(P.unknownPrinciple, { id: e.principle, known: principleIds.join(', ') }), s ? fill(P.didYouMean, { s }) : undefined),
        suggestion: s,
      });
    }
    for (const [j, f] of e.fields.entries()) checkField(f, ['engagements', i, 'fields', j]);
    for (const [j, w] of (e.applies_when ?? []).entries()) checkField(w.field, ['engagements', i, 'applies_when', j, 'field']);
    if (rules) checkRules(e.rules ?? [], ['engagements', i, 'rules'], rules, false, out);
  });
  if (c.register_engagement !== undefined && !seen.has(c.register_engagement)) {
    const s = closest(c.register_engagement, [...seen]);
    out.push({
      kind: 'engagement-inconnu',
      path: ['register_engagement'],
      message: plus(fill(P.unknownEngagement, { id: c.register_engagement, known: [...seen].join(', ') }), s ? fill(P.didYouMean, { s }) : undefined),
      suggestion: s,
    });
  }
  if (rules && c.rules) checkRules(c.rules, ['rules'], rules, true, out);
  return out;
}

function checkRules(refs: RuleRef[], at: DataPath, rules: RuleLookup, topLevel: boolean, out: CatalogueProblem[]): void {
  const seen = new Set<string>();
  refs.forEach((ref, k) => {
    const path = [...at, k, 'id'];
    const info = rules.get(ref.id);
    if (!info) {
      const s = closest(ref.id, rules.names());
      out.push({ kind: 'regle-inconnue', path, message: plus(fill(P.unknownRule, { id: ref.id }), s ? fill(P.didYouMean, { s }) : undefined), suggestion: s });
      return;
    }
    if (seen.has(info.id)) out.push({ kind: 'doublon', path, message: fill(P.duplicateRule, { id: ref.id }) });
    seen.add(info.id);
    if (info.frameworkWide && !topLevel) out.push({ kind: 'regle-mal-placee', path, message: fill(P.wideUnderEngagement, { id: ref.id }) });
    if (!info.frameworkWide && topLevel) out.push({ kind: 'regle-mal-placee', path, message: fill(P.engagementRuleAtTop, { id: ref.id }) });
    if (ref.options !== undefined) {
      const why = info.checkOptions(ref.options);
      if (why.length) out.push({ kind: 'options-invalides', path: [...at, k, 'options'], message: fill(P.badOptions, { id: ref.id, why: why.join('; ') }), at: 'key' });
    }
  });
}

/** The catalogues shipped with Cadre IA: Lyon's framework (the default) and the legal baseline. */
export const BUNDLED_CATALOGUE_FILES: readonly string[] = ['schemas/frameworks/lyon-2025.yaml', 'schemas/frameworks/socle-ia-v1.yaml'];
/** The default bundled catalogue (judges a declaration whose `cadre:` is missing). */
export const BUNDLED_CATALOGUE_FILE = ['schemas', 'frameworks', 'lyon-2025.yaml'];

/**
 * A catalogue shipped with Cadre IA, parsed once (per resource reader) and the same object on
 * every call; its rules are checked against `rules` on every call that gives them. Throws only if
 * the package itself is broken.
 */
export function bundledCatalogueFile(file: string, ruleSet?: RuleLookup | ReadonlySet<string>): Catalogue {
  const rules = asLookup(ruleSet);
  const load = derivedResource(file, () => parseCatalogue(resourceText(file), file));
  const errors = load.catalogue && rules ? checkCatalogue(load.catalogue, rules).map((p) => `${p.path.join('.')}: ${p.message.en}`) : load.errors;
  if (!load.catalogue || errors.length) throw new Error(`Cadre IA: the bundled catalogue ${file} is invalid: ${errors.join('; ')}`);
  return load.catalogue;
}

/** The default bundled catalogue (Lyon 2025). */
export function bundledCatalogue(rules?: RuleLookup | ReadonlySet<string>): Catalogue {
  return bundledCatalogueFile(BUNDLED_CATALOGUE_FILE.join('/'), rules);
}

/** Every bundled catalogue, the default first. */
export function bundledCatalogues(rules?: RuleLookup | ReadonlySet<string>): Catalogue[] {
  return BUNDLED_CATALOGUE_FILES.map((f) => bundledCatalogueFile(f, rules));
}

export function findEngagement(c: Catalogue, id: string): Engagement | undefined {
  return c.engagements.find((e) => e.id === id);
}

export function findPrinciple(c: Catalogue, id: string): Principle | undefined {
  return c.principles.find((p) => p.id === id);
}

/**
 * The engagements a data path serves, the most precise first: those with a field that is a
 * prefix of the path (or the path a prefix of a field: a section shared by engagements serves
 * each of them). The first is the owner of a finding on that path.
 */
export function engagementsOfPath(c: Catalogue, path: DataPath): Engagement[] {
  const segs = path.filter((s): s is string => typeof s === 'string');
  const scored: { e: Engagement; score: number }[] = [];
  for (const e of c.engagements) {
    let best = -1;
    for (const f of e.fields ?? []) {
      const fs = f.split('.');
      const n = Math.min(fs.length, segs.length);
      let k = 0;
      while (k < n && fs[k] === segs[k]) k++;
      if (k === fs.length)
        best = Math.max(best, 100 + fs.length); // the field holds the path
      else if (k === segs.length && segs.length > 0) best = Math.max(best, segs.length); // the path holds the field
    }
    if (best >= 0) scored.push({ e, score: best });
  }
  return scored.sort((a, b) => b.score - a.score).map((x) => x.e);
}

/** The engagement a finding on `path` counts for (the most precise field), if any. */
export function engagementOfPath(c: Catalogue, path: DataPath | undefined): string | undefined {
  if (!path || path.length === 0) return undefined;
  // A statement `engagements.<id>…` is about that engagement.
  if (path[0] === 'engagements') return typeof path[1] === 'string' && findEngagement(c, path[1]) ? path[1] : undefined;
  return engagementsOfPath(c, path)[0]?.id;
}

/** The order of the declaration's top-level keys: the catalogue's, completed by the schema's. */
export function sectionOrder(c: Catalogue | undefined): string[] {
  const schemaOrder = Object.keys(declarationSchema().schema.properties ?? {});
  const own = c?.section_order ?? [];
  return [...own, ...schemaOrder.filter((s) => !own.includes(s))];
}

/** Whether a project status counts as "in service" for this catalogue (default: production). */
export function isInService(c: Catalogue, statut: string | undefined): boolean {
  return statut !== undefined && (c.in_service ?? ['production']).includes(statut);
}

/** Whether an engagement applies at `today` (ISO date). */
export function appliesAt(e: Engagement, today: string): boolean {
  return !e.applies_from || e.applies_from <= today;
}

/** An engagement's conditions read in the declaration's data: `true`, `false`, or `undefined` when a condition's field is not given. */
export function conditionsHold(e: Engagement, data: unknown): boolean | undefined {
  let unknown = false;
  for (const w of e.applies_when ?? []) {
    const v = getIn(data, w.field.split('.'));
    if (v === undefined || v === null) unknown = true;
    else if (!w.in.includes(v as string | boolean | number)) return false;
  }
  return unknown ? undefined : true;
}

/** Where Cadre IA's own pages are: the format (`syntax`, `schema-*`), framework-wide and engine codes (`cadre-*`, …). */
export const PRODUCT_DOCS_URL = 'https://github.com/cadre-ia/cadre-ia/blob/main/docs';

/**
 * Documentation page of a diagnostic code. A rule as a framework uses it (`E02-…`, `AIA-27-…`)
 * has its page under the catalogue's `docs_base_url`; the format's codes, the framework-wide and
 * the engine's ones are the product's, the same for every framework.
 */
export function docUrl(c: Catalogue, code: string): string {
  const product = PRODUCT_DOCS_URL;
  if (code === 'syntax') return `${product}/syntax.md`;
  if (code === 'projet-id-duplique') return `${product}/report.md#identifiants-uniques`;
  if (code.startsWith('schema-')) return `${product}/schema.md#${code.toLowerCase()}`;
  if (code.startsWith('cadre-') || !/^[A-Z]/.test(code)) return `${product}/rules/${code}.md`;
  return `${c.docs_base_url.replace(/\/+$/, '')}/rules/${code}.md`;
}

/** Documentation page of an engagement. */
export function engagementUrl(c: Catalogue, id: string): string {
  const e = findEngagement(c, id);
  if (e?.doc_url) return e.doc_url;
  return `${c.docs_base_url.replace(/\/+$/, '')}/engagements/${id}.md`;
}

export type { RuleRef as CatalogueRuleRef };
