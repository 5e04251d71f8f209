import { cadreId, findEngagement, type Catalogue } from './catalogue';
import { engagementsFor, fieldTitle, firstSentence } from './hover';
import { t } from './i18n';
import { hasTree, type ParsedDeclaration } from './parse';
import { declarationSchema, deref, describe, schemaAt, type SchemaNode } from './schema';
import type { DataPath, Locale, Localized, Position, Range } from './types';

/** A completion proposal, in our own terms (the LSP layer maps it). */
export interface CoreCompletion {
  label: string;
  kind: 'key' | 'section' | 'value' | 'boolean' | 'snippet';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text inserted in place of `range`; snippet syntax (`$1`, `${1|a,b|}`) when `snippet`. */
  insertText: string;
  snippet: boolean;
  range: Range;
  sortText?: string;
  filterText?: string;
  /** Whether the inserted text spans several lines, indented already (insert as is). */
  multiline?: boolean;
}

export interface CompletionContext {
  locale: Locale;
  catalogue: Catalogue;
  /** Every framework a declaration may name (for completing `cadre:`). */
  catalogues?: readonly Catalogue[];
  /** The character that triggered the request (`:` or ` `), when one did. */
  trigger?: string;
  /** Whole-section templates by section name (YAML text of the section at column 0, key included). */
  sectionTemplates?: Record<string, string>;
}

const L: Record<string, Localized> = {
  template: { fr: '{name} (modèle complet)', en: '{name} (full template)' },
  templateDetail: { fr: 'Section complète avec des champs « A COMPLETER »', en: "Whole section with 'A COMPLETER' fields" },
  boolTrue: { fr: 'oui', en: 'yes' },
  boolFalse: { fr: 'non', en: 'no' },
  framework: { fr: 'Un cadre connu : la déclaration sera jugée par ce cadre.', en: 'A known framework: the declaration will be judged by it.' },
};

interface LineShape {
  /** Leading spaces. */
  indent: number;
  /** Length of `- ` markers (several for `- - `). */
  dash: number;
  key?: string;
  /** Text after `key:` (comments removed, trimmed). */
  rest?: string;
  blank: boolean;
}

