import { isMap, isScalar, parseDocument } from 'yaml';
import { derivedResource, resourceText } from './resources';

/**
 * Skeletons of a declaration, of each section and of a derogation, read from
 * `schemas/templates.yaml` (data shared by fixes, snippets and the "new declaration"
 * command). Every skeleton is normalized here to a *fragment*: YAML text whose first key
 * stands at column 0 (`usagers:` then its indented body), lines ending with `\n`, as written
 * in the data file (indentation unit, quotes and comments kept). `fixes.ts` re-indents and
 * places fragments; this module only reads and fills them.
 */

export interface SectionTemplate {
  /** `name:` and its body, key at column 0, ending with a newline. */
  text: string;
}

export interface Templates {
  sections: Record<string, SectionTemplate>;
  /** Derogation block with `{{id}}` placeholders (raw, as in the file). */
  derogation: string;
  /** Whole declaration with `{{id}}`, `{{nom}}`, `{{direction}}` (raw, as in the file). */
  declaration: string;
}

/** The placeholder used when a template has no value for a field. */
export const PLACEHOLDER = 'A COMPLETER';

const TEMPLATES_FILE = 'schemas/templates.yaml';

/** Parses `schemas/templates.yaml` once (per resource reader). Throws when the package is broken (file missing or malformed). */
export function loadTemplates(): Templates {
  return derivedResource(TEMPLATES_FILE, () => parseTemplates(resourceText(TEMPLATES_FILE), TEMPLATES_FILE));
}

/** Parses the text of a templates file (exported for tests). Throws on a malformed file. */
export function parseTemplates(text: string, file = 'templates.yaml'): Templates {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
  const data = doc.toJS() as Record<string, unknown> | null;
  const textOf = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') return (v as { text: string }).text;
    return undefined;
  };
  const sections: Record<string, SectionTemplate> = {};
  const rawSections = data?.sections;
  if (rawSections && typeof rawSections === 'object' && !Array.isArray(rawSections)) {
    for (const [name, v] of Object.entries(rawSections as Record<string, unknown>)) {
      const t = textOf(v);
      if (t === undefined) continue;
      sections[name] = { text: asFragment(name, t) };
    }
  }
  const derogation = textOf(data?.derogation);
  const declaration = textOf(data?.declaration);
  if (derogation === undefined) throw new Error(`${file}: no derogation.text`);
  if (declaration === undefined) throw new Error(`${file}: no declaration.text`);
  return { sections, derogation, declaration };
}

/** Normalizes a skeleton to `key:` + body. Accepts a text that already starts with the key, or a body only. */
export function asFragment(key: string, text: string): string {
  let t = text.replace(/\r\n?/g, '\n');
  if (!t.endsWith('\n')) t += '\n';
  const doc = parseDocument(t);
  const root = doc.contents;
  if (!doc.errors.length && isMap(root) && root.items.length === 1 && isScalar(root.items[0].key) && String(root.items[0].key.value) === key) {
    return dedent(t);
  }
  const body = dedent(t);
  return `${key}:\n${body
    .split('\n')
    .map((l) => (l.trim() === '' ? '' : '  ' + l))
    .join('\n')
    .replace(/\n*$/, '\n')}`;
}

/** Removes the common leading indentation of the non-blank, non-comment lines. */
function dedent(text: string): string {
  const lines = text.split('\n');
  let min = Infinity;
  for (const l of lines) {
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    min = Math.min(min, l.length - l.trimStart().length);
  }
  if (!Number.isFinite(min) || min === 0) return text;
  return lines.map((l) => (l.slice(0, min).trim() === '' ? l.slice(min) : l.trimStart())).join('\n');
}

/** The fragment of a section (`usagers:` + body), or undefined when the templates have none. */
export function sectionFragment(name: string, templates: Templates = loadTemplates()): string | undefined {
  return templates.sections[name]?.text;
}

/** The fragment of a derogation for an engagement: `E09:` + `statut: derogation` etc. */
export function derogationFragment(id: string, templates: Templates = loadTemplates()): string {
  const filled = templates.derogation.replace(/\{\{\s*id\s*\}\}/g, id);
  // The file may give the entry with its key, its body only, or the entry under `engagements:`.
  const doc = parseDocument(filled.replace(/\r\n?/g, '\n'));
  const root = doc.contents;
  if (!doc.errors.length && isMap(root) && root.items.length === 1 && isScalar(root.items[0].key) && root.items[0].key.value === 'engagements') {
    const inner = filled.replace(/\r\n?/g, '\n').split('\n');
    const start = inner.findIndex((l) => /^engagements\s*:/.test(l));
    return asFragment(id, inner.slice(start + 1).join('\n'));
  }
  return asFragment(id, filled);
}

export interface NewDeclaration {
  id?: string;
  nom: string;
  direction: string;
}

/** A slug for a project id: lowercase ASCII letters, digits and single hyphens, at most 64 characters. */
export function slugify(s: string): string {
  const slug = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.slice(0, 64).replace(/-+$/, '');
  return cut || 'projet-ia';
}

/**
 * A new declaration from the template: `{{id}}`, `{{nom}}` and `{{direction}}` filled so that
 * the YAML reads back exactly the given strings (quoted as the template's context requires).
 * The id is the given one when it is already a valid slug, else a slug of it (or of `nom`).
 */
export function renderDeclaration(p: NewDeclaration, templates: Templates = loadTemplates()): { text: string; fileName: string } {
  const id = p.id && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(p.id) && p.id.length <= 64 ? p.id : slugify(p.id || p.nom);
  const values: Record<string, string> = { id, nom: oneLine(p.nom), direction: oneLine(p.direction) };
  const text = templates.declaration
    .replace(/\r\n?/g, '\n')
    .replace(/\{\{\s*(id|nom|direction)\s*\}\}/g, (_m, name: string, offset: number, whole: string) => fillPlaceholder(values[name], whole, offset, _m.length));
  return { text: text.endsWith('\n') ? text : text + '\n', fileName: `${id}.ia.yaml` };
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').trim();
}

/** Renders a value for a placeholder according to what surrounds it: inside "…", inside '…', or bare. */
function fillPlaceholder(value: string, whole: string, offset: number, length: number): string {
  const before = whole[offset - 1];
  const after = whole[offset + length];
  if (before === '"' && after === '"') return JSON.stringify(value).slice(1, -1);
  if (before === "'" && after === "'") return value.replace(/'/g, "''");
  // Bare: plain when it reads back as the same string, else double-quoted.
  const lineStart = whole.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = whole.indexOf('\n', offset);
  const line = whole.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const prefix = whole.slice(lineStart, offset);
  const suffix = line.slice(prefix.length + length);
  if (value !== '' && suffix.trim() === '' && /:\s*$/.test(prefix)) {
    const probe = parseDocument(`k: ${value}\n`);
    if (!probe.errors.length && (probe.toJS() as { k?: unknown })?.k === value) return value;
  }
  return JSON.stringify(value);
}
