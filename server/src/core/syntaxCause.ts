import { Parser } from 'yaml';
import { t } from './i18n';
import type { ParsedDeclaration, SyntaxProblem } from './parse';
import { SYNTAX_MESSAGES } from './syntaxMessages';
import type { Diagnostic, Locale } from './types';

/**
 * From the parser's syntax problems to the diagnostics a reader needs: the cause first, the
 * consequences dropped.
 *
 * - A duplicate key names the key, covers it whole and points at its first occurrence.
 * - An unclosed `[`, `{` or quote is reported where it opened ("never closed"); the errors the
 *   parser then finds lines later, where it gives up, are its consequences and are not shown.
 * - A line indented more than the `key: value` above it is read as the rest of that value; the
 *   parser's "a key cannot span several lines" errors become one message naming that line.
 *
 * Each finding says which lines it makes unreliable (`from`…`to`, 0-based): the engine judges no
 * engagement whose sections cross them as `conforme`, and does not report the schema or rule
 * findings that only follow from the break there. Pure; never throws (on failure, the parser's
 * problems are returned one for one).
 */
export interface SyntaxFinding {
  diagnostic: Diagnostic;
  /** First and last line (0-based) the problem makes unreliable. */
  from: number;
  to: number;
  /** A duplicate key: the text reads, but one of the values is silently dropped. */
  duplicate: boolean;
}

/** Openers left open in the text, in text order: a flow collection or a quoted scalar with no closing character. */
interface Opener {
  open: '[' | '{' | '"' | "'";
  offset: number;
}

/** Lines of problems further apart than this start a new cluster (not a consequence of the cause above). */
const CLUSTER_GAP = 2;

export function syntaxFindings(parsed: ParsedDeclaration, locale: Locale): SyntaxFinding[] {
  const plain = () => parsed.problems.map((p) => plainFinding(p, locale));
  if (!parsed.problems.length) return [];
  try {
    return findings(parsed, locale);
  } catch {
    return plain();
  }
}

function findings(parsed: ParsedDeclaration, locale: Locale): SyntaxFinding[] {
  const out: SyntaxFinding[] = [];
  const structural = parsed.problems.filter((p) => p.code !== 'DUPLICATE_KEY');
  const dropped = new Set<SyntaxProblem>();
  // Only on a text that was parsed (not too large, binary, too deep…) and has structural errors.
  const openers = parsed.doc && structural.length ? unclosed(parsed.text) : [];
  for (const o of openers) {
    const start = parsed.lines.positionAt(o.offset);
    const after = structural.filter((p) => !dropped.has(p) && comparePos(p.range.start, start) >= 0);
    if (!after.length) continue;
    let last = after[0].range.start.line;
    for (const p of after) {
      if (p.range.start.line > last + CLUSTER_GAP) break;
      dropped.add(p);
      last = Math.max(last, p.range.end.line);
    }
    const close = o.open === '[' ? ']' : o.open === '{' ? '}' : o.open;
    const quote = o.open === '"' || o.open === "'";
    out.push({
      diagnostic: {
        code: 'syntax',
        severity: 'error',
        outcome: 'none',
        message: t(quote ? SYNTAX_MESSAGES.UNCLOSED_QUOTE : SYNTAX_MESSAGES.UNCLOSED_BRACKET, locale, {
          open: o.open,
          close,
          line: start.line + 1,
          column: start.character + 1,
          until: last + 1,
        }),
        range: parsed.lines.range(o.offset, o.offset + 1),
      },
      from: start.line,
      to: last,
      duplicate: false,
    });
  }
  for (const p of structural) {
    if (dropped.has(p) || (p.code !== 'MULTILINE_IMPLICIT_KEY' && p.code !== 'BLOCK_AS_IMPLICIT_KEY')) continue;
    const f = overIndented(parsed, p, locale);
    if (!f) continue;
    for (const q of structural) if (q.range.start.line >= f.from && q.range.start.line <= f.to) dropped.add(q);
    out.push(f);
  }
  for (const p of parsed.problems) {
    if (dropped.has(p)) continue;
    out.push(p.code === 'DUPLICATE_KEY' ? duplicateFinding(p, locale) : plainFinding(p, locale));
  }
  return out.sort((a, b) => comparePos(a.diagnostic.range.start, b.diagnostic.range.start));
}

