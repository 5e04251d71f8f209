/**
 * Pure text helpers of the client (no `vscode` import, so that they are unit-tested in plain
 * Node). Every edit they plan only inserts text: nothing the user wrote is replaced.
 */

export interface InsertPlan {
  /** 0-based line before which the text goes (`lines.length` = at the end). */
  line: number;
  /** Text to insert first (a line break when the document does not end with one). */
  prefix: string;
  /** The inserted text, as a VS Code snippet (`${1:…}` tab stops), ending with a line break. */
  snippet: string;
}

export type DerogationPlan =
  | ({ kind: 'insert' } & InsertPlan)
  /** `engagements.<id>` is already there: show it rather than write a second one. */
  | { kind: 'exists'; line: number }
  /** `engagements:` is written in a form we do not edit (flow mapping, alias…): show it. */
  | { kind: 'unsupported'; line: number };

/** The placeholders of a derogation, French as the framework (`filled()` treats "A COMPLETER…" as empty). */
export const DEROGATION_PLACEHOLDERS = {
  justification: 'A COMPLETER : pourquoi cet engagement ne peut pas être tenu',
  validee_par: 'A COMPLETER : instance ou personne qui valide la dérogation',
};

const TOP_KEY = /^([A-Za-z_][\w-]*)\s*:(.*)$/;

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isBlankOrComment(line: string): boolean {
  const s = line.trim();
  return s === '' || s.startsWith('#');
}

/** Escapes text for a snippet body (`$`, `}` and `\`). */
export function snippetEscape(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** A date one year after `today` (YYYY-MM-DD), the default end of a derogation. */
export function oneYearLater(today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/**
 * Where and what to insert to declare a derogation on engagement `id`:
 * under an existing block-style `engagements:` mapping (after its last entry, with the
 * indentation its entries use), or as a new `engagements:` section at the end.
 * `template` is the derogation snippet's body (first line `Exx:` at column 0), from
 * snippets/ (generated from schemas/templates.yaml); a built-in body is used without it.
 */
export function planDerogation(text: string, id: string, today: Date, eol = '\n', template?: readonly string[]): DerogationPlan {
  const lines = splitLines(text);
  // A trailing empty string stands for the final line break, not a line.
  const count = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  const fallback = [
    `${id}:`,
    `  statut: derogation`,
    `  justification: "\${1:${snippetEscape(DEROGATION_PLACEHOLDERS.justification)}}"`,
    `  validee_par: "\${2:${snippetEscape(DEROGATION_PLACEHOLDERS.validee_par)}}"`,
    `  echeance: \${3:${oneYearLater(today)}}`,
  ];
  const source = template && template.length > 0 && template[0].trim() === `${id}:` ? template : fallback;
  // The template indents by 2; under entries indented by `indent` (all spaces), nested lines
  // use the same step, so that the new entry looks like its neighbours.
  const body = (indent: string) => {
    const step = /^ {2,8}$/.test(indent) ? indent.length : 2;
    return (
      source
        .map((l) => {
          if (l.trim() === '') return '';
          const lead = /^ */.exec(l)![0].length;
          return indent + ' '.repeat(Math.round(lead / 2) * step) + l.slice(lead);
        })
        .join(eol) + eol
    );
  };

  let header = -1;
  for (let i = 0; i < count; i++) {
    const m = TOP_KEY.exec(lines[i]);
    if (m && m[1] === 'engagements') {
      header = i;
      break;
    }
  }
  if (header === -1) return { kind: 'insert', ...planAppend(text, `engagements:${eol}${body('  ')}`, eol) };
  const prefix = count > 0 && lines.length === count ? eol : '';

  const rest = TOP_KEY.exec(lines[header])![2].trim();
  if (rest !== '' && !rest.startsWith('#')) return { kind: 'unsupported', line: header };

  // The block runs until the next line at column 0 that is not a comment or blank.
  let last = header;
  let indent: string | undefined;
  for (let i = header + 1; i < count; i++) {
    const line = lines[i];
    if (isBlankOrComment(line)) continue;
    if (!/^\s/.test(line)) break;
    last = i;
    const lead = /^(\s*)/.exec(line)![1];
    if (indent === undefined) indent = lead;
    if (lead === indent) {
      const key = /^\s*([A-Za-z0-9_-]+)\s*:/.exec(line);
      if (key && key[1] === id) return { kind: 'exists', line: i };
    }
  }
  if (indent !== undefined && indent.includes('\t')) return { kind: 'unsupported', line: header };
  const line = last + 1;
  const atEnd = line >= count;
  return { kind: 'insert', line, prefix: atEnd ? prefix : '', snippet: body(indent ?? '  ') };
}

/** Where a new top-level section goes: at the end, after one blank line. */
export function planAppend(text: string, snippet: string, eol = '\n'): InsertPlan {
  const lines = splitLines(text);
  const count = lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  const endsWithBreak = text === '' || /(\r\n|\r|\n)$/.test(text);
  let prefix = endsWithBreak ? '' : eol;
  if (count > 0 && lines[count - 1].trim() !== '') prefix += eol;
  const body = snippet.endsWith('\n') ? snippet : snippet + eol;
  return { line: count, prefix, snippet: body };
}

/** `nom.ia.yaml`, then `nom-2.ia.yaml`, `nom-3.ia.yaml`… : the first name `exists` says is free. */
export function freeFileName(fileName: string, exists: (name: string) => boolean, max = 1000): string {
  if (!exists(fileName)) return fileName;
  const m = /^(.*?)(\.ia\.ya?ml)$/i.exec(fileName) ?? /^(.*?)(\.[^.]*)?$/.exec(fileName)!;
  const stem = m[1];
  const ext = m[2] ?? '';
  for (let i = 2; i < max; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!exists(candidate)) return candidate;
  }
  return `${stem}-${Date.now()}${ext}`;
}

/** A safe file name: no folder separators, no leading dots, no control characters. */
export function safeFileName(name: string, fallback = 'declaration.ia.yaml'): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/^\.+/, '').trim();
  if (!cleaned || !/\.ia\.ya?ml$/i.test(cleaned)) return cleaned ? `${cleaned.replace(/\.ya?ml$/i, '')}.ia.yaml` : fallback;
  return cleaned;
}

