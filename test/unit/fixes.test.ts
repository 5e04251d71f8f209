import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import type { Catalogue } from '../../server/src/core/catalogue';
import { defaultCatalogue, lintText } from '../../server/src/core/engine';
import { sectionOrder } from '../../server/src/core/catalogue';
import { applyEdits, computeFixEdits, derogationFix, fixAllEdits, renderDeclaration, type TextEdit } from '../../server/src/core/fixes';
import { getIn, parseDeclaration } from '../../server/src/core/parse';
import { ALL_RULES } from '../../server/src/core/rules/index';
import { FIX_KINDS } from '../../server/src/core/rules/api';
import { asFragment, loadTemplates, parseTemplates, slugify } from '../../server/src/core/templates';
import type { DataPath, Diagnostic, FixRef } from '../../server/src/core/types';
import { checkFixPreserves } from '../fuzz/fix-invariants';

/** The section order of Lyon's catalogue (catalogue data, completed by the schema's order). */
const SECTION_ORDER = sectionOrder(defaultCatalogue());

/**
 * The fix engine, driven by fixtures: each `test/fixtures/fixes/*.ia.yaml` names, in header
 * comments, the fixes to apply in turn:
 *   # fix: <kind> <json args>          computeFixEdits with that FixRef
 *   # fix: diagnostic <code> <a.b.c>   the first fix of the diagnostic with that code and path
 *   # fix: derogation E09              derogationFix('E09')
 *   # fix: all                         fixAllEdits over the lint diagnostics
 *   # expect: refused                  every fix above must be refused (undefined / no edit)
 * (a file that cannot hold a comment, the empty one, takes its header from `<name>.fix`).
 * The text after all fixes must equal `<name>.expected.yaml` (UPDATE_SNAPSHOTS=1 rewrites it),
 * and every single application is checked against the invariants in `checkFix`.
 */

const DIR = path.join(__dirname, '..', 'fixtures', 'fixes');
const NOW = new Date('2026-06-01T00:00:00Z');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** The bundled catalogue with every rule the code knows enabled, whatever the catalogue lists today. */
function fullCatalogue(): Catalogue {
  const base = defaultCatalogue();
  return {
    ...base,
    engagements: base.engagements.map((e) => {
      const ids = new Set((e.rules ?? []).map((r) => r.id));
      const extra = ALL_RULES.filter((r) => r.meta.engagement === e.id && !ids.has(r.meta.id)).map((r) => ({ id: r.meta.id }));
      return { ...e, rules: [...(e.rules ?? []), ...extra] };
    }),
  };
}

const catalogue = fullCatalogue();
const ctx = { locale: 'fr' as const, catalogue };
const lint = (text: string) => lintText(text, { now: NOW, catalogue, locale: 'fr' });

// ---------------------------------------------------------------------------------------------
// Invariants

/**
 * Applies `edits` (from `fixes`, on `before`) and checks the invariants shared with the fuzz
 * suite (test/fuzz/fix-invariants.ts: no overlap, no user text removed, parses, every value kept
 * in order, line endings kept); here, on curated fixtures, also: a clean file stays clean and
 * the targeted diagnostic is gone. Returns the new text.
 */
function checkFix(before: string, edits: TextEdit[], fixes: FixRef[], target?: Diagnostic): string {
  const parsedBefore = parseDeclaration(before);
  const after = checkFixPreserves(before, edits, fixes, parsedBefore);
  if (parsedBefore.problems.length === 0) assert.deepEqual(parseDeclaration(after).problems, [], after);

  if (target) {
    const still = lint(after).diagnostics.filter((d) => d.code === target.code && JSON.stringify(d.path) === JSON.stringify(target.path));
    // Expected exception: a fix that writes the templates' placeholders ("A COMPLETER : …") turns
    // "missing" into "still to complete"; such a finding may stay, as information to complete
    // (outcome a_completer), never as a breach.
    const placeholder = edits.some((e) => e.newText.includes('"A COMPLETER'));
    const left = placeholder ? still.filter((d) => d.outcome !== 'a_completer') : still;
    assert.deepEqual(
      left.map((d) => d.message),
      [],
      `the fix leaves ${target.code} at ${JSON.stringify(target.path)}`,
    );
  }
  return after;
}

// ---------------------------------------------------------------------------------------------
// Fixture-driven suite

