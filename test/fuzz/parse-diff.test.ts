/**
 * The fast read path (server/src/core/parse/fast.ts) against the reference (`yaml`): on every
 * text the fast path accepts, the data, every key and value range, the order of the index and
 * the error/no-error classification (none: it accepts no text `yaml` finds a problem in) are
 * the same; every other text goes to `yaml` (same result by construction). Texts: generated
 * YAML in and around the subset, mutated declarations, random text, hostile inputs, every
 * fixture and example; on fixtures and examples, the whole lint (diagnostics, ranges, verdicts)
 * is compared too.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateDeclaration } from '../../bench/generate';
import { defaultCatalogue, lintText } from '../../server/src/core/engine';
import { MAX_NESTING, parseDeclaration, parseReference, type ParsedDeclaration } from '../../server/src/core/parse';
import { FastParsed } from '../../server/src/core/parse/lazy';
import { fuzz, log, mutate, mutationsArb, NOW, randomTextArb, ROOT, seedDeclarations } from './support';

const catalogue = defaultCatalogue();

function indexOf(p: ParsedDeclaration) {
  return [...p.index].map(([k, i]) => ({ k, path: i.path, keyRange: i.keyRange, valueRange: i.valueRange, collection: i.collection }));
}

/** Parses both ways; when the fast path accepted the text, asserts the results equal. Returns whether it did. */
function compare(text: string): boolean {
  const fast = parseDeclaration(text);
  const ref = parseReference(text);
  if (!(fast instanceof FastParsed)) {
    // The fallback is the reference itself.
    assert.deepEqual(fast.problems, ref.problems);
    assert.deepEqual(fast.value, ref.value);
    return false;
  }
  assert.deepEqual(ref.problems, [], `the fast path accepted a text yaml finds problems in: ${JSON.stringify(text)}`);
  assert.deepEqual(fast.problems, []);
  assert.deepStrictEqual(fast.value, ref.value, `data differs on ${JSON.stringify(text)}`);
  assert.deepStrictEqual(indexOf(fast), indexOf(ref), `index differs on ${JSON.stringify(text)}`);
  return true;
}

// ---- a generator of YAML in and around the subset --------------------------------------------

const SCALARS = [
  'texte',
  'deux mots',
  'é à ç',
  'x😀y',
  '',
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'false',
  'FALSE',
  'yes',
  'no',
  '0',
  '7',
  '42',
  '007',
  '-3',
  '+4',
  '1.5',
  '0.25',
  '1.',
  '.5',
  '1e3',
  '1.5E-2',
  '0x1F',
  '0o17',
  '.inf',
  '-.Inf',
  '.nan',
  '2025-09-01',
  '12:30',
  'a: b',
  'a:b',
  'a:',
  'x #c',
  'x#c',
  'x  ',
  "'q'",
  "'it''s'",
  "'a: b'",
  '"dq"',
  '"a\\nb"',
  '"a # b"',
  "'un",
  '"deux',
  '[a, b]',
  '[]',
  '[ ]',
  '[1, deux, null]',
  '[a,,b]',
  '[a, [b]]',
  '[a, b',
  '{a: 1}',
  '{}',
  '&x v',
  '*x',
  '!tag v',
  '!!str 1',
  '|',
  '|-',
  '>',
  '>-',
  '|+',
  '|2',
  '- x',
  '-x',
  '- ',
  '? x',
  ': x',
  '@x',
  '`x`',
  ',x',
  '%x',
  '#c',
  'a\tb',
  'a\rb',
  '\u00a0x',
  '\ufeffx',
  'x\u2028y',
  '---',
  '...',
];
const KEYS = ['a', 'b', 'nom', 'id', 'E01', 'ai_act', 'k-1', 'k.x', '_x', 'Null', 'true', '1', '__proto__', '<<', 'a b', 'é', '"q"', "'s'", 'a ', ' a', '-', '? a'];

type Tree = { k: 'scalar'; v: string } | { k: 'block'; header: string; lines: string[] } | { k: 'map'; entries: [string, Tree][] } | { k: 'seq'; items: Tree[]; flush: boolean };

