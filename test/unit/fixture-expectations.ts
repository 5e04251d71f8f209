/**
 * Expectations written as comments in YAML fixtures (rules, schema mapping, syntax, examples).
 *
 * - A caret line marks the range of an expected diagnostic on the nearest line above it that is
 *   not itself a caret line: `#   ^^^^ E02-interaction-directe`. The range starts at the first
 *   `^`, or at the `#` when the `#` touches the first `^` (so that `#^^^^` marks columns 0–4 and a
 *   range can start at the key's own column); it ends after the last `^`, or on a later line when
 *   the carets are followed by `…` (`^^^^…`: multi-line syntax errors). Where carets cannot draw
 *   the range (empty, or one character at column 0 or 1), `# @16-16 code` gives the columns. Text after the code is
 *   a piece of the French message that must appear in it (`« usagers »`).
 * - `# expect: none`: the file has no diagnostic at all.
 * - `# expect-verdict: E02 non_conforme E05 a_completer`: verdicts of those engagements.
 * - `# verdicts-attendus: E01=conforme E02=non_conforme …`: every verdict (examples). Engagement ids
 *   are those of the file's framework (`AIA-50 conforme`, `RGPD-35=non_conforme`).
 * - `# expect-date: 2028-01-15`: the date the fixture is checked at (default FIXED_NOW), for duties
 *   that apply from a later date.
 * The first comment line that is none of these is the fixture's title.
 */
import type { Diagnostic, Verdict } from '../../server/src/core/types';

/** The date every fixture is checked at. */
export const FIXED_NOW = new Date('2026-06-01T12:00:00Z');

export interface CaretExpectation {
  /** 0-based line of the marked text. */
  line: number;
  start: number;
  /** End column on the same line; -1 when the range goes on past this line (`^^^…`). */
  end: number;
  code: string;
  /** A piece of the (French) message. */
  contains?: string;
  /** 0-based line of the caret comment itself. */
  at: number;
}

export interface FixtureExpectations {
  title: string;
  carets: CaretExpectation[];
  none: boolean;
  verdicts: Record<string, Verdict>;
  /** Whether the verdicts come from a `verdicts-attendus` header (all engagements). */
  allVerdicts: boolean;
  /** The date to check the fixture at (`# expect-date:`), when not FIXED_NOW. */
  date?: Date;
  problems: string[];
}

const CARET_RE = /^(\s*)#(\s*)(\^+)(…)?\s+(\S+)(?:\s+(.*?))?\s*$/;
const COLUMNS_RE = /^\s*#\s*@(\d+)-(\d+|…)\s+(\S+)(?:\s+(.*?))?\s*$/;

export function isCaretLine(line: string): boolean {
  return CARET_RE.test(line) || COLUMNS_RE.test(line);
}

