import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { t } from './i18n';
import { getIn, rangeOf, type ParsedDeclaration } from './parse';
import { derivedResource, resourceText } from './resources';
import { closest, PLACEHOLDER_RE } from './text';
import type { DataPath, Diagnostic, FixRef, Locale, Localized } from './types';
import { PRECOMPILED } from './validators.precompiled';

/** A JSON Schema node, with our `x-*` annotations. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  title?: string;
  'x-description-en'?: string;
  'x-title-en'?: string;
  'x-enum-descriptions'?: Record<string, Localized>;
  enum?: unknown[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  $ref?: string;
  format?: string;
  [k: string]: unknown;
}

/** Keywords of ours that ajv must accept (annotations only: they never run code). */
export const ANNOTATION_KEYWORDS = ['x-description-en', 'x-title-en', 'x-enum-descriptions'];

/** The declaration schema and its validator, made once (per resource reader). */
export function declarationSchema(): { schema: SchemaNode; validate: ValidateFunction } {
  return derivedResource('schemas/declaration.schema.json', () => {
    const text = resourceText('schemas/declaration.schema.json');
    const schema = JSON.parse(text) as SchemaNode;
    return { schema, validate: schemaValidator('schemas/declaration.schema.json', text, schema) };
  });
}

/**
 * FNV-1a (32 bits) of the UTF-16 units, and the length: tells whether a schema text is the one a
 * precompiled validator was generated from (not a security check: these are the package's own
 * files). `scripts/build-validators.mjs` has the same function.
 */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}-${text.length}`;
}

/**
 * The validator of a package schema: the one generated at build time when the text read is the
 * one it was generated from (bundles), else compiled now with `createAjv()` (source runs, a
 * schema changed after the build, a resource reader serving other texts).
 */
export function schemaValidator(file: string, text: string, schema: unknown = JSON.parse(text)): ValidateFunction {
  const pre = PRECOMPILED[file];
  if (pre && pre.hash === textHash(text)) return pre.validate;
  return createAjv().compile(schema as object);
}

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

/** Follows a local `$ref` (`#/$defs/x`). */
export function deref(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let cur = node;
  for (let i = 0; cur?.$ref && i < 16; i++) {
    const ref: string = cur.$ref;
    if (!ref.startsWith('#/')) return cur;
    let target: unknown = root;
    for (const seg of ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    cur = target as SchemaNode | undefined;
  }
  return cur;
}

/** The schema node that describes a data path (following properties, patternProperties, items). */
export function schemaAt(path: DataPath, root: SchemaNode = declarationSchema().schema): SchemaNode | undefined {
  let cur = deref(root, root);
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') {
      cur = deref(root, cur.items);
      continue;
    }
    let next = cur.properties?.[seg];
    if (!next && cur.patternProperties) {
      for (const [re, s] of Object.entries(cur.patternProperties)) if (new RegExp(re, 'u').test(seg)) next = s;
    }
    cur = deref(root, next);
  }
  return cur;
}

/**
 * Which engagement a data path serves. The schema does not say (a field serves different
 * engagements in different frameworks): the catalogue's `fields` do (`engagementOfPath` in
 * catalogue.ts), and the caller passes that lookup.
 */
export type EngagementResolver = (path: DataPath) => string | undefined;

const noEngagement: EngagementResolver = () => undefined;

/** The field description in a locale. */
export function describe(node: SchemaNode | undefined, locale: Locale): string | undefined {
  if (!node) return undefined;
  return locale === 'en' ? (node['x-description-en'] ?? node.description) : node.description;
}