function shape(line: string): LineShape {
  const indent = /^ */.exec(line)![0].length;
  const body = line.slice(indent);
  if (body === '' || body.startsWith('#')) return { indent, dash: 0, blank: true };
  const dashM = /^(?:-(?:\s+|$))+/.exec(body);
  const dash = dashM ? dashM[0].length : 0;
  const after = body.slice(dash);
  const keyM = /^(?:"([^"]*)"|'([^']*)'|([^\s#:'"\-[{][^#:]*?|-[^\s#:][^#:]*?))\s*:(?:\s+(.*)|$)/.exec(after);
  if (!keyM) return { indent, dash, blank: false };
  const key = keyM[1] ?? keyM[2] ?? keyM[3];
  const rest = (keyM[4] ?? '').replace(/(^|\s)#.*$/, '').trim();
  return { indent, dash, key, rest, blank: false };
}

interface Frame {
  /** Path of the mapping (or sequence item) whose keys sit at `column`; numbers stand for "some item". */
  path: (string | number)[];
  column: number;
  /** Line of the parent key (or -1 for the root). */
  parentLine: number;
}

/**
 * The mapping a line at `column` belongs to, read from the text's indentation alone (the
 * document may be broken while typing). `undefined` when the text is not a plain block
 * structure there.
 */
export function enclosingMapping(lines: string[], lineNo: number, column: number): Frame | undefined {
  const path: (string | number)[] = [];
  let want = column;
  let parentLine = -1;
  let first = true;
  let seqSearch = false;
  for (let l = lineNo - 1; l >= 0 && want > 0; l--) {
    const s = shape(lines[l]);
    if (s.blank) continue;
    const keyCol = s.indent + s.dash;
    if (seqSearch) {
      // Looking for the key that holds a block sequence whose dashes are at `want`.
      if (s.dash && s.indent === want) continue; // another item of the same sequence
      if (s.indent > want) continue;
      if (s.key !== undefined && keyCol <= want && s.rest === '') {
        path.unshift(s.key);
        if (first) parentLine = l;
        first = false;
        seqSearch = false;
        want = s.indent;
        if (s.dash) {
          path.unshift(0);
          seqSearch = true;
        }
        continue;
      }
      return undefined;
    }
    if (s.indent >= want) continue; // sibling or deeper
    if (s.dash && keyCol === want) {
      // `- key: …` at our column: we are in that sequence item's mapping.
      path.unshift(0);
      seqSearch = true;
      want = s.indent;
      continue;
    }
    if (s.dash && keyCol > want) continue;
    if (s.key !== undefined && keyCol < want && s.rest === '') {
      path.unshift(s.key);
      if (first) parentLine = l;
      first = false;
      want = s.indent;
      if (s.dash) {
        path.unshift(0);
        seqSearch = true;
      }
      continue;
    }
    return undefined;
  }
  if (seqSearch) return undefined;
  if (want > 0) return undefined;
  return { path, column, parentLine };
}

/** Keys already written at `column` in the block around `lineNo` (that line excluded). */
export function siblingKeys(lines: string[], lineNo: number, column: number): Set<string> {
  const out = new Set<string>();
  const scan = (from: number, step: 1 | -1) => {
    for (let l = from; l >= 0 && l < lines.length; l += step) {
      const s = shape(lines[l]);
      if (s.blank) continue;
      const keyCol = s.indent + s.dash;
      if (s.indent < column) {
        // The `- ` line that opens our sequence item holds a sibling key; then the block ends.
        if (step === -1 && s.dash && keyCol === column && s.key !== undefined) out.add(s.key);
        return;
      }
      if (s.indent === column && !s.dash && s.key !== undefined) out.add(s.key);
    }
  };
  scan(lineNo - 1, -1);
  scan(lineNo + 1, 1);
  return out;
}

function safeSchemaAt(path: DataPath): SchemaNode | undefined {
  try {
    return schemaAt(path);
  } catch {
    return undefined;
  }
}

function rootSchema(): SchemaNode | undefined {
  try {
    return declarationSchema().schema;
  } catch {
    return undefined;
  }
}

function types(node: SchemaNode | undefined): string[] {
  if (!node?.type) return [];
  return Array.isArray(node.type) ? node.type : [node.type];
}

function snippetEscape(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

function choiceEscape(s: string): string {
  return s.replace(/[\\$}|,]/g, '\\$&');
}

function engagementDetail(path: DataPath, ctx: CompletionContext): string | undefined {
  const ids = engagementsFor(path, ctx.catalogue);
  if (!ids.length) return undefined;
  return ids
    .map((id) => {
      const e = findEngagement(ctx.catalogue, id);
      return e ? `${id} · ${t(e.title, ctx.locale)}` : id;
    })
    .join(' ; ');
}

function keyDocumentation(path: DataPath, node: SchemaNode | undefined, ctx: CompletionContext): string | undefined {
  const parts: string[] = [];
  const d = describe(node, ctx.locale);
  if (d) parts.push(d);
  for (const id of engagementsFor(path, ctx.catalogue).slice(0, 2)) {
    const e = findEngagement(ctx.catalogue, id);
    if (e) parts.push(`**${id} · ${t(e.title, ctx.locale)}** — ${firstSentence(t(e.explanation, ctx.locale), 160)}`);
  }
  const values = enumValues(node);
  if (values.length) parts.push(values.map((v) => `\`${v}\``).join(', '));
  return parts.length ? parts.join('\n\n') : undefined;
}

function enumValues(node: SchemaNode | undefined): string[] {
  return (node?.enum ?? []).filter((v) => v !== null && typeof v !== 'object').map(String);
}

/** The text inserted for a key at `column`, by the shape of its value. */
function keyInsert(key: string, node: SchemaNode | undefined, column: number): { text: string; multiline: boolean } {
  const pad = ' '.repeat(column);
  const k = snippetEscape(key);
  const values = enumValues(node);
  if (values.length) return { text: `${k}: \${1|${values.map(choiceEscape).join(',')}|}`, multiline: false };
  const ty = types(node);
  if (ty.includes('boolean') && !ty.includes('object')) return { text: `${k}: \${1|true,false|}`, multiline: false };
  if (ty.includes('object') || (node?.properties && !ty.length)) return { text: `${k}:\n${pad}  $0`, multiline: true };
  if (ty.includes('array')) return { text: `${k}:\n${pad}  - $0`, multiline: true };
  return { text: `${k}: $0`, multiline: false };
}

/**
 * Completion proposals at a position: keys not yet present (at the cursor's indentation),
 * enum values and booleans with their meaning, and whole-section templates at the top level.
 */
export function completionsAt(parsed: ParsedDeclaration, at: Position, ctx: CompletionContext): CoreCompletion[] {
  // A text that was not read (too large, too complex, binary): nothing to propose, and its lines are not split.
  if (!hasTree(parsed)) return [];
  if (!Number.isInteger(at.line) || at.line < 0 || at.line >= parsed.lines.lineCount) return [];
  // A position past the end of its line (a stale client) means the end of the line, as in LSP.
  const position = { line: at.line, character: Number.isFinite(at.character) ? Math.max(0, Math.min(at.character, parsed.lines.lineText(at.line).length)) : 0 };
  const lines: string[] = [];
  for (let l = 0; l < parsed.lines.lineCount; l++) lines.push(parsed.lines.lineText(l));
  const line = lines[position.line];
  const before = line.slice(0, Math.min(position.character, line.length));

  // 1. A value after `key:` (or in a flow list `key: [a, b`).
  const valueM = /^( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s#:'"[{][^#:]*?)\s*:( *)([^#]*)$/.exec(before);
  if (valueM) {
    const [, indent, dashes, rawKey, spaces, typed] = valueM;
    if (ctx.trigger === ' ' && spaces === '' && typed === '') return [];
    const key = rawKey.replace(/^["']|["']$/g, '');
    const column = indent.length + dashes.length;
    const frame = enclosingMapping(lines, position.line, column);
    if (!frame) return [];
    if (dashes) frame.path.push(0);
    const path = [...frame.path, key];
    const flow = /^\[(?:[^\]]*,)?\s*([^,\]]*)$/.exec(typed);
    if (flow) return valueItems([...path, 0], flow[1], position, '', ctx);
    if (/^\S*$/.test(typed)) return valueItems(path, typed, position, spaces === '' ? ' ' : '', ctx);
    return [];
  }
  if (ctx.trigger === ':') return [];

  // 2. An item of a block list: `- typed`.
  const itemM = /^( *)((?:- +)+)([^\s#:]*)$/.exec(before);
  if (itemM) {
    const [, indent, dashes, typed] = itemM;
    const frame = enclosingMapping(lines, position.line, indent.length + dashes.length);
    if (frame) {
      // `- ` inside a list of mappings: keys of the item.
      const items = keyItems(frame.path.concat(0), indent.length + dashes.length, typed, position, lines, ctx, true);
      if (items.length) return items;
    }
    const seqFrame = enclosingSequence(lines, position.line, indent.length);
    return seqFrame ? valueItems([...seqFrame, 0], typed, position, '', ctx) : [];
  }
  if (ctx.trigger === ' ') return [];

  // 3. A key: `   typed`.
  const keyM = /^( *)([^\s#:'"\-[{][^\s#:]*|)$/.exec(before);
  if (keyM) {
    const [, indent, typed] = keyM;
    const frame = enclosingMapping(lines, position.line, indent.length);
    if (!frame) return [];
    return keyItems(frame.path, indent.length, typed, position, lines, ctx, false);
  }
  return [];
}

/** The path of the key holding the block sequence whose dashes sit at `column` on `lineNo`. */
function enclosingSequence(lines: string[], lineNo: number, column: number): (string | number)[] | undefined {
  for (let l = lineNo - 1; l >= 0; l--) {
    const s = shape(lines[l]);
    if (s.blank) continue;
    if (s.dash && s.indent === column) continue;
    if (s.indent > column) continue;
    if (s.key !== undefined && s.rest === '' && s.indent + s.dash <= column) {
      const frame = enclosingMapping(lines, l, s.indent + s.dash);
      if (!frame) return undefined;
      return [...frame.path, ...(s.dash ? [0] : []), s.key];
    }
    return undefined;
  }
  return undefined;
}

function keyItems(parentPath: (string | number)[], column: number, typed: string, position: Position, lines: string[], ctx: CompletionContext, inItem: boolean): CoreCompletion[] {
  const parent = safeSchemaAt(parentPath);
  const root = rootSchema();
  if (!parent || !root) return [];
  const present = siblingKeys(lines, position.line, column);
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const required = new Set(parent.required ?? []);
  const out: CoreCompletion[] = [];
  const props = Object.entries(parent.properties ?? {});
  props.forEach(([key, raw], i) => {
    if (present.has(key)) return;
    const node = deref(root, raw);
    const path = [...parentPath, key];
    const ins = keyInsert(key, node, column);
    const title = fieldTitle(node, ctx.locale);
    const eng = engagementDetail(path, ctx);
    out.push({
      label: key,
      kind: parentPath.length === 0 ? 'section' : 'key',
      detail: [title, eng].filter(Boolean).join(' — ') || undefined,
      documentation: keyDocumentation(path, node, ctx),
      insertText: ins.text,
      snippet: true,
      multiline: ins.multiline,
      range,
      sortText: `${required.has(key) ? 0 : 1}${String(i).padStart(3, '0')}`,
    });
  });
  // Explicit statements: one key per engagement of the catalogue.
  if (parentPath.length === 1 && parentPath[0] === 'engagements' && parent.patternProperties) {
    ctx.catalogue.engagements.forEach((e, i) => {
      if (present.has(e.id)) return;
      const node = safeSchemaAt(['engagements', e.id]);
      const statuts = enumValues(node?.properties?.statut ? deref(root, node.properties.statut) : undefined);
      const choice = statuts.length ? `\${1|${statuts.map(choiceEscape).join(',')}|}` : '$1';
      const pad = ' '.repeat(column + 2);
      out.push({
        label: e.id,
        kind: 'key',
        detail: t(e.title, ctx.locale),
        documentation: firstSentence(t(e.explanation, ctx.locale)),
        insertText: `${e.id}:\n${pad}statut: ${choice}\n${pad}justification: $0`,
        snippet: true,
        multiline: true,
        range,
        sortText: `2${String(i).padStart(3, '0')}`,
      });
    });
  }
  // Whole sections from their templates, at the top level only.
  if (parentPath.length === 0 && column === 0 && !inItem && ctx.sectionTemplates) {
    for (const [name, text] of Object.entries(ctx.sectionTemplates)) {
      if (present.has(name)) continue;
      const eng = engagementDetail([name], ctx);
      out.push({
        label: t(L.template, ctx.locale, { name }),
        kind: 'snippet',
        detail: eng ?? t(L.templateDetail, ctx.locale),
        documentation: '```yaml\n' + text.trimEnd() + '\n```',
        insertText: text.replace(/\n+$/, ''),
        snippet: false,
        multiline: true,
        range,
        filterText: name,
        sortText: `3${name}`,
      });
    }
  }
  return out;
}

function valueItems(path: DataPath, typed: string, position: Position, prefix: string, ctx: CompletionContext): CoreCompletion[] {
  const node = safeSchemaAt(path);
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const out: CoreCompletion[] = [];
  if (path.length === 1 && path[0] === 'cadre') {
    // Every framework the run knows (bundled and configured), the document's own first.
    const all = [ctx.catalogue, ...(ctx.catalogues ?? []).filter((c) => cadreId(c) !== cadreId(ctx.catalogue))];
    return all.map((c, i) => {
      const id = cadreId(c);
      return {
        label: id,
        kind: 'value',
        detail: t(c.name, ctx.locale),
        documentation: t(L.framework, ctx.locale),
        insertText: prefix + id,
        snippet: false,
        range,
        filterText: id,
        sortText: `${i}`.padStart(3, '0'),
      };
    });
  }
  if (!node) return [];
  const descriptions = node['x-enum-descriptions'] ?? {};
  enumValues(node).forEach((v, i) => {
    const meaning = descriptions[v] ? t(descriptions[v], ctx.locale) : undefined;
    out.push({
      label: v,
      kind: 'value',
      detail: meaning ? firstSentence(meaning, 80) : undefined,
      documentation: meaning,
      insertText: prefix + v,
      snippet: false,
      range,
      filterText: v,
      sortText: String(i).padStart(3, '0'),
    });
  });
  // Suggested values (`examples`) of an open field, after the closed lists.
  if (!out.length && Array.isArray(node.examples)) {
    node.examples
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      .forEach((v, i) => {
        const s = String(v);
        out.push({
          label: s,
          kind: 'value',
          detail: fieldTitle(node, ctx.locale),
          documentation: describe(node, ctx.locale),
          insertText: prefix + s,
          snippet: false,
          range,
          filterText: s,
          sortText: `5${String(i).padStart(3, '0')}`,
        });
      });
  }
  if (!out.length && types(node).includes('boolean')) {
    for (const [v, label] of [
      ['true', L.boolTrue],
      ['false', L.boolFalse],
    ] as const) {
      out.push({ label: v, kind: 'boolean', detail: t(label, ctx.locale), documentation: describe(node, ctx.locale), insertText: prefix + v, snippet: false, range, filterText: v });
    }
  }
  return out;
}
