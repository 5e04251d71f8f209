/**
 * Property tests of the core on random and mutated declarations: lintText never throws, every
 * range lies inside the document, verdicts are among the five values, and the same text always
 * gives the same result. Also the view helpers the server calls (hover, completion, symbols,
 * folding, lenses, links) at random positions.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Catalogue } from '../../server/src/core/catalogue';
import { completionsAt } from '../../server/src/core/completion';
import { defaultCatalogue, lintText, type LintOptions } from '../../server/src/core/engine';
import { hoverAt } from '../../server/src/core/hover';
import { documentLinks } from '../../server/src/core/links';
import { pathAt } from '../../server/src/core/locate';
import { ALL_RULES } from '../../server/src/core/rules/index';
import { documentSymbols, foldingRanges, verdictLenses, type CoreSymbol } from '../../server/src/core/symbols';
import type { Locale, SeveritySetting } from '../../server/src/core/types';
import { assertLintInvariants, assertRangeInside, fingerprint, fuzz, lspLines, mutate, mutationsArb, NOW, randomTextArb, seedDeclarations, seedIndex } from './support';

const catalogue: Catalogue = defaultCatalogue();
const localeArb = fc.constantFrom<Locale>('fr', 'en');
const CODES = [...ALL_RULES.map((r) => r.meta.id), 'syntax', 'schema-additionalProperties', 'schema-required', 'schema-type', 'schema-enum'];
const severitiesArb: fc.Arbitrary<Record<string, SeveritySetting>> = fc.dictionary(fc.constantFrom(...CODES), fc.constantFrom<SeveritySetting>('error', 'warning', 'information', 'hint', 'off'), {
  maxKeys: 4,
});

/** Lints twice from scratch (a fresh parse each time) and checks every invariant and determinism. */
function lintChecked(text: string, options: LintOptions = {}) {
  const opts = { now: NOW, catalogue, ...options };
  const a = lintText(text, opts);
  assertLintInvariants(text, a, catalogue);
  const b = lintText(text, opts);
  assert.equal(fingerprint(b), fingerprint(a), 'same text, different result');
  return a;
}