const MESSAGES: Record<string, Localized> = {
  required: { fr: 'Champ obligatoire manquant : « {field} ».', en: "Missing required field: '{field}'." },
  additionalProperties: { fr: 'Clé inconnue « {key} ».', en: "Unknown key '{key}'." },
  didYouMean: { fr: ' Vouliez-vous dire « {suggestion} » ?', en: " Did you mean '{suggestion}'?" },
  enum: { fr: 'Valeur « {value} » non admise. Valeurs possibles : {allowed}.', en: "Value '{value}' is not allowed. Allowed values: {allowed}." },
  type: { fr: 'Type attendu : {expected} (trouvé : {actual}).', en: 'Expected type: {expected} (found: {actual}).' },
  format: { fr: 'Format invalide : {format} attendu.', en: 'Invalid format: {format} expected.' },
  pattern: { fr: 'La valeur « {value} » ne respecte pas le format attendu.', en: "The value '{value}' does not match the expected format." },
  maxLength: { fr: 'Texte trop long : {actual} caractères pour {limit} au plus.', en: 'Text too long: {actual} characters, {limit} at most.' },
  minLength: { fr: 'Texte trop court : {limit} caractère(s) au moins.', en: 'Text too short: at least {limit} character(s).' },
  minimum: { fr: 'La valeur doit être supérieure ou égale à {limit}.', en: 'The value must be greater than or equal to {limit}.' },
  maximum: { fr: 'La valeur doit être inférieure ou égale à {limit}.', en: 'The value must be less than or equal to {limit}.' },
  minItems: { fr: 'La liste doit compter au moins {limit} élément(s).', en: 'The list needs at least {limit} item(s).' },
  maxItems: { fr: 'La liste compte au plus {limit} élément(s).', en: 'The list holds at most {limit} item(s).' },
  uniqueItems: { fr: 'La liste contient des doublons.', en: 'The list contains duplicates.' },
  const: { fr: 'Valeur attendue : « {expected} ».', en: "Expected value: '{expected}'." },
  cadre: { fr: 'Cadre « {value} » inconnu : ce catalogue vérifie « {expected} ».', en: "Unknown framework '{value}': this catalogue checks '{expected}'." },
  placeholder: { fr: 'À compléter : remplacez le texte provisoire de « {field} ».', en: "To be completed: replace the placeholder text of '{field}'." },
  other: { fr: 'Valeur invalide : {detail}.', en: 'Invalid value: {detail}.' },
  truncated: {
    fr: '{count} autres écarts au schéma ne sont pas affichés (au plus {max} par fichier) : corrigez d’abord ceux-ci.',
    en: '{count} more schema problems are not shown (at most {max} per file): fix these first.',
  },
  fixKey: { fr: 'Remplacer par « {to} »', en: "Replace with '{to}'" },
  fixValue: { fr: 'Remplacer par « {to} »', en: "Replace with '{to}'" },
  fixField: { fr: 'Ajouter le champ « {key} »', en: "Add the field '{key}'" },
};

const TYPE_NAMES: Record<string, Localized> = {
  string: { fr: 'texte', en: 'text' },
  number: { fr: 'nombre', en: 'number' },
  integer: { fr: 'nombre entier', en: 'integer' },
  boolean: { fr: 'booléen (true ou false)', en: 'boolean (true or false)' },
  object: { fr: 'objet (clés et valeurs)', en: 'object (keys and values)' },
  array: { fr: 'liste', en: 'list' },
  null: { fr: 'vide (null)', en: 'empty (null)' },
};