function directivesOf(name: string, text: string): { fixes: string[]; refused: boolean } {
  const side = path.join(DIR, name.replace(/\.ia\.yaml$/, '.fix'));
  const header = fs.existsSync(side) ? fs.readFileSync(side, 'utf8') : text;
  const fixes: string[] = [];
  let refused = false;
  for (const raw of header.split(/\r?\n/)) {
    const m = /^#\s*fix:\s*(.+?)\s*$/.exec(raw);
    if (m) fixes.push(m[1]);
    if (/^#\s*expect:\s*refused\s*$/.test(raw)) refused = true;
  }
  return { fixes, refused };
}

function toPath(dotted: string): DataPath {
  return dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Applies one directive to `text`: the new text, or undefined when the engine refused. */
function runDirective(directive: string, text: string): { after?: string; edits?: TextEdit[] } {
  const result = lint(text);
  if (directive === 'all') {
    const edits = fixAllEdits(result.parsed, result.diagnostics, ctx);
    if (!edits.length) return {};
    const preferred = result.diagnostics.flatMap((d) => (d.fixes ?? []).filter((f) => f.preferred));
    return { edits, after: checkFix(text, edits, preferred) };
  }
  let fix: FixRef | undefined;
  let target: Diagnostic | undefined;
  const dm = /^diagnostic\s+(\S+)\s+(\S+)$/.exec(directive);
  const gm = /^derogation\s+(\S+)$/.exec(directive);
  const km = /^([a-z-]+)\s*(\{.*\})$/.exec(directive);
  if (dm) {
    target = result.diagnostics.find((d) => d.code === dm[1] && JSON.stringify(d.path) === JSON.stringify(toPath(dm[2])));
    assert.ok(target, `no diagnostic ${dm[1]} at ${dm[2]}: ${result.diagnostics.map((d) => `${d.code} ${JSON.stringify(d.path)}`).join(', ')}`);
    fix = target.fixes?.[0];
    assert.ok(fix, `diagnostic ${dm[1]} at ${dm[2]} offers no fix`);
  } else if (gm) {
    fix = derogationFix(gm[1], 'fr', catalogue);
    if (!fix) return {};
  } else if (km) {
    fix = { kind: km[1], args: JSON.parse(km[2]), title: km[1] };
  } else {
    assert.fail(`bad directive: ${directive}`);
  }
  const edits = computeFixEdits(result.parsed, fix, ctx);
  if (!edits) return {};
  assert.ok(edits.length > 0, 'a fix with no edit must be undefined');
  return { edits, after: checkFix(text, edits, [fix], target) };
}

const fixtureNames = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.ia.yaml') && !f.endsWith('.expected.yaml'))
  .sort();

describe('fixes: fixtures', () => {
  it('finds the fixtures', () => assert.ok(fixtureNames.length >= 25, `${fixtureNames.length} fixtures`));

  for (const name of fixtureNames) {
    it(name, () => check(name));
  }
});

/** Runs one fixture's directives and compares the result with its snapshot. */
function check(name: string): void {
  const input = fs.readFileSync(path.join(DIR, name), 'utf8');
  const { fixes, refused } = directivesOf(name, input);
  assert.ok(fixes.length > 0, `${name} names no fix`);
  let text = input;
  for (const directive of fixes) {
    const { after } = runDirective(directive, text);
    if (refused) {
      assert.equal(after, undefined, `${directive} should be refused`);
      continue;
    }
    assert.ok(after !== undefined, `${directive} was refused on\n${text}`);
    text = after;
  }
  if (refused) return;
  assert.notEqual(text, input, 'the fixes changed nothing');
  const expectedFile = path.join(DIR, name.replace(/\.ia\.yaml$/, '.expected.yaml'));
  if (UPDATE || !fs.existsSync(expectedFile)) {
    if (!UPDATE) assert.fail(`missing snapshot ${path.basename(expectedFile)} (run with UPDATE_SNAPSHOTS=1)`);
    fs.writeFileSync(expectedFile, text);
    return;
  }
  assert.equal(text, fs.readFileSync(expectedFile, 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// Properties over every fixture

/** Fixtures where a fix the linter offers may be refused, and why. */
const MAY_REFUSE: Record<string, string> = {
  'anchors-merge-refused.ia.yaml': 'values reached through aliases and merge keys are never edited',
  'anchors-merge.ia.yaml': 'values reached through aliases and merge keys are never edited',
};

const KNOWN_KINDS: ReadonlySet<string> = new Set(FIX_KINDS);

describe('fixes: every fix offered on every fixture keeps the invariants', () => {
  for (const name of fixtureNames) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const result = lint(text);
      let applied = 0;
      for (const d of result.diagnostics) {
        for (const fix of d.fixes ?? []) {
          assert.ok(KNOWN_KINDS.has(fix.kind), `${d.code} offers an unknown fix kind ${fix.kind}`);
          const edits = computeFixEdits(result.parsed, fix, ctx);
          if (!edits) {
            assert.ok(MAY_REFUSE[name], `${d.code} at ${JSON.stringify(d.path)}: ${fix.kind} ${JSON.stringify(fix.args)} refused`);
            continue;
          }
          checkFix(text, edits, [fix], d);
          applied++;
        }
      }
      // A derogation for every derogable engagement, none for the others.
      for (const e of catalogue.engagements) {
        const fix = derogationFix(e.id, 'fr', catalogue);
        if (!e.derogable) {
          assert.equal(fix, undefined, `${e.id} is not derogable`);
          continue;
        }
        assert.ok(fix);
        const edits = computeFixEdits(result.parsed, fix, ctx);
        const exists = getIn(result.parsed.value, ['engagements', e.id]) !== undefined;
        if (exists || result.parsed.value === undefined) {
          assert.equal(edits, undefined, `${e.id}: an entry exists already`);
          continue;
        }
        if (!edits) {
          assert.ok(MAY_REFUSE[name] || !isPlainMapOrEmpty(result.parsed.value), `derogation ${e.id} refused`);
          continue;
        }
        const after = checkFix(text, edits, [fix]);
        assert.equal(getIn(parseDeclaration(after).value, ['engagements', e.id, 'statut']), 'derogation');
        applied++;
      }
      // Fix all: one pass, the same invariants for the union of the preferred fixes.
      const all = fixAllEdits(result.parsed, result.diagnostics, ctx);
      if (all.length)
        checkFix(
          text,
          all,
          result.diagnostics.flatMap((d) => (d.fixes ?? []).filter((f) => f.preferred)),
        );
      assert.ok(applied > 0 || result.parsed.value === undefined, 'no fix applied on this fixture');
    });
  }
});

function isPlainMapOrEmpty(v: unknown): boolean {
  return v === null || (typeof v === 'object' && !Array.isArray(v));
}

// ---------------------------------------------------------------------------------------------
// Unit tests of the pieces

describe('fixes: applyEdits', () => {
  const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

  it('applies edits given in any order, insertions at one point in array order', () => {
    const text = 'ab\r\ncd\r\n';
    const out = applyEdits(text, [
      { range: r(1, 0, 1, 1), newText: 'X' },
      { range: r(0, 1, 0, 1), newText: '1' },
      { range: r(0, 1, 0, 1), newText: '2' },
      { range: r(2, 0, 2, 0), newText: 'end' },
    ]);
    assert.equal(out, 'a12b\r\nXd\r\nend');
  });

  it('refuses overlapping edits', () => {
    assert.throws(
      () =>
        applyEdits('abcdef', [
          { range: r(0, 0, 0, 3), newText: '' },
          { range: r(0, 2, 0, 4), newText: '' },
        ]),
      /overlap/,
    );
  });

  it('counts characters in UTF-16 units, as LSP does', () => {
    assert.equal(applyEdits('🤖x', [{ range: r(0, 2, 0, 3), newText: 'y' }]), '🤖y');
  });
});

describe('fixes: derogationFix', () => {
  it('offers a derogation for a derogable engagement, titled in the locale', () => {
    const fr = derogationFix('E09', 'fr', catalogue);
    const en = derogationFix('E09', 'en', catalogue);
    assert.deepEqual(fr?.args, { engagement: 'E09' });
    assert.equal(fr?.kind, 'declare-derogation');
    assert.equal(fr?.title, 'Déclarer une dérogation pour E09');
    assert.equal(en?.title, 'Declare a derogation for E09');
  });

  it('offers none for E02 (non-derogable) nor for an unknown engagement', () => {
    assert.equal(catalogue.engagements.find((e) => e.id === 'E02')?.derogable, false);
    assert.equal(derogationFix('E02', 'fr', catalogue), undefined);
    assert.equal(derogationFix('E42', 'fr', catalogue), undefined);
  });

  it('writes an entry that reads as a derogation still to complete', () => {
    const text = 'cadre: lyon-ia/v1\n';
    const parsed = parseDeclaration(text);
    const edits = computeFixEdits(parsed, derogationFix('E09', 'fr', catalogue)!, ctx)!;
    const after = parseDeclaration(applyEdits(text, edits)).value as { engagements: Record<string, Record<string, string>> };
    assert.equal(after.engagements.E09.statut, 'derogation');
    for (const k of ['justification', 'validee_par', 'echeance']) assert.match(after.engagements.E09[k], /^A COMPLETER/);
    const verdict = lint(applyEdits(text, edits)).verdicts.E09;
    assert.notEqual(verdict, 'derogation', 'a derogation full of placeholders must not count');
  });
});

describe('fixes: never throw, never corrupt (random fix references)', () => {
  const texts = fixtureNames.map((n) => fs.readFileSync(path.join(DIR, n), 'utf8'));
  const segment = fc.oneof(fc.constantFrom(...SECTION_ORDER, 'id', 'nom', 'E09', 'plan_sortie', 'existe', 'x'), fc.nat(3));
  const args = fc.record(
    {
      path: fc.array(segment, { maxLength: 4 }),
      key: fc.constantFrom('nom', 'email', 'interaction_directe', 'existe', 'a b', '#x', ''),
      section: fc.constantFrom(...SECTION_ORDER, 'x'),
      to: fc.oneof(fc.string({ maxLength: 12 }), fc.boolean(), fc.integer(), fc.constant(null)),
      value: fc.oneof(fc.string({ maxLength: 12 }), fc.boolean(), fc.integer()),
      comment: fc.string({ maxLength: 20 }),
      engagement: fc.constantFrom('E01', 'E02', 'E09', 'E14', 'E99', 'x'),
    },
    { requiredKeys: [] },
  );
  const kind = fc.constantFrom(...KNOWN_KINDS, 'other');

  it('computeFixEdits returns undefined or edits that keep the invariants', () => {
    fc.assert(
      fc.property(fc.nat(texts.length - 1), kind, args, (i, k, a) => {
        const text = texts[i];
        const fix: FixRef = { kind: k, args: a as Record<string, unknown>, title: k };
        const edits = computeFixEdits(parseDeclaration(text), fix, ctx);
        if (edits) checkFix(text, edits, [fix]);
      }),
      { numRuns: 400, seed: 20260601 },
    );
  });
});

describe('fixes: generated documents (layouts, line endings, comments, styles)', () => {
  const SECTIONS = SECTION_ORDER.filter((x) => x !== 'cadre' && x !== 'engagements');
  const style = fc.constantFrom('block', 'flow', 'null', 'commented');
  const docArb = fc.record({
    present: fc.subarray(SECTIONS),
    styles: fc.array(style, { minLength: SECTIONS.length, maxLength: SECTIONS.length }),
    unit: fc.constantFrom(2, 4),
    crlf: fc.boolean(),
    blank: fc.boolean(),
    finalNewline: fc.boolean(),
    header: fc.boolean(),
    footer: fc.boolean(),
    cadre: fc.boolean(),
  });

  type DocSpec = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

  /** A declaration in canonical order, written in the given layout. */
  function build(d: DocSpec): string {
    const u = ' '.repeat(d.unit);
    const blocks: string[] = [];
    if (d.cadre) blocks.push('cadre: lyon-ia/v1 # format\n');
    d.present.forEach((name, i) => {
      switch (d.styles[SECTIONS.indexOf(name)]) {
        case 'block':
          blocks.push(`${name}:\n${u}champ: "valeur ${i} été 🌿" # note\n${u}sous:\n${u}${u}x: ${i}\n${u}liste:\n${u}${u}- a\n`);
          break;
        case 'flow':
          blocks.push(`${name}: { champ: v${i}, autre: [1, 2] }\n`);
          break;
        case 'null':
          blocks.push(i % 2 ? `${name}: null # vide\n` : `${name}:\n`);
          break;
        default:
          blocks.push(`# section ${name}\n${name}:\n${u}champ: "\tv${i}"\n${u}# commentaire interne\n`);
      }
    });
    let text = (d.header ? '# Déclaration générée\n\n' : '') + blocks.join(d.blank ? '\n' : '') + (d.footer ? '# fin\n' : '');
    if (!d.finalNewline) text = text.replace(/\n$/, '');
    return d.crlf ? text.replace(/\n/g, '\r\n') : text;
  }

  it("inserts every missing section at its canonical place, in the document's layout", () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const text = build(d);
        const parsed = parseDeclaration(text);
        assert.deepEqual(parsed.problems, [], text);
        const hasBlock = d.present.some((n) => d.styles[SECTIONS.indexOf(n)] === 'block' || d.styles[SECTIONS.indexOf(n)] === 'commented');
        for (const name of SECTIONS) {
          const fix: FixRef = { kind: 'insert-section', args: { section: name }, title: name };
          const edits = computeFixEdits(parsed, fix, ctx);
          if (d.present.includes(name)) {
            assert.equal(edits, undefined, `${name} exists`);
            continue;
          }
          assert.ok(edits, `insert-section ${name} refused on\n${text}`);
          const after = checkFix(text, edits, [fix]);
          const data = parseDeclaration(after).value as Record<string, unknown>;
          const keys = Object.keys(data);
          assert.deepEqual(
            keys,
            SECTION_ORDER.filter((k) => keys.includes(k)),
            'not at its canonical place',
          );
          const lines = after.split(/\r?\n/);
          const at = lines.indexOf(`${name}:`);
          const child = lines[at + 1];
          if (hasBlock) assert.equal(child.length - child.trimStart().length, d.unit, `indentation of ${name}`);
          const blankRuns = (t: string) => (t.replace(/\r/g, '').match(/\n\n\n/g) ?? []).length;
          assert.ok(blankRuns(after) <= blankRuns(text), 'two blank lines in a row');
          if (d.blank && d.present.length + (d.cadre ? 1 : 0) >= 2 && at > 0) assert.equal(lines[at - 1], '', 'no blank line before the new section');
        }
      }),
      { numRuns: 50, seed: 42 },
    );
  });

  it('inserts a field in every section, whatever its style', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const text = build(d);
        const parsed = parseDeclaration(text);
        for (const name of d.present) {
          const fix: FixRef = { kind: 'insert-field', args: { path: [name], key: 'nouveau_champ' }, title: name };
          const edits = computeFixEdits(parsed, fix, ctx);
          assert.ok(edits, `insert-field in ${name} (${d.styles[SECTIONS.indexOf(name)]}) refused on\n${text}`);
          const after = checkFix(text, edits, [fix]);
          assert.equal(getIn(parseDeclaration(after).value, [name, 'nouveau_champ']), 'A COMPLETER');
        }
        const fix = derogationFix('E09', 'fr', catalogue)!;
        const edits = computeFixEdits(parsed, fix, ctx);
        assert.ok(edits, `derogation refused on\n${text}`);
        checkFix(text, edits, [fix]);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});