/** Reads the expectation comments of a fixture. */
export function parseExpectations(text: string): FixtureExpectations {
  const lines = text.split(/\r?\n/);
  const out: FixtureExpectations = { title: '', carets: [], none: false, verdicts: {}, allVerdicts: false, problems: [] };
  let target = -1;
  lines.forEach((line, i) => {
    const cols = COLUMNS_RE.exec(line);
    if (cols) {
      if (target < 0) out.problems.push(`line ${i + 1}: a caret line with no line above it`);
      else out.carets.push({ line: target, start: Number(cols[1]), end: cols[2] === '…' ? -1 : Number(cols[2]), code: cols[3], contains: cols[4] || undefined, at: i });
      return;
    }
    const m = CARET_RE.exec(line);
    if (m) {
      if (target < 0) {
        out.problems.push(`line ${i + 1}: a caret line with no line above it`);
        return;
      }
      const first = line.indexOf('^');
      const start = line[first - 1] === '#' ? first - 1 : first;
      const end = line.lastIndexOf('^') + 1;
      out.carets.push({ line: target, start, end: m[4] ? -1 : end, code: m[5], contains: m[6] || undefined, at: i });
      return;
    }
    target = i;
    const c = /^#\s*(.*?)\s*$/.exec(line);
    if (!c) return;
    const body = c[1];
    if (/^expect:\s*none$/.test(body)) out.none = true;
    else if (/^expect-verdict:/.test(body)) readPairs(body.replace(/^expect-verdict:\s*/, ''), /([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\s+(\w+)/g, out);
    else if (/^expect-date:\s*\d{4}-\d{2}-\d{2}$/.test(body)) out.date = new Date(body.replace(/^expect-date:\s*/, '') + 'T12:00:00Z');
    else if (/^verdicts-attendus:/.test(body)) {
      out.allVerdicts = true;
      readPairs(body.replace(/^verdicts-attendus:\s*/, ''), /([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)=(\w+)/g, out);
    } else if (!out.title && body && !/^yaml-language-server:/.test(body)) out.title = body;
  });
  return out;
}

function readPairs(s: string, re: RegExp, out: FixtureExpectations): void {
  for (const m of s.matchAll(re)) out.verdicts[m[1]] = m[2] as Verdict;
}

/** The text without its caret lines (what the fixture says, for docs). */
export function stripCarets(text: string): string {
  return text
    .split('\n')
    .filter((l) => !isCaretLine(l))
    .join('\n');
}

/** A caret line for a range on a line indented by `indent`. */
export function caretLine(indent: number, start: number, end: number, code: string, contains?: string, multiLine = false): string {
  const len = end - start;
  let marks: string;
  if (len < 1 || (len === 1 && start < 2 && start < indent + 2)) return `${' '.repeat(indent)}# @${start}-${multiLine ? '…' : end} ${code}${contains ? ' ' + contains : ''}`;
  if (start >= indent + 2) marks = ' '.repeat(indent) + '#' + ' '.repeat(start - indent - 1) + '^'.repeat(len);
  else if (len >= 2) marks = ' '.repeat(start) + '#' + '^'.repeat(len - 1);
  else marks = ' '.repeat(start - 2) + '# ^';
  return `${marks}${multiLine ? '…' : ''} ${code}${contains ? ' ' + contains : ''}`;
}

/**
 * Rewrites a fixture's caret lines from the diagnostics of its text without carets
 * (`UPDATE_SNAPSHOTS=1`). Message pieces written after a code are kept for the same code on the
 * same text line. `# expect: none` is added or removed to match.
 */
export function rewriteCarets(text: string, lint: (text: string) => Diagnostic[]): string {
  const old = parseExpectations(text);
  const all = text.split('\n');
  const keptContains = new Map<string, string>();
  for (const c of old.carets) if (c.contains) keptContains.set(`${c.code}|${all[c.line]}|${c.start}`, c.contains);
  const isNone = (l: string) => /^#\s*expect:\s*none\s*$/.test(l);
  const lines = all.filter((l) => !isCaretLine(l) && !isNone(l));
  const diagnostics = lint(lines.join('\n'));
  const byLine = new Map<number, string[]>();
  const sorted = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : 1));
  for (const d of sorted) {
    const line = d.range.start.line;
    const textLine = lines[line];
    if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(textLine)) throw new Error(`${d.code}: line ${line + 1} opens a block scalar, a caret line there would end it`);
    const indent = /^\s*/.exec(textLine)![0].length;
    const contains = keptContains.get(`${d.code}|${textLine}|${d.range.start.character}`);
    const multi = d.range.end.line > d.range.start.line;
    const end = multi ? Math.max(textLine.length, d.range.start.character + 1) : d.range.end.character;
    const list = byLine.get(line) ?? [];
    list.push(caretLine(indent, d.range.start.character, end, d.code, contains, multi));
    byLine.set(line, list);
  }
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l);
    for (const c of byLine.get(i) ?? []) out.push(c);
  });
  if (diagnostics.length === 0) {
    const firstData = out.findIndex((l) => !/^\s*(#.*)?$/.test(l));
    out.splice(Math.max(firstData, 0), 0, '# expect: none');
  }
  return out.join('\n');
}
