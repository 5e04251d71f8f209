/**
 * Writing a catalogue is supported like writing a declaration: diagnostics (YAML, the catalogue
 * schema, unknown rules with "did you mean", misplaced rules, invalid options, unknown fields and
 * principles), hovers (a rule's description and options, a field of the declaration format, a key
 * of the catalogue format) and completion (rule ids, declaration fields, principles, keys, option
 * names). Pure functions of the text, like the declaration's; the LSP layer adapts them, and
 * `cadre-ia catalogue check` prints the same diagnostics.
 */
import { catalogueSchema, cadreId, parseCatalogue, type CatalogueLoad } from './catalogue';
import { codeInfo } from './codes';
import { findRule, frameworkOf, ruleCode, ruleLookup, ruleName } from './framework';
import { t } from './i18n';
import { pathAt } from './locate';
import { getIn, hasTree, parseDeclaration, rangeOf, type ParsedDeclaration } from './parse';
import { describe, schemaAt, schemaErrorDiagnostics, type SchemaNode } from './schema';
import { syntaxFindings } from './syntaxCause';
import type { CoreCompletion } from './completion';
import type { DataPath, Diagnostic, Locale, Localized, Position, Range } from './types';

const L = {
  rule: { fr: 'Règle', en: 'Rule' },
  code: { fr: 'Code de ses constats ici', en: 'Code of its findings here' },
  severity: { fr: 'Gravité par défaut', en: 'Default severity' },
  options: { fr: 'Options', en: 'Options' },
  noOptions: { fr: 'Cette règle n’a pas d’options.', en: 'This rule takes no options.' },
  frameworkWide: { fr: 'Règle transverse : elle vaut pour tout le cadre (liste `rules` de premier niveau).', en: 'Framework-wide rule: it applies to the whole framework (top-level `rules` list).' },
  fields: { fr: 'Champs lus', en: 'Fields read' },
  references: { fr: 'Références', en: 'References' },
  field: { fr: 'Champ du format de déclaration', en: 'Field of the declaration format' },
  unknown: { fr: 'inconnu', en: 'unknown' },
  defaultValue: { fr: 'défaut : {v}', en: 'default: {v}' },
  valid: { fr: 'Catalogue valide : {cadre}, {n} engagement(s), {rules} règle(s).', en: 'Valid catalogue: {cadre}, {n} engagement(s), {rules} rule(s).' },
  internal: { fr: 'Le catalogue n’a pas pu être vérifié : {detail}', en: 'The catalogue could not be checked: {detail}' },
} satisfies Record<string, Localized>;

/** The file names the editor treats as catalogues (besides the bundled `schemas/frameworks/*.yaml`). */
export function isCatalogueFile(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return /\.catalogue\.ya?ml$/i.test(n) || /(^|\/)schemas\/frameworks\/[^/]+\.ya?ml$/i.test(n);
}

/** Whether a YAML text declares itself a catalogue (`$schema=…catalogue.schema.json` in its first lines). */
export function looksLikeCatalogue(text: string): boolean {
  return /^#.*\$schema=\S*catalogue\.schema\.json/m.test(text.slice(0, 2000));
}

export interface CatalogueCheck {
  parsed: ParsedDeclaration;
  load: CatalogueLoad;
  diagnostics: Diagnostic[];
}