describe('fuzz: core lint', function () {
  this.timeout(120_000);

  fuzz('random texts', 2000, [randomTextArb, localeArb], (text, locale) => {
    lintChecked(text, { locale });
  });

  fuzz(
    'mutated declarations (deleted lines, indentation, bytes, quotes, tabs, CRLF, lone CR, BOM, long lines, unicode, duplicate keys, anchors, merges, documents, flow)',
    1000,
    [seedIndex(), mutationsArb(6), localeArb, severitiesArb],
    (i, mutations, locale, severities) => {
      const text = mutate(seedDeclarations()[i].text, mutations);
      lintChecked(text, { locale, severities });
    },
  );

  it('regression (seed 841122171): a 32,764-character key in a section a syntax break crosses does not throw', () => {
    // The engine asked whether the break hid the key with a regular expression built from the key:
    // "Regular expression too large". It now searches the text (writesKey).
    const text = mutate(seedDeclarations()[45 % seedDeclarations().length].text, [
      { k: 'indent', at: 717339789, delta: -1 },
      { k: 'longLine', at: 2019932049, size: 32764 },
    ] as Parameters<typeof mutate>[1]);
    assert.ok(text.length > 32_000, 'the long line is there');
    const r = lintChecked(text, { locale: 'fr' });
    assert.ok(
      r.diagnostics.some((d) => d.code === 'syntax' || d.code.startsWith('schema-')),
      'the broken text is reported',
    );
  });

  it('the mutations do produce what they name (the generator is not vacuous)', () => {
    const base = seedDeclarations().find((s) => s.name.endsWith('complete.ia.yaml'))!.text;
    const codesOf = (t: string) => new Set(lintText(t, { now: NOW, catalogue }).diagnostics.map((d) => d.code));
    const problemsOf = (t: string) => lintText(t, { now: NOW, catalogue }).parsed.problems.map((p) => p.code);
    assert.deepEqual(
      [...codesOf(base)].filter((c) => c === 'syntax'),
      [],
      'the base is clean YAML',
    );
    assert.ok(problemsOf(mutate(base, [{ k: 'duplicateLine', at: 3 }])).includes('DUPLICATE_KEY'));
    assert.ok(problemsOf(mutate(base, [{ k: 'multiDoc', at: 5 }])).includes('MULTIPLE_DOCS'));
    assert.ok(problemsOf(mutate(base, [{ k: 'tabs', at: 4 }])).length > 0, 'tab indentation');
    assert.ok(problemsOf(mutate(base, [{ k: 'insert', at: 4, col: 6, text: '"' }])).length > 0, 'unbalanced quote');
    const flow = mutate(base, [{ k: 'flow', pick: 0 }]);
    assert.notEqual(flow, base);
    assert.ok(/\{ ?\w+: /.test(flow), 'flow mappings written');
    assert.deepEqual(lintText(flow, { now: NOW, catalogue }).parsed.value, lintText(base, { now: NOW, catalogue }).parsed.value, 'flow style keeps the data');
    const anchored = mutate(base, [{ k: 'anchorAlias', at: 4, name: 'a' }]);
    assert.match(anchored, /&a\b/);
    assert.match(anchored, /\*a\b/);
    assert.equal(lspLines(mutate(base, [{ k: 'loneCr', at: 2 }])).length, lspLines(base).length, 'a lone CR still ends the line');
  });

  const editArb = fc.record({
    pos: fc.nat(),
    del: fc.integer({ min: 0, max: 12 }),
    ins: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\n', '\r\n', ': ', '- ', '  ', '"', '#', '[', '}', '&a', '*a', '😀', '\t')),
  });

  fuzz('random sequences of incremental edits (each intermediate text checked)', 150, [seedIndex(), fc.array(editArb, { minLength: 1, maxLength: 12 })], (i, edits) => {
    let text = seedDeclarations()[i].text;
    for (const e of edits) {
      const at = e.pos % (text.length + 1);
      text = text.slice(0, at) + e.ins + text.slice(at + e.del);
      const r = lintText(text, { now: NOW, catalogue });
      assertLintInvariants(text, r, catalogue);
    }
    lintChecked(text);
  });

  it('determinism does not depend on what was linted before (caches)', () => {
    const seeds = seedDeclarations();
    const pick = [0, 7, 19, 42, seeds.length - 1].map((i) => seeds[i % seeds.length].text);
    const first = pick.map((t) => fingerprint(lintText(t, { now: NOW, catalogue })));
    // Other texts and locales in between, then the same texts in reverse order.
    for (const s of seeds.slice(0, 20)) lintText(s.text, { now: NOW, catalogue, locale: 'en' });
    const again = [...pick].reverse().map((t) => fingerprint(lintText(t, { now: NOW, catalogue })));
    assert.deepEqual(again.reverse(), first);
  });
});

describe('fuzz: view helpers at random positions', function () {
  this.timeout(120_000);

  const posArb = fc.record({ line: fc.nat(), character: fc.nat({ max: 200 }) });

  fuzz(
    'hover, completion, locate, symbols, folding, lenses and links never throw and stay inside the document',
    400,
    [seedIndex(), mutationsArb(4), fc.array(posArb, { minLength: 1, maxLength: 4 }), localeArb],
    (i, mutations, positions, locale) => {
      const text = mutate(seedDeclarations()[i].text, mutations);
      const lines = lspLines(text);
      const r = lintText(text, { now: NOW, catalogue, locale });
      const ctx = { locale, catalogue };
      for (const raw of positions) {
        // Positions inside the document, and sometimes beyond it (clients send stale positions).
        const line = raw.line % (lines.length + 1);
        const position = { line, character: line < lines.length ? raw.character % (lines[line].length + 2) : raw.character };
        const h = hoverAt(r.parsed, position, r.diagnostics, ctx);
        if (h) {
          assert.ok(h.markdown.length > 0);
          assertRangeInside(h.range, lines, 'hover');
        }
        for (const c of completionsAt(r.parsed, position, { ...ctx, trigger: raw.character % 3 === 0 ? ':' : undefined })) {
          assert.ok(c.label.length > 0);
          assertRangeInside(c.range, lines, `completion ${c.label}`);
        }
        const at = pathAt(r.parsed, position);
        if (at) assertRangeInside(at.range, lines, 'pathAt');
      }
      const walk = (s: CoreSymbol) => {
        assertRangeInside(s.range, lines, `symbol ${s.name}`);
        assertRangeInside(s.selectionRange, lines, `symbol ${s.name} selection`);
        s.children.forEach(walk);
      };
      documentSymbols(r.parsed, ctx).forEach(walk);
      for (const f of foldingRanges(r.parsed)) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.length, `folding ${JSON.stringify(f)}`);
      for (const l of verdictLenses(r.parsed, r, ctx)) assertRangeInside(l.range, lines, 'lens');
      for (const l of documentLinks(r.parsed, ctx)) {
        assertRangeInside(l.range, lines, 'link');
        assert.match(l.target, /^(https?|command|cadre-ia):/);
      }
    },
  );
});
