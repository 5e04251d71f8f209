import { parseDeclaration } from './parse';
import { schemaValidator } from './schema';
import { derivedResource, resourceText } from './resources';
import type { Localized, SeveritySetting } from './types';

export interface RuleRef {
  id: string;
  /** Re-grades the rule (`off` disables it) for every declaration checked with this catalogue. */
  severity?: SeveritySetting;
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

export interface Engagement {
  id: string;
  principle: string;
  title: Localized;
  explanation: Localized;
  source: 'lyon' | 'derived' | string;
  references: Reference[];
  derogable: boolean;
  sections: string[];
  rules: RuleRef[];
}

/** A city's AI framework, as data. Loaded from YAML and validated; it never runs code. */
export interface Catalogue {
  id: string;
  version: string;
  name: Localized;
  city?: Localized;
  adopted?: string;
  docs_base_url: string;
  sources?: { label: string; note?: string }[];
  principles: Principle[];
  engagements: Engagement[];
  /** Framework-wide rules (`cadre-*`) re-graded by the catalogue. */
  rules?: RuleRef[];
}

export interface CatalogueLoad {
  catalogue?: Catalogue;
  /** Why the file could not be used (localizable by the caller; English technical detail). */
  errors: string[];
  file: string;
}

/** The `cadre:` value declarations must carry for this catalogue. */
export function cadreId(c: Catalogue): string {
  return `${c.id}/${c.version}`;
}

/** Largest catalogue file read. */
export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;

/** The validator of `schemas/catalogue.schema.json`, made once (per resource reader). */
function catalogueValidator(): ((data: unknown) => boolean) & { errors?: unknown } {
  return derivedResource('schemas/catalogue.schema.json', () => schemaValidator('schemas/catalogue.schema.json', resourceText('schemas/catalogue.schema.json')));
}

/** Parses and validates the text of a catalogue (reading a file: `server/src/node/catalogue.ts`). Never throws. */
export function parseCatalogue(text: string, file: string, knownRuleIds?: ReadonlySet<string>): CatalogueLoad {
  // Read with the declarations' parser: its limits (nesting, tokens, aliases) hold for any file
  // a setting may point at; `yaml`'s own parse recursed into 10,000 nested brackets.
  const parsed = parseDeclaration(text, { maxChars: MAX_CATALOGUE_BYTES });
  if (parsed.problems.length || parsed.value === undefined) {
    const problems = parsed.problems.slice(0, 5).map((p) => `${p.code} ${p.detail} (line ${p.range.start.line + 1})`);
    return { file, errors: [`invalid YAML: ${problems.join('; ') || 'no data'}`] };
  }
  const data: unknown = parsed.value;
  try {
    const validateCatalogue = catalogueValidator();
    if (!validateCatalogue(data)) {
      const errs = (validateCatalogue.errors as { instancePath: string; message?: string }[]) ?? [];
      return { file, errors: errs.slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()) };
    }
  } catch (e) {
    return { file, errors: [`catalogue schema: ${(e as Error).message}`] };
  }
  const c = data as Catalogue;
  const errors: string[] = [];
  const principles = new Set(c.principles.map((p) => p.id));
  const seen = new Set<string>();
  for (const e of c.engagements) {
    if (seen.has(e.id)) errors.push(`duplicate engagement ${e.id}`);
    seen.add(e.id);
    if (!principles.has(e.principle)) errors.push(`${e.id}: unknown principle ${e.principle}`);
    for (const r of e.rules ?? []) if (knownRuleIds && !knownRuleIds.has(r.id)) errors.push(`${e.id}: unknown rule ${r.id}`);
  }
  for (const r of c.rules ?? []) if (knownRuleIds && !knownRuleIds.has(r.id)) errors.push(`unknown rule ${r.id}`);
  if (errors.length) return { file, errors };
  return { file, catalogue: c, errors: [] };
}

export const BUNDLED_CATALOGUE_FILE = ['schemas', 'frameworks', 'lyon-2025.yaml'];

/** Rules a catalogue names that are not in `knownRuleIds`. */
function unknownRules(c: Catalogue, knownRuleIds: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  for (const e of c.engagements) for (const r of e.rules ?? []) if (!knownRuleIds.has(r.id)) errors.push(`${e.id}: unknown rule ${r.id}`);
  for (const r of c.rules ?? []) if (!knownRuleIds.has(r.id)) errors.push(`unknown rule ${r.id}`);
  return errors;
}

/**
 * The catalogue shipped with Cadre IA (Lyon 2025), parsed once (per resource reader) and the
 * same object on every call; its rules are checked against `knownRuleIds` on every call that
 * gives them. Throws only if the package itself is broken.
 */
export function bundledCatalogue(knownRuleIds?: ReadonlySet<string>): Catalogue {
  const file = BUNDLED_CATALOGUE_FILE.join('/');
  const load = derivedResource(file, () => parseCatalogue(resourceText(file), file));
  const errors = load.catalogue && knownRuleIds ? unknownRules(load.catalogue, knownRuleIds) : load.errors;
  if (!load.catalogue || errors.length) throw new Error(`Cadre IA: the bundled catalogue is invalid: ${errors.join('; ')}`);
  return load.catalogue;
}

export function findEngagement(c: Catalogue, id: string): Engagement | undefined {
  return c.engagements.find((e) => e.id === id);
}

export function findPrinciple(c: Catalogue, id: string): Principle | undefined {
  return c.principles.find((p) => p.id === id);
}

/** Documentation page of a rule or diagnostic code. */
export function docUrl(c: Catalogue, code: string): string {
  const base = c.docs_base_url.replace(/\/+$/, '');
  if (code === 'syntax') return `${base}/syntax.md`;
  if (code === 'projet-id-duplique') return `${base}/report.md#identifiants-uniques`;
  if (code.startsWith('schema-')) return `${base}/schema.md#${code.toLowerCase()}`;
  return `${base}/rules/${code}.md`;
}

/** Documentation page of an engagement. */
export function engagementUrl(c: Catalogue, id: string): string {
  return `${c.docs_base_url.replace(/\/+$/, '')}/engagements/${id}.md`;
}