/** Every problem of a catalogue's text, located. Never throws. */
export function checkCatalogueText(text: string, locale: Locale, file = 'catalogue.yaml'): CatalogueCheck {
  const load = parseCatalogue(text, file, ruleLookup());
  const parsed = load.parsed ?? parseDeclaration(text);
  const diagnostics: Diagnostic[] = [];
  try {
    for (const f of syntaxFindings(parsed, locale)) diagnostics.push(f.diagnostic);
    if (load.schemaErrors?.length) {
      for (const d of schemaErrorDiagnostics(load.schemaErrors, parsed, catalogueSchema() as SchemaNode, locale)) {
        d.outcome = 'none';
        diagnostics.push(d);
      }
    }
    for (const p of load.problems ?? []) {
      const to = p.suggestion;
      diagnostics.push({
        code: `catalogue-${p.kind}`,
        severity: 'error',
        outcome: 'none',
        message: t(p.message, locale),
        range: rangeOf(parsed, p.path, p.at ?? 'value'),
        path: p.path,
        fixes: to ? [{ kind: 'replace-value', args: { path: p.path, to }, title: t({ fr: 'Remplacer par « {to} »', en: "Replace with '{to}'" }, locale, { to }), preferred: true }] : undefined,
      });
    }
    // A problem the checks above could not place (e.g. an unreadable text with no YAML problem).
    if (!load.catalogue && diagnostics.length === 0) {
      diagnostics.push({ code: 'catalogue-invalide', severity: 'error', outcome: 'none', message: t(L.internal, locale, { detail: load.errors.join('; ') }), range: parsed.lines.lineRange(0) });
    }
  } catch (e) {
    diagnostics.push({
      code: 'internal',
      severity: 'warning',
      outcome: 'none',
      message: t(L.internal, locale, { detail: e instanceof Error ? e.message : String(e) }),
      range: parsed.lines.lineRange(0),
    });
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { parsed, load, diagnostics };
}

/** A one-line summary of a valid catalogue (for `cadre-ia catalogue check`). */
export function catalogueSummary(check: CatalogueCheck, locale: Locale): string | undefined {
  const c = check.load.catalogue;
  if (!c) return undefined;
  return t(L.valid, locale, { cadre: cadreId(c), n: c.engagements.length, rules: frameworkOf(c).bindings.filter((b) => b.engagement).length });
}

function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** Which rule list entry a path is in: `engagements.<i>.rules.<k>…` or `rules.<k>…`. */
function ruleEntryOf(path: DataPath): { list: DataPath; index: number; engagementIndex?: number } | undefined {
  if (path[0] === 'engagements' && typeof path[1] === 'number' && path[2] === 'rules' && typeof path[3] === 'number') return { list: path.slice(0, 3), index: path[3], engagementIndex: path[1] };
  if (path[0] === 'rules' && typeof path[1] === 'number') return { list: ['rules'], index: path[1] };
  return undefined;
}

/** A rule explained for a catalogue's author: what it checks, its options, the code it gets here. */
export function ruleMarkdown(idOrName: string, locale: Locale, engagementId?: string): string | undefined {
  const rule = findRule(idOrName);
  if (!rule) return undefined;
  const m = rule.meta;
  const info = codeInfo(m.id);
  const colon = locale === 'fr' ? ' :' : ':';
  const lines = [`**${esc(m.id)}** — ${esc(t(info.title, locale))}`, '', t(info.description, locale)];
  if (m.id.startsWith('cadre-')) lines.push('', t(L.frameworkWide, locale));
  else if (engagementId) lines.push('', `${t(L.code, locale)}${colon} \`${ruleCode(rule, engagementId)}\``);
  lines.push('', `${t(L.severity, locale)}${colon} \`${m.defaultSeverity}\``);
  const props = (m.options?.schema.properties ?? {}) as Record<string, SchemaNode>;
  if (Object.keys(props).length) {
    lines.push('', `${t(L.options, locale)}${colon}`);
    for (const [k, s] of Object.entries(props)) {
      const def = m.options?.defaults[k];
      const d = describe(s, locale) ?? '';
      lines.push(`- \`${k}\` (${String(s.type ?? '')}${def !== undefined ? `, ${t(L.defaultValue, locale, { v: JSON.stringify(def) })}` : ''})${d ? ` — ${d}` : ''}`);
    }
  } else if (!m.id.startsWith('cadre-')) lines.push('', t(L.noOptions, locale));
  lines.push('', `${t(L.fields, locale)}${colon} ${m.fields.map((f) => `\`${f}\``).join(', ')}`);
  if (m.references.length) lines.push('', `${t(L.references, locale)}${colon} ${m.references.map(esc).join(' ; ')}`);
  return lines.join('\n');
}

/** A field of the declaration format explained (for `fields` and `applies_when` entries). */
function fieldMarkdown(dotted: string, locale: Locale): string {
  const node = schemaAt(dotted.split('.'));
  if (!node) return `\`${esc(dotted)}\` — ${t(L.field, locale)} (${t(L.unknown, locale)})`;
  const title = locale === 'en' ? (node['x-title-en'] ?? node.title) : node.title;
  return [`**${esc(dotted)}**${title ? ` — ${esc(String(title))}` : ''}`, '', describe(node, locale) ?? '', '', `*${t(L.field, locale)}*`].join('\n');
}

/** The catalogue schema's node at a data path (numbers for list items). */
function catalogueNode(path: DataPath): SchemaNode | undefined {
  try {
    return schemaAt(path, catalogueSchema() as SchemaNode);
  } catch {
    return undefined;
  }
}

export interface CatalogueHover {
  markdown: string;
  range: Range;
}