describe('templates', () => {
  it('reads every section of the format, each as `name:` and an indented body', () => {
    const t = loadTemplates();
    for (const s of SECTION_ORDER.filter((x) => x !== 'cadre' && x !== 'engagements')) {
      const frag = t.sections[s]?.text;
      assert.ok(frag, `no template for ${s}`);
      assert.ok(frag.startsWith(`${s}:\n`), frag);
      const doc = parseDocument(frag);
      assert.deepEqual(doc.errors, []);
      assert.deepEqual(Object.keys(doc.toJS()), [s]);
    }
  });

  it('normalizes a skeleton given as a body only, or indented', () => {
    assert.equal(asFragment('usagers', 'a: 1\nb:\n  c: 2\n'), 'usagers:\n  a: 1\n  b:\n    c: 2\n');
    assert.equal(asFragment('usagers', '  usagers:\n    a: 1'), 'usagers:\n  a: 1\n');
    const t = parseTemplates('sections:\n  usagers: { text: "a: 1" }\nderogation: { text: "statut: derogation" }\ndeclaration: { text: "cadre: x" }\n');
    assert.equal(t.sections.usagers.text, 'usagers:\n  a: 1\n');
    assert.throws(() => parseTemplates('sections: {}\n'), /derogation/);
  });
});