function comparePos(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

function plainFinding(p: SyntaxProblem, locale: Locale): SyntaxFinding {
  const msg = SYNTAX_MESSAGES[p.code] ?? SYNTAX_MESSAGES.DEFAULT;
  return {
    diagnostic: { code: 'syntax', severity: 'error', outcome: 'none', message: t(msg, locale, { detail: p.detail }), range: p.range },
    from: p.range.start.line,
    to: p.range.end.line,
    duplicate: false,
  };
}

function duplicateFinding(p: SyntaxProblem, locale: Locale): SyntaxFinding {
  if (p.key === undefined || !p.first) return { ...plainFinding(p, locale), duplicate: true };
  const key = p.key.length > 60 ? p.key.slice(0, 57) + '…' : p.key;
  return {
    diagnostic: {
      code: 'syntax',
      severity: 'error',
      outcome: 'none',
      message: t(SYNTAX_MESSAGES.DUPLICATE_KEY_NAMED, locale, { key, line: p.first.start.line + 1 }),
      range: p.range,
      related: [{ range: p.first, message: t(SYNTAX_MESSAGES.DUPLICATE_KEY_FIRST, locale, { key }) }],
    },
    from: Math.min(p.first.start.line, p.range.start.line),
    to: p.range.end.line,
    duplicate: true,
  };
}

/**
 * `key: value` on line L followed by a line indented deeper that holds `other: …`: YAML reads
 * the second line as the rest of the plain value, then fails on its `:`. Returns one finding on
 * the over-indented line, or `undefined` when the text does not look like that.
 */
function overIndented(parsed: ParsedDeclaration, p: SyntaxProblem, locale: Locale): SyntaxFinding | undefined {
  const L = p.range.start.line;
  const line = parsed.lines.lineText(L);
  const m = /^(\s*)(?:-\s+)?([^\s#:][^:#]*?)\s*:\s+\S/.exec(line);
  if (!m) return undefined;
  const indent = m[1].length;
  for (let n = L + 1; n < Math.min(parsed.lines.lineCount, L + 4); n++) {
    const next = parsed.lines.lineText(n);
    if (!next.trim() || /^\s*#/.test(next)) continue;
    const nm = /^(\s*)([^\s#:][^:#]*?)\s*:(\s|$)/.exec(next);
    if (!nm || nm[1].length <= indent) return undefined;
    return {
      diagnostic: {
        code: 'syntax',
        severity: 'error',
        outcome: 'none',
        message: t(SYNTAX_MESSAGES.OVER_INDENTED, locale, { line: n + 1, key: m[2], next: nm[2] }),
        range: { start: { line: n, character: 0 }, end: { line: n, character: nm[1].length + nm[2].length } },
      },
      from: L,
      to: n,
      duplicate: false,
    };
  }
  return undefined;
}

/** Flow collections and quoted scalars the text opens and never closes (iterative walk of the CST). */
function unclosed(text: string): Opener[] {
  const out: Opener[] = [];
  const stack: unknown[] = Array.from(new Parser().parse(text));
  let budget = 200_000;
  while (stack.length && --budget > 0) {
    const tok = stack.pop() as Record<string, unknown> | undefined;
    if (!tok || typeof tok !== 'object') continue;
    const type = tok.type;
    if (type === 'flow-collection') {
      const start = tok.start as { source?: string; offset: number } | undefined;
      const end = (tok.end as { type: string }[] | undefined) ?? [];
      if (start && !end.some((e) => e.type === 'flow-seq-end' || e.type === 'flow-map-end')) {
        out.push({ open: start.source === '{' ? '{' : '[', offset: start.offset });
      }
    } else if (type === 'double-quoted-scalar' || type === 'single-quoted-scalar') {
      const src = String(tok.source ?? '');
      const q = type === 'double-quoted-scalar' ? '"' : "'";
      if (src.length < 2 || !src.endsWith(q) || (q === '"' && /(^|[^\\])(\\\\)*\\"$/.test(src))) out.push({ open: q, offset: tok.offset as number });
    }
    for (const k of ['value', 'key']) if (tok[k]) stack.push(tok[k]);
    if (Array.isArray(tok.items))
      for (const it of tok.items as Record<string, unknown>[]) {
        if (it.key) stack.push(it.key);
        if (it.value) stack.push(it.value);
      }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