/** The hover of a catalogue at a position: a rule, a field of the declaration format, a key of the catalogue format, and the problems there. */
export function catalogueHoverAt(text: string, position: Position, locale: Locale, diagnostics: readonly Diagnostic[] = []): CatalogueHover | undefined {
  const parsed = parseDeclaration(text);
  if (!hasTree(parsed)) return undefined;
  const at = pathAt(parsed, position);
  const parts: string[] = [];
  let range = at?.range;
  for (const d of diagnostics) {
    if (d.range.start.line <= position.line && position.line <= d.range.end.line) parts.push(`**${esc(d.code)}** — ${d.message}`);
  }
  if (at) {
    const entry = ruleEntryOf(at.path);
    const value = getIn(parsed.value, at.path);
    if (entry && at.path.length === entry.list.length + 2 && at.path[at.path.length - 1] === 'id' && at.on === 'value' && typeof value === 'string') {
      const engagementId = entry.engagementIndex !== undefined ? getIn(parsed.value, ['engagements', entry.engagementIndex, 'id']) : undefined;
      const md = ruleMarkdown(value, locale, typeof engagementId === 'string' ? engagementId : undefined);
      if (md) parts.unshift(md);
    } else if (at.on === 'value' && typeof value === 'string' && ((at.path[0] === 'engagements' && at.path[2] === 'fields') || (at.path[2] === 'applies_when' && at.path[4] === 'field'))) {
      parts.unshift(fieldMarkdown(value, locale));
    } else if (at.on === 'key') {
      // Under a rule's `options`: the option's own description.
      const opt = entry && at.path[entry.list.length + 1] === 'options' && at.path.length === entry.list.length + 3 ? optionNode(parsed, entry, String(at.path[at.path.length - 1])) : undefined;
      const node = opt ?? catalogueNode(at.path);
      const d = describe(node, locale);
      if (d) parts.unshift(`**${esc(String(at.path[at.path.length - 1]))}** — ${d}`);
    }
  }
  if (!parts.length) return undefined;
  range ??= { start: position, end: position };
  return { markdown: parts.join('\n\n---\n\n'), range };
}

function optionNode(parsed: ParsedDeclaration, entry: { list: DataPath; index: number }, name: string): SchemaNode | undefined {
  const id = getIn(parsed.value, [...entry.list, entry.index, 'id']);
  const rule = typeof id === 'string' ? findRule(id) : undefined;
  return ((rule?.meta.options?.schema.properties ?? {}) as Record<string, SchemaNode>)[name];
}

/** Every dotted path of the declaration format (for completing `fields`). */
function declarationFieldPaths(): string[] {
  const out: string[] = [];
  const walk = (prefix: string[], depth: number) => {
    if (depth > 5) return;
    for (const k of Object.keys(schemaAt(prefix)?.properties ?? {})) {
      if (k === 'cadre' || k === 'engagements') continue;
      out.push([...prefix, k].join('.'));
      walk([...prefix, k], depth + 1);
    }
  };
  walk([], 0);
  return out;
}

/** The key path that encloses a column on a line, read from the indentation of the lines above (list items as 0). */
function enclosingPath(lines: string[], line: number, column: number): DataPath {
  const path: DataPath[number][] = [];
  let limit = column;
  for (let l = line - 1; l >= 0 && limit > 0; l--) {
    const m = /^( *)(- +)?([A-Za-z_][\w-]*)\s*:/.exec(lines[l]);
    const item = /^( *)- /.exec(lines[l]);
    if (!m && !item) continue;
    const indent = m ? m[1].length : item![1].length;
    const keyCol = m ? m[1].length + (m[2]?.length ?? 0) : indent + 2;
    if (keyCol < limit && m) {
      path.unshift(m[3]);
      if (m[2]) path.unshift(0);
      limit = indent;
    } else if (item && indent < limit) {
      path.unshift(0);
      limit = indent;
    }
  }
  return path;
}