const FORMAT_NAMES: Record<string, Localized> = {
  date: { fr: 'une date AAAA-MM-JJ', en: 'a date YYYY-MM-DD' },
  email: { fr: 'une adresse e-mail', en: 'an e-mail address' },
  uri: { fr: 'une URL absolue (https://…)', en: 'an absolute URL (https://…)' },
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function pathOf(pointer: string, data: unknown): (string | number)[] {
  if (!pointer) return [];
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(cur) && /^\d+$/.test(seg) ? Number(seg) : seg;
    out.push(key);
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return out;
}

function short(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? v : String(JSON.stringify(v));
  } catch {
    s = Array.isArray(v) ? '[…]' : '{…}'; // a value that contains itself (`&a [*a]`)
  }
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

export interface SchemaOptions {
  /** The `cadre:` value the catalogue checks, e.g. `lyon-ia/v1`. */
  expectedCadre?: string;
  /** The engagement each finding serves (the catalogue's `fields`); none by default. */
  engagementOf?: EngagementResolver;
}

/**
 * Schema findings shown in full per document. Beyond, only the first finding of each engagement
 * not yet covered is added (so that verdicts stay right), and one `schema-truncated` counts the
 * rest: a text of 100,000 unknown keys gets an answer in a second, not minutes.
 */
export const MAX_SCHEMA_DIAGNOSTICS = 200;

/** Validates the data of a parsed declaration and maps every error to a range. */
export function validateSchema(parsed: ParsedDeclaration, locale: Locale, options: SchemaOptions = {}): Diagnostic[] {
  const { schema, validate } = declarationSchema();
  const data = parsed.value === undefined ? null : parsed.value;
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const covered = new Set<string | undefined>();
  const engagementByPointer = new Map<string, string | undefined>();
  const engagementOf = options.engagementOf ?? noEngagement;
  let hidden = 0;
  validate(data);
  for (const err of (validate.errors ?? []) as ErrorObject[]) {
    if (out.length >= MAX_SCHEMA_DIAGNOSTICS) {
      let e = engagementByPointer.get(err.instancePath);
      if (!engagementByPointer.has(err.instancePath)) engagementByPointer.set(err.instancePath, (e = engagementOf(pathOf(err.instancePath, data))));
      if (!e || covered.has(e)) {
        hidden++;
        continue;
      }
    }
    const d = placeholderError(err, parsed, data, engagementOf, locale) ?? mapError(err, parsed, data, schema, locale, engagementOf);
    if (!d) continue;
    const key = `${d.code}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
    if (d.outcome === 'a_completer') covered.add(d.engagement);
  }
  if (hidden > 0) {
    out.push({
      code: 'schema-truncated',
      severity: 'warning',
      outcome: 'none',
      message: t(MESSAGES.truncated, locale, { count: hidden, max: MAX_SCHEMA_DIAGNOSTICS }),
      range: rangeOf(parsed, []),
      path: [],
    });
  }
  const cadre = getIn(data, ['cadre']);
  if (options.expectedCadre && typeof cadre === 'string' && cadre !== options.expectedCadre) {
    out.push({
      code: 'schema-enum',
      severity: 'error',
      message: t(MESSAGES.cadre, locale, { value: cadre, expected: options.expectedCadre }),
      range: rangeOf(parsed, ['cadre']),
      path: ['cadre'],
      outcome: 'none',
      fixes: [fix('replace-value', { path: ['cadre'], to: options.expectedCadre }, t(MESSAGES.fixValue, locale, { to: options.expectedCadre }), true)],
    });
  }
  return out;
}

/**
 * Schema errors of any document against any schema (e.g. a catalogue against
 * `catalogue.schema.json`), mapped to ranges and localized messages like a declaration's.
 */
export function schemaErrorDiagnostics(errors: readonly unknown[], parsed: ParsedDeclaration, root: SchemaNode, locale: Locale): Diagnostic[] {
  const data = parsed.value === undefined ? null : parsed.value;
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const err of errors as ErrorObject[]) {
    const d = mapError(err, parsed, data, root, locale);
    if (!d) continue;
    const key = `${d.code}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function placeholderError(err: ErrorObject, parsed: ParsedDeclaration, data: unknown, engagementOf: EngagementResolver, locale: Locale): Diagnostic | undefined {
  if (err.keyword === 'required' || err.keyword === 'additionalProperties') return undefined;
  const path = pathOf(err.instancePath, data);
  const value = getIn(data, path);
  if (typeof value !== 'string' || !PLACEHOLDER_RE.test(value)) return undefined;
  return {
    code: 'schema-placeholder',
    severity: 'warning',
    outcome: 'a_completer',
    message: t(MESSAGES.placeholder, locale, { field: path.join('.') }),
    range: rangeOf(parsed, path),
    path,
    engagement: engagementOf(path),
  };
}

function fix(kind: string, args: Record<string, unknown>, title: string, preferred = false): FixRef {
  return { kind, args, title, preferred };
}

function mapError(err: ErrorObject, parsed: ParsedDeclaration, data: unknown, root: SchemaNode, locale: Locale, engagementOf: EngagementResolver = noEngagement): Diagnostic | undefined {
  const path = pathOf(err.instancePath, data);
  const parent = err.parentSchema as SchemaNode | undefined;
  const base = { severity: 'error' as const, outcome: 'a_completer' as const };
  const engagementFor = (p: DataPath) => engagementOf(p);
  switch (err.keyword) {
    case 'required': {
      const field = (err.params as { missingProperty: string }).missingProperty;
      const full = [...path, field];
      return {
        ...base,
        code: 'schema-required',
        message: t(MESSAGES.required, locale, { field: full.join('.') }),
        range: rangeOf(parsed, path, 'key'),
        path: full,
        engagement: engagementFor(full),
        fixes: [fix('insert-field', { path, key: field }, t(MESSAGES.fixField, locale, { key: field }))],
      };
    }
    case 'additionalProperties': {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      const full = [...path, key];
      const known = Object.keys(deref(root, parent)?.properties ?? {});
      const suggestion = closest(key, known);
      return {
        ...base,
        outcome: 'none',
        code: 'schema-additionalProperties',
        message: t(MESSAGES.additionalProperties, locale, { key }) + (suggestion ? t(MESSAGES.didYouMean, locale, { suggestion }) : ''),
        range: rangeOf(parsed, full, 'key'),
        path: full,
        engagement: engagementFor(path),
        fixes: suggestion ? [fix('replace-key', { path: full, to: suggestion }, t(MESSAGES.fixKey, locale, { to: suggestion }), true)] : undefined,
      };
    }
    case 'enum': {
      const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = getIn(data, path);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        ...base,
        code: 'schema-enum',
        message:
          t(MESSAGES.enum, locale, { value: short(value), allowed: allowed.length > 12 ? allowed.slice(0, 12).join(', ') + ', …' : allowed.join(', ') }) +
          (suggestion ? t(MESSAGES.didYouMean, locale, { suggestion }) : ''),
        range: rangeOf(parsed, path),
        path,
        engagement: engagementFor(path),
        fixes: suggestion ? [fix('replace-value', { path, to: suggestion }, t(MESSAGES.fixValue, locale, { to: suggestion }), true)] : undefined,
      };
    }
    case 'type': {
      const expected = String((err.params as { type: string | string[] }).type)
        .split(',')
        .map((x) => t(TYPE_NAMES[x] ?? { fr: x, en: x }, locale))
        .join(locale === 'fr' ? ' ou ' : ' or ');
      const value = getIn(data, path);
      const actual = t(TYPE_NAMES[typeOf(value)] ?? { fr: '?', en: '?' }, locale);
      // A boolean written as text (`oui`, `yes`, "true"…): offer the boolean it means.
      const meant = String((err.params as { type: string | string[] }).type) === 'boolean' ? booleanOfText(value) : undefined;
      return {
        ...base,
        code: 'schema-type',
        message: t(MESSAGES.type, locale, { expected, actual }),
        range: rangeOf(parsed, path),
        path,
        engagement: engagementFor(path),
        fixes: meant === undefined ? undefined : [fix('replace-value', { path, to: meant }, t(MESSAGES.fixValue, locale, { to: String(meant) }), true)],
      };
    }
    case 'format': {
      const format = (err.params as { format: string }).format;
      return {
        ...base,
        code: 'schema-format',
        message: t(MESSAGES.format, locale, { format: t(FORMAT_NAMES[format] ?? { fr: format, en: format }, locale) }),
        range: rangeOf(parsed, path),
        path,
        engagement: engagementFor(path),
      };
    }
    case 'pattern':
      return { ...base, code: 'schema-pattern', message: t(MESSAGES.pattern, locale, { value: short(getIn(data, path)) }), range: rangeOf(parsed, path), path, engagement: engagementFor(path) };
    case 'maxLength':
    case 'minLength':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'minItems':
    case 'maxItems': {
      const limit = (err.params as { limit: number }).limit;
      const value = getIn(data, path);
      const msg = MESSAGES[err.keyword === 'exclusiveMinimum' ? 'minimum' : err.keyword];
      return {
        ...base,
        code: `schema-${err.keyword}`,
        message: t(msg, locale, { limit, actual: typeof value === 'string' ? [...value].length : '' }),
        range: rangeOf(parsed, path),
        path,
        engagement: engagementFor(path),
      };
    }
    case 'uniqueItems':
      return { ...base, code: 'schema-uniqueItems', message: t(MESSAGES.uniqueItems, locale), range: rangeOf(parsed, path), path, engagement: engagementFor(path) };
    case 'const':
      return {
        ...base,
        code: 'schema-const',
        message: t(MESSAGES.const, locale, { expected: short((err.params as { allowedValue: unknown }).allowedValue) }),
        range: rangeOf(parsed, path),
        path,
        engagement: engagementFor(path),
      };
    case 'if':
    case 'anyOf':
    case 'oneOf':
      // The branches' own errors say more; these add only noise (`not` is reported as any other).
      return undefined;
    default:
      return {
        ...base,
        code: `schema-${err.keyword}`,
        message: t(MESSAGES.other, locale, { detail: err.message ?? err.keyword }),
        range: rangeOf(parsed, path),
        path,
        engagement: engagementFor(path),
      };
  }
}

const TRUE_WORDS = new Set(['true', 'oui', 'yes', 'vrai', 'y', 'o', 'on']);
const FALSE_WORDS = new Set(['false', 'non', 'no', 'faux', 'n', 'off']);

/** The boolean a text means (`oui`, `Yes`, "true" → true; `non`, "false" → false), else undefined. */
export function booleanOfText(value: unknown): boolean | undefined {
  if (typeof value !== 'string') return undefined;
  const w = value.trim().toLowerCase();
  return TRUE_WORDS.has(w) ? true : FALSE_WORDS.has(w) ? false : undefined;
}