/** Parses a snippet file (JSON with comments and trailing commas, as VS Code accepts). */
export function parseSnippetFile(text: string): Record<string, { prefix?: string | string[]; body?: string | string[]; description?: string }> {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else {
      out += c;
      i++;
    }
  }
  out = out.replace(/,(\s*[}\]])/g, '$1');
  try {
    const data = JSON.parse(out) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, { prefix?: string | string[]; body?: string | string[] }>) : {};
  } catch {
    return {};
  }
}

/**
 * The snippet that writes section `section` (e.g. `usagers`): a body whose first
 * non-comment line is `section:` at column 0. Whole-declaration snippets (which start with
 * `cadre:`) and derogations never match.
 */
export function findSectionSnippet(
  files: Record<string, { prefix?: string | string[]; body?: string | string[] }>[],
  section: string,
): { name: string; body: string } | undefined {
  for (const file of files) {
    for (const [name, s] of Object.entries(file)) {
      const body = Array.isArray(s?.body) ? s.body.join('\n') : typeof s?.body === 'string' ? s.body : undefined;
      if (!body) continue;
      const first = body.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      // A section snippet writes one top-level key (a whole declaration writes many).
      const topKeys = body.split('\n').filter((l) => /^[A-Za-z_][\w-]*\s*:/.test(l)).length;
      if (topKeys === 1 && first !== undefined && new RegExp(`^${section.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(first)) return { name, body };
    }
  }
  return undefined;
}

/** The derogation snippet of engagement `id` (prefix `derogation-<id>`, or a body starting with `<id>:`). */
export function findDerogationSnippet(
  files: Record<string, { prefix?: string | string[]; body?: string | string[] }>[],
  id: string,
): string[] | undefined {
  for (const file of files) {
    for (const s of Object.values(file)) {
      const prefixes = Array.isArray(s?.prefix) ? s.prefix : typeof s?.prefix === 'string' ? [s.prefix] : [];
      const body = Array.isArray(s?.body) ? s.body : typeof s?.body === 'string' ? s.body.split('\n') : undefined;
      if (!body || body[0]?.trim() !== `${id}:`) continue;
      if (prefixes.includes(`derogation-${id}`) || body.some((l) => /^\s+statut:\s*derogation\b/.test(l))) return body;
    }
  }
  return undefined;
}