/** Completion in a catalogue: rule ids, declaration fields, principles, severities, keys of the catalogue format and a rule's options. */
export function catalogueCompletionsAt(text: string, position: Position, locale: Locale): CoreCompletion[] {
  const parsed = parseDeclaration(text);
  const lines = text.split(/\r?\n/);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, Math.min(position.character, line.length));
  const valueM = /^( *)((?:- +)?)([A-Za-z_][\w-]*)\s*:\s*(?:\[(?:[^\]]*,)?\s*)?([^\s,\]#]*)$/.exec(before);
  const itemM = /^( *)- +([^\s#:]*)$/.exec(before);
  const range = (typed: string): Range => ({ start: { line: position.line, character: position.character - typed.length }, end: position });
  const item = (label: string, typed: string, detail?: string, documentation?: string, kind: CoreCompletion['kind'] = 'value'): CoreCompletion => ({
    label,
    kind,
    detail,
    documentation,
    insertText: label,
    snippet: false,
    range: range(typed),
    filterText: label,
  });
  if (valueM) {
    const [, indent, dash, key, typed] = valueM;
    // `- key:` opens a list item: the key is in that item.
    const parent = dash ? [...enclosingPath(lines, position.line, indent.length), 0] : enclosingPath(lines, position.line, indent.length);
    const inRules = parent[parent.length - 1] === 0 && parent[parent.length - 2] === 'rules';
    if (key === 'id' && inRules) {
      const seen = new Set<string>();
      const out: CoreCompletion[] = [];
      const topLevel = parent.length === 2;
      for (const name of ruleLookup().names()) {
        const rule = findRule(name)!;
        if (seen.has(rule.meta.id) || rule.meta.id.startsWith('cadre-') !== topLevel) continue;
        seen.add(rule.meta.id);
        const label = name === rule.meta.id ? rule.meta.id : ruleName(rule);
        out.push(item(rule.meta.id, typed, t(rule.meta.title, locale), ruleMarkdown(rule.meta.id, locale)));
        if (label !== rule.meta.id) out.push(item(label, typed, t(rule.meta.title, locale), ruleMarkdown(rule.meta.id, locale)));
      }
      return out;
    }
    if (key === 'severity') return ['error', 'warning', 'information', 'hint', 'off'].map((v) => item(v, typed));
    if (key === 'source') return ['official', 'derived', 'law'].map((v) => item(v, typed));
    if (key === 'derogable') return ['true', 'false'].map((v) => item(v, typed));
    if (key === 'principle') {
      const principles = getIn(parsed.value, ['principles']);
      return (Array.isArray(principles) ? principles : [])
        .map((p) => (p && typeof p === 'object' ? (p as { id?: unknown; title?: { fr?: unknown; en?: unknown } }) : {}))
        .filter((p) => typeof p.id === 'string')
        .map((p) => item(String(p.id), typed, typeof p.title?.[locale] === 'string' ? String(p.title[locale]) : undefined));
    }
    if (key === 'fields' || key === 'field') return declarationFieldPaths().map((f) => item(f, typed, undefined, fieldMarkdown(f, locale)));
    return [];
  }
  if (itemM) {
    const [, indent, typed] = itemM;
    const parent = enclosingPath(lines, position.line, indent.length);
    if (parent[parent.length - 1] === 'fields') return declarationFieldPaths().map((f) => item(f, typed, undefined, fieldMarkdown(f, locale)));
    return [];
  }
  // A key being typed: the keys the catalogue format (or the rule's options) allows there, not yet present.
  const keyM = /^( *)([A-Za-z_][\w-]*)?$/.exec(before);
  if (!keyM) return [];
  const [, indent, typed = ''] = keyM;
  const parent = enclosingPath(lines, position.line, indent.length);
  let props: Record<string, SchemaNode> = {};
  const real = resolvePath(parsed.value, parent);
  if (parent[parent.length - 1] === 'options' && parent[parent.length - 2] === 0 && parent[parent.length - 3] === 'rules') {
    const id = getIn(parsed.value, [...real.slice(0, -1), 'id']);
    const rule = typeof id === 'string' ? findRule(id) : undefined;
    props = (rule?.meta.options?.schema.properties ?? {}) as Record<string, SchemaNode>;
  } else {
    props = catalogueNode(parent)?.properties ?? {};
  }
  const present = getIn(parsed.value, real);
  const have = present && typeof present === 'object' && !Array.isArray(present) ? Object.keys(present) : [];
  return Object.entries(props)
    .filter(([k]) => !have.includes(k) || k === typed)
    .map(([k, s]) => ({ ...item(k, typed, undefined, describe(s, locale), 'key'), insertText: `${k}: ` }));
}

/** A path read from indentation (list items as 0) made real: each item is the last of its list (the one being written). */
function resolvePath(data: unknown, path: DataPath): DataPath {
  const out: (string | number)[] = [];
  for (const seg of path) {
    if (seg === 0) {
      const list = getIn(data, out);
      out.push(Array.isArray(list) ? Math.max(0, list.length - 1) : 0);
    } else out.push(seg);
  }
  return out;
}