const scalarArb: fc.Arbitrary<Tree> = fc
  .oneof({ weight: 10, arbitrary: fc.constantFrom(...SCALARS.slice(0, 12)) }, { weight: 3, arbitrary: fc.constantFrom(...SCALARS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) })
  .map((v) => ({ k: 'scalar' as const, v }));
const blockArb: fc.Arbitrary<Tree> = fc
  .record({
    header: fc.constantFrom('|', '|-', '>', '>-', '|+', '>2', '| # c'),
    lines: fc.array(fc.constantFrom('ligne', 'deux mots', '', '  plus loin', '# pas un commentaire', 'a: b', ' '), { minLength: 0, maxLength: 4 }),
  })
  .map((b) => ({ k: 'block' as const, ...b }));
const keyArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEYS.slice(0, 8)) }, { weight: 1, arbitrary: fc.constantFrom(...KEYS) });

const { tree: treeArb } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalarArb },
    { weight: 1, arbitrary: blockArb },
    { weight: 2, arbitrary: tie('map') },
    { weight: 1, arbitrary: tie('seq') },
  ),
  map: fc.array(fc.tuple(keyArb, tie('tree')), { minLength: 1, maxLength: 4 }).map((entries) => ({ k: 'map' as const, entries })),
  seq: fc.record({ items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }), flush: fc.boolean() }).map((s) => ({ k: 'seq' as const, ...s })),
}));
const rootArb = fc.array(fc.tuple(keyArb, treeArb), { minLength: 1, maxLength: 5 }).map((entries) => ({ k: 'map' as const, entries }));

/** Renders a tree as block YAML lines. */
function render(t: Tree, indent: number, step: number, out: string[], prefix: string): void {
  const pad = ' '.repeat(indent);
  switch (t.k) {
    case 'scalar':
      out.push(prefix + t.v);
      return;
    case 'block':
      out.push(prefix + t.header);
      for (const l of t.lines) out.push(l === '' ? '' : pad + ' '.repeat(step) + l);
      return;
    case 'map':
      t.entries.forEach(([k, v], i) => {
        const head = i === 0 ? prefix : pad;
        if (v.k === 'map' || (v.k === 'seq' && v.items.length)) {
          out.push(`${head}${k}:`);
          render(v, v.k === 'seq' && v.flush ? indent : indent + step, step, out, ' '.repeat(v.k === 'seq' && v.flush ? indent : indent + step));
        } else {
          render(v, indent, step, out, `${head}${k}: `);
        }
      });
      return;
    case 'seq':
      t.items.forEach((item, i) => {
        const head = i === 0 ? prefix : pad;
        if (item.k === 'seq') out.push(`${head}-`);
        else render(item, indent + 2, step, out, `${head}- `);
      });
  }
}

interface Extra {
  at: number;
  line: string;
}
const extraArb: fc.Arbitrary<Extra> = fc.record({
  at: fc.nat(),
  line: fc.oneof(
    fc.constantFrom('', '  ', '# commentaire'),
    fc.tuple(fc.nat({ max: 8 }), fc.constantFrom('# c', '#', '# ^^^ E01')).map(([n, c]) => ' '.repeat(n) + c),
  ),
});

const generatedArb = fc
  .record({ root: rootArb, step: fc.constantFrom(2, 2, 4, 1), extras: fc.array(extraArb, { maxLength: 4 }), eol: fc.boolean(), lead: fc.boolean() })
  .map(({ root, step, extras, eol, lead }) => {
    const lines: string[] = [];
    render(root, 0, step, lines, '');
    for (const e of extras) lines.splice(e.at % (lines.length + 1), 0, e.line);
    if (lead) lines.unshift('# yaml-language-server: $schema=x');
    return lines.join('\n') + (eol ? '\n' : '');
  });

// ---- the properties --------------------------------------------------------------------------

