/**
 * Shared pieces of the fuzz suite: seeds and budgets, the corpus of declarations to mutate,
 * the mutations, and the invariants every lint result must satisfy.
 *
 * Seeds: every property runs once with a fixed seed (reproducible in CI) and once with a random
 * seed shown in the test title. A failure prints fast-check's seed and path; to replay it:
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx mocha test/fuzz/<file>.test.ts -g '<title>'
 * FUZZ_RUNS=<factor> scales every budget (0.2 for a quick look, 5 for a long night, with a
 * larger FUZZ_BUDGET_S: the properties of one run stop when their shared time budget is spent).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isSeq, parseDocument, visit } from 'yaml';
import type { Catalogue } from '../../server/src/core/catalogue';
import type { FullLintResult } from '../../server/src/core/engine';
import { VERDICTS, type Range } from '../../server/src/core/types';

export const ROOT = path.resolve(__dirname, '..', '..');
export const NOW = new Date('2026-06-01T12:00:00Z');

/** The fixed seed of the reproducible runs. */
export const FIXED_SEED = 20250925; // the day Lyon adopted its framework
const FACTOR = Number(process.env.FUZZ_RUNS ?? '1') > 0 ? Number(process.env.FUZZ_RUNS ?? '1') : 1;
const REPLAY_SEED = process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '' ? Number(process.env.FUZZ_SEED) : undefined;
const REPLAY_PATH = process.env.FUZZ_PATH || undefined;
/** One random seed per process, shown in the titles of the random-seed runs. */
export const RANDOM_SEED = (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0;

/** Number of runs for a base budget, scaled by FUZZ_RUNS. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * FACTOR));
}

/**
 * Wall-clock budget of all the properties of one mocha process (FUZZ_BUDGET_S, 150 s by default;
 * the hostile and security tests come on top, about 30 s). A property that would overrun it stops
 * early — its cases so far all passed — and says how many ran: on a slow machine the suite checks
 * fewer cases instead of blowing CI's time.
 */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_S ?? '150') * 1000;
const STARTED = Date.now();
const timeLeft = () => Math.max(2000, STARTED + BUDGET_MS - Date.now());

interface Variant {
  label: string;
  seed: number;
  numRuns: number;
  path?: string;
}

function variants(base: number): Variant[] {
  return REPLAY_SEED !== undefined
    ? [{ label: `seed ${REPLAY_SEED}`, seed: REPLAY_SEED, numRuns: runs(base), path: REPLAY_PATH }]
    : [
        { label: `fixed seed ${FIXED_SEED}`, seed: FIXED_SEED, numRuns: runs(base) },
        { label: `random seed ${RANDOM_SEED}`, seed: RANDOM_SEED, numRuns: runs(Math.ceil(base / 2)) },
      ];
}

function report(title: string, file: string | undefined, v: Variant, details: fc.RunDetails<unknown>, t0: number): void {
  if (details.failed) {
    const message = fc.defaultReportMessage(details) ?? 'property failed';
    const e = new Error(`${message}\n\nReplay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} npx mocha ${file ?? 'test/fuzz'} -g ${JSON.stringify(title)}`);
    if (details.errorInstance instanceof Error) e.stack = `${e.message}\n\nCaused by: ${details.errorInstance.stack ?? details.errorInstance.message}`;
    throw e;
  }
  const cut = details.interrupted ? ` (stopped by the time budget; ${v.numRuns} planned)` : '';
  log(`${title}: ${details.numRuns} cases in ${Date.now() - t0} ms${cut}`);
  if (details.numRuns === 0) throw new Error(`${title}: no case ran`);
}

/**
 * Registers a property twice: with the fixed seed (`runs` cases) and with this process's random
 * seed (half as many). With FUZZ_SEED set, once, with that seed (and FUZZ_PATH when given).
 */
export function fuzz<Ts extends [unknown, ...unknown[]]>(title: string, base: number, arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => void): void {
  for (const v of variants(base)) {
    it(`${title} (${v.numRuns} cases, ${v.label})`, function () {
      this.timeout(timeLeft() + 60_000);
      const t0 = Date.now();
      const property = (fc.property as any)(...arbs, predicate) as fc.IProperty<Ts>;
      const details = fc.check(property, { seed: v.seed, numRuns: v.numRuns, path: v.path, endOnFailure: false, interruptAfterTimeLimit: timeLeft() });
      report(title, this.test?.file, v, details as fc.RunDetails<unknown>, t0);
    });
  }
}