describe('renderDeclaration', () => {
  it('fills id, nom and direction so that they read back exactly', () => {
    const nom = 'Assistant « IA » : tri du courrier #2 \\ "test" — été';
    const direction = "Direction de l'administration générale";
    const { text, fileName } = renderDeclaration({ nom, direction });
    const parsed = parseDeclaration(text);
    assert.deepEqual(parsed.problems, []);
    const data = parsed.value as { cadre: string; projet: Record<string, string> };
    assert.equal(data.projet.nom, nom);
    assert.equal(data.projet.direction, direction);
    assert.equal(data.projet.id, 'assistant-ia-tri-du-courrier-2-test-ete');
    assert.equal(fileName, 'assistant-ia-tri-du-courrier-2-test-ete.ia.yaml');
    assert.equal(data.cadre, 'lyon-ia/v1');
    assert.ok(!lint(text).diagnostics.some((d) => d.code === 'syntax'));
  });

  it('keeps a valid id, slugifies an invalid one', () => {
    assert.equal(renderDeclaration({ id: 'mon-projet-2', nom: 'X', direction: 'D' }).fileName, 'mon-projet-2.ia.yaml');
    assert.equal(renderDeclaration({ id: 'Mon Projet', nom: 'X', direction: 'D' }).fileName, 'mon-projet.ia.yaml');
    assert.equal(slugify('  Œuvres & Ça !! '), 'oeuvres-ca');
    assert.equal(slugify('!!!'), 'projet-ia');
    assert.ok(slugify('a'.repeat(100)).length <= 64);
  });
});