describe('fast read path = yaml (differential)', () => {
  const stats = { accepted: 0, total: 0 };
  const check = (text: string) => {
    stats.total++;
    if (compare(text)) stats.accepted++;
  };
  after(() => log(`fast path accepted ${stats.accepted} of ${stats.total} texts`));

  fuzz('generated YAML in and around the subset', 400, [generatedArb], (text) => check(text));

  fuzz('mutated seed declarations', 150, [fc.nat(), mutationsArb(4)], (i, muts) => {
    const seeds = seedDeclarations();
    check(mutate(seeds[i % seeds.length].text, muts));
  });

  fuzz('random text', 150, [randomTextArb], (text) => check(text));

  it('texts a random seed once caught (kept as regressions)', () => {
    // A comment at column 0 between two items of an indented list, the last item empty: `yaml`
    // stretches the empty item to the next line (found by seed 823841101).
    for (const text of ['\nk.x:\n  - texte\n# c\n  -\na:\n  a: texte', 'a:\n  - x\n# c\n  - y\n']) check(text);
  });

  it('takes the fast path on a good share of the generated texts (the property above is not vacuous)', () => {
    let accepted = 0;
    const samples = fc.sample(generatedArb, { numRuns: 300, seed: 42 });
    for (const text of samples) if (compare(text)) accepted++;
    log(`generated: ${accepted} / ${samples.length} accepted`);
    assert.ok(accepted >= samples.length / 10, `only ${accepted} of ${samples.length} generated texts took the fast path`);
  });

  it('hostile inputs: guards first, bounded, same result', function () {
    this.timeout(120_000);
    const deep = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' v\n';
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    const texts: [string, string][] = [
      ['nesting at MAX_NESTING + 5', deep(MAX_NESTING + 5)],
      ['nesting 60', deep(60)],
      ['nesting 3,000 (flow)', '['.repeat(3000) + ']'.repeat(3000)],
      ['alias bomb', bomb],
      ['60,000 keys', Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join('\n')],
      ['60,000 duplicate keys', Array.from({ length: 60_000 }, () => 'k: v').join('\n')],
      ['120,000 list items', 'a:\n' + '  - x\n'.repeat(120_000)],
      ['a 1 MB line', 'a: ' + 'x'.repeat(1_000_000)],
      ['NUL', 'a: b\u0000'],
      ['many flow tokens', 'a: [' + Array.from({ length: 60_000 }, () => '1').join(', ') + ']'],
    ];
    for (const [name, text] of texts) {
      const t0 = performance.now();
      const accepted = compare(text);
      const ms = performance.now() - t0;
      log(`${name}: ${accepted ? 'fast path' : 'yaml'}, ${ms.toFixed(0)} ms`);
      assert.ok(ms < 20_000, `${name} took ${ms.toFixed(0)} ms`);
    }
    // Beyond the token guard, the fast path must not accept what `yaml` refuses as too complex.
    assert.equal(parseDeclaration('a:\n' + '  - x\n'.repeat(120_000)).problems[0]?.code, 'TOO_COMPLEX');
  });

  it('bench corpus: generated declarations of 200 and 2,000 lines take the fast path, same result', function () {
    this.timeout(60_000);
    for (const [lines, seed] of [
      [200, 1],
      [200, 2],
      [200, 3],
      [2000, 4],
    ]) {
      assert.ok(compare(generateDeclaration({ lines, seed })), `the ${lines}-line declaration (seed ${seed}) fell back to yaml`);
    }
  });
});

describe('fast read path = yaml on every fixture and example (whole lint)', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  walk(path.join(ROOT, 'test', 'fuzz', 'seeds'));

  it(`same diagnostics, ranges and verdicts on ${files.length} files; every example takes the fast path`, function () {
    this.timeout(120_000);
    let accepted = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      if (compare(text)) accepted++;
      else assert.ok(!f.includes(`${path.sep}examples${path.sep}`), `the example ${f} fell back to yaml`);
      for (const locale of ['fr', 'en'] as const) {
        const a = lintText(text, { now: NOW, catalogue, locale });
        const b = lintText(text, { now: NOW, catalogue, locale, reference: true });
        assert.deepStrictEqual(a.diagnostics, b.diagnostics, `diagnostics differ on ${f}`);
        assert.deepStrictEqual(a.verdicts, b.verdicts, `verdicts differ on ${f}`);
      }
    }
    log(`fixtures and examples: ${accepted} / ${files.length} on the fast path`);
  });
});