/** Async flavour of `fuzz` (protocol-level properties). */
export function fuzzAsync<Ts extends [unknown, ...unknown[]]>(title: string, base: number, arbs: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => Promise<void>): void {
  for (const v of variants(base)) {
    it(`${title} (${v.numRuns} cases, ${v.label})`, async function () {
      this.timeout(timeLeft() + 60_000);
      const t0 = Date.now();
      const property = (fc.asyncProperty as any)(...arbs, predicate) as fc.IAsyncProperty<Ts>;
      const details = await fc.check(property, { seed: v.seed, numRuns: v.numRuns, path: v.path, endOnFailure: false, interruptAfterTimeLimit: timeLeft() });
      report(title, this.test?.file, v, details as fc.RunDetails<unknown>, t0);
    });
  }
}

/** Timings and sizes go to the test log (never asserted tightly). */
export function log(message: string): void {
  if (process.env.FUZZ_QUIET !== '1') console.log(`      · ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Corpus

let corpus: { name: string; text: string }[] | undefined;

/**
 * The declarations to mutate: this suite's own seeds (flow style, anchors and merges, CRLF, BOM,
 * emoji…), the examples, and every declaration fixture of the other suites. Sorted by path, so
 * that a seed gives the same cases for the same checkout.
 */
export function seedDeclarations(): { name: string; text: string }[] {
  if (corpus) return corpus;
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ia\.ya?ml$|\.seed\.yaml$/.test(e.name)) files.push(p);
    }
  };
  for (const d of ['test/fuzz/seeds', 'examples', 'test/fixtures', 'test/vscode/workspace', 'test/lsp/fixtures']) walk(path.join(ROOT, d));
  corpus = files
    .sort()
    .map((f) => ({ name: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }))
    .filter((s) => s.text.length < 64 * 1024);
  if (corpus.length < 10) throw new Error(`the fuzz corpus is too small (${corpus.length} declarations)`);
  return corpus;
}

export const seedIndex = () => fc.nat({ max: seedDeclarations().length - 1 });

// ---------------------------------------------------------------------------------------------
// Mutations: each is data (shrinkable, printable) applied by `mutate`.

export type Mutation =
  | { k: 'deleteLines'; at: number; count: number }
  | { k: 'duplicateLine'; at: number }
  | { k: 'indent'; at: number; delta: number }
  | { k: 'swapIndent'; a: number; b: number }
  | { k: 'insert'; at: number; col: number; text: string }
  | { k: 'tabs'; at: number }
  | { k: 'crlf'; all: boolean; at: number }
  | { k: 'loneCr'; at: number }
  | { k: 'bom' }
  | { k: 'longLine'; at: number; size: number }
  | { k: 'anchorAlias'; at: number; name: string }
  | { k: 'merge'; at: number; name: string }
  | { k: 'multiDoc'; at: number }
  | { k: 'flow'; pick: number }
  | { k: 'truncate'; at: number };

/** Pieces that tend to break YAML in interesting ways. */
const NASTY = [
  '"',
  "'",
  '\t',
  ': ',
  ':',
  '- ',
  '? ',
  '#',
  '&a ',
  '*a',
  '*nope',
  '<<: *a',
  '!!binary ',
  '!!str ',
  '!!js/function ',
  '!tag ',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '|',
  '>-',
  '|2-\n',
  '[',
  ']',
  '{',
  '}',
  ',',
  '{a: [b, {c: d}]}',
  '"\\u00e9\\x41\\q"',
  "'it''s'",
  'null',
  '~',
  'true',
  '2026-13-45',
  '1e9999',
  '0x1F',
  '.nan',
  '-.inf',
  '😀',
  '👨‍👩‍👧',
  'é',
  'e\u0301',
  '\u200b',
  '\u202e',
  '\u2028',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u0085',
  '\r',
  '\f',
  '\v',
  '\u0001',
  '\u007f',
  'A COMPLETER : x',
  'E02',
  'engagements:',
  'statut: derogation',
  'interaction_directe: true',
];

const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY), { minLength: 2, maxLength: 5 }).map((a) => a.join('')) },
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ k: fc.constant('deleteLines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ k: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('indent' as const), at: fc.nat(), delta: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ k: fc.constant('swapIndent' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ k: fc.constant('insert' as const), at: fc.nat(), col: fc.nat(), text: textArb }),
  fc.record({ k: fc.constant('insert' as const), at: fc.nat(), col: fc.nat(), text: textArb }),
  fc.record({ k: fc.constant('tabs' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('crlf' as const), all: fc.boolean(), at: fc.nat() }),
  fc.record({ k: fc.constant('loneCr' as const), at: fc.nat() }),
  fc.constant({ k: 'bom' as const }),
  fc.record({ k: fc.constant('longLine' as const), at: fc.nat(), size: fc.integer({ min: 1000, max: 60_000 }) }),
  fc.record({ k: fc.constant('anchorAlias' as const), at: fc.nat(), name: fc.constantFrom('a', 'b', 'x1') }),
  fc.record({ k: fc.constant('merge' as const), at: fc.nat(), name: fc.constantFrom('a', 'b', 'nope') }),
  fc.record({ k: fc.constant('multiDoc' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('flow' as const), pick: fc.nat() }),
  fc.record({ k: fc.constant('truncate' as const), at: fc.nat() }),
);

export const mutationsArb = (max = 6) => fc.array(mutationArb, { minLength: 1, maxLength: max });

const leading = (l: string) => l.length - l.trimStart().length;

/** Applies mutations in turn. Pure and total: any mutation applies to any text. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) out = mutateOnce(out, m);
  return out;
}

function mutateOnce(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  const at = (i: number) => i % n;
  switch (m.k) {
    case 'deleteLines':
      lines.splice(at(m.at), m.count);
      return lines.join('\n');
    case 'duplicateLine':
      // Same key twice at the same indentation: a duplicate key (or a duplicated item).
      lines.splice(at(m.at), 0, lines[at(m.at)]);
      return lines.join('\n');
    case 'indent': {
      const i = at(m.at);
      const l = lines[i];
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + l : l.slice(Math.min(-m.delta, leading(l)));
      return lines.join('\n');
    }
    case 'swapIndent': {
      const [i, j] = [at(m.a), at(m.b)];
      const [a, b] = [lines[i], lines[j]];
      lines[i] = ' '.repeat(leading(b)) + a.trimStart();
      lines[j] = ' '.repeat(leading(a)) + b.trimStart();
      return lines.join('\n');
    }
    case 'insert': {
      const i = at(m.at);
      const c = m.col % (lines[i].length + 1);
      lines[i] = lines[i].slice(0, c) + m.text + lines[i].slice(c);
      return lines.join('\n');
    }
    case 'tabs': {
      const i = at(m.at);
      lines[i] = lines[i].replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length >> 1)));
      return lines.join('\n');
    }
    case 'crlf':
      if (m.all) return text.replace(/\r?\n/g, '\r\n');
      lines[at(m.at)] += '\r';
      return lines.join('\n');
    case 'loneCr': {
      const i = at(m.at);
      lines[i] = lines[i] + '\r' + (lines[i + 1] ?? '');
      if (i + 1 < n) lines.splice(i + 1, 1);
      return lines.join('\n');
    }
    case 'bom':
      return '\ufeff' + text;
    case 'longLine': {
      const i = at(m.at);
      const l = lines[i];
      const colon = l.indexOf(': ');
      lines[i] = colon > 0 ? l.slice(0, colon + 2) + 'x'.repeat(m.size) + l.slice(colon + 2) : l + ' ' + 'é'.repeat(m.size);
      return lines.join('\n');
    }
    case 'anchorAlias': {
      // Anchor a value with `&name`, then refer to it from another line with `*name`.
      const i = at(m.at);
      lines[i] = lines[i].replace(/^(\s*(?:- )?[\w.-]+:)( |$)/, `$1 &${m.name}$2`);
      const j = at(m.at * 7 + 3);
      lines[j] = lines[j].replace(/^(\s*(?:- )?[\w.-]+:)(?: .*)?$/, `$1 *${m.name}`);
      return lines.join('\n');
    }
    case 'merge': {
      const i = at(m.at);
      const indent = ' '.repeat(leading(lines[i]));
      lines.splice(i, 0, `${indent}<<: *${m.name}`);
      return lines.join('\n');
    }
    case 'multiDoc': {
      const i = at(m.at);
      lines.splice(i, 0, '---');
      return lines.join('\n');
    }
    case 'flow':
      return flowStyle(text, m.pick);
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
  }
}

/** The same data with some collections written in flow style (`{a: 1, b: [x, y]}`). */
function flowStyle(text: string, pick: number): string {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, logLevel: 'silent' });
  if (doc.errors.length) return text;
  let i = 0;
  visit(doc, {
    Map: (_k, node) => {
      if (i++ % 3 === pick % 3) node.flow = true;
    },
    Seq: (_k, node) => {
      if (i++ % 2 === pick % 2) node.flow = true;
    },
  });
  if (!isMap(doc.contents) && !isSeq(doc.contents)) return text;
  try {
    return doc.toString({ lineWidth: 0 });
  } catch {
    return text; // e.g. an alias before its anchor: `yaml` refuses to write it back
  }
}

// ---------------------------------------------------------------------------------------------
// Random texts: small documents made of YAML-ish tokens (keys of the format, indicators, values).

const KEYS = ['cadre', 'projet', 'id', 'nom', 'statut', 'usagers', 'interaction_directe', 'engagements', 'E02', 'E09', 'donnees', 'aipd', 'benefices', 'modeles', '<<', 'x'];
const VALUES = ['lyon-ia/v1', 'true', 'false', 'null', '~', '2026-01-01', 'derogation', 'experimentation', '"A COMPLETER : x"', '[]', '{}', '&a', '*a', '|', '>-', '""', "''", '0', '-1', '1e3'];

export const randomTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.constant(''), textArb), fc.constantFrom('', '- ', '? ', '- - ')), {
      maxLength: 30,
    })
    .chain((rows) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => rows.map(([ind, k, v, pre]) => `${' '.repeat(ind)}${pre}${k}: ${v}`).join(eol))),
);

// ---------------------------------------------------------------------------------------------
// Invariants

/** The lines of a text as an LSP client sees them (\n, \r\n and a lone \r end a line). */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function assertRangeInside(range: Range, lines: string[], what: string): void {
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  assert.ok(ok(range.start) && ok(range.end), `${what}: range ${JSON.stringify(range)} outside the document (${lines.length} lines)`);
  assert.ok(
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character),
    `${what}: range ${JSON.stringify(range)} ends before it starts`,
  );
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/**
 * What every lint result must satisfy, whatever the text: ranges inside the document, verdicts
 * among the five values for every engagement of the catalogue, findings that point at real
 * diagnostics, messages and codes present, no internal error.
 */
export function assertLintInvariants(text: string, r: FullLintResult, catalogue: Catalogue): void {
  const lines = lspLines(text);
  for (const d of r.diagnostics) {
    assert.ok(typeof d.code === 'string' && d.code.length > 0, 'a diagnostic without code');
    assert.notEqual(d.code, 'internal', `internal error: ${d.message}`);
    assert.ok(SEVERITIES.has(d.severity), `severity ${d.severity}`);
    assert.ok(typeof d.message === 'string' && d.message.trim().length > 0, `${d.code}: empty message`);
    // A template placeholder left unfilled (`{field}`), unless the user wrote those braces themselves.
    for (const m of d.message.match(/\{\w+\}/g) ?? []) assert.ok(text.includes(m), `${d.code}: unfilled placeholder ${m} in «${d.message}»`);
    assertRangeInside(d.range, lines, d.code);
    for (const rel of d.related ?? []) assertRangeInside(rel.range, lines, `${d.code} related`);
  }
  // A `cadre:` naming no known framework is judged by none: one error says so (with the known
  // ones), and there is no verdict at all rather than another framework's verdicts.
  if (r.framework && r.framework.known === false) {
    assert.ok(
      r.diagnostics.some((d) => d.code === 'cadre-inconnu' && d.severity === 'error'),
      'an unknown cadre without its error',
    );
    assert.deepEqual(r.verdicts, {}, 'an unknown cadre judged nothing');
    assert.deepEqual(r.engagements, []);
    return;
  }
  // Judged by the framework its `cadre:` names (the default one otherwise).
  const ids = (r.catalogue ?? catalogue).engagements.map((e) => e.id);
  assert.deepEqual(Object.keys(r.verdicts), ids, 'one verdict per engagement, in catalogue order');
  for (const [id, v] of Object.entries(r.verdicts)) assert.ok(VERDICTS.includes(v), `${id}: verdict ${v}`);
  assert.deepEqual(
    r.engagements.map((e) => e.id),
    ids,
  );
  for (const e of r.engagements) {
    assert.equal(e.verdict, r.verdicts[e.id]);
    // Its findings are its own diagnostics, plus the syntax problems that cross its sections
    // (a broken text never yields a clean verdict: the break is shown where the verdict is).
    for (const i of e.findings) {
      const d = r.diagnostics[i];
      // An engagement that applies only under a condition (`applies_when`) whose field cannot be
      // read lists the finding on that field: it is why the engagement cannot be judged.
      const def = (r.catalogue ?? catalogue).engagements.find((c) => c.id === e.id);
      const onCondition = !!d?.path && (def?.applies_when ?? []).some((c) => c.field === d.path!.join('.'));
      // A missing section is one engine finding for every engagement that needs it (its `engagement` is the first of them).
      const onSection = d?.code === 'cadre-section-manquante' && !!d.path && [...(def?.sections ?? []), ...(def?.applies_when ?? []).map((c) => c.field.split('.')[0])].includes(String(d.path[0]));
      assert.ok(
        d?.engagement === e.id || d?.code === 'syntax' || onCondition || onSection,
        `${e.id}: finding ${i} is neither one of its diagnostics, a syntax problem, the finding on its condition nor its missing section`,
      );
    }
    if (e.range) assertRangeInside(e.range, lines, `${e.id} range`);
  }
}

/** The comparable part of a lint result (for determinism checks). */
export function fingerprint(r: FullLintResult): string {
  return JSON.stringify({ d: r.diagnostics, v: r.verdicts, e: r.engagements });
}
