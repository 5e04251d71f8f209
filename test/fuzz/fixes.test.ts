/**
 * Quick fixes never lose text, on random declarations: for mutated declarations and every code
 * action the core offers on them (each diagnostic's fixes, a derogation for each derogable
 * engagement with findings, and "fix all"), applying it yields YAML that parses, keeps every key
 * and value the user wrote, and removes the diagnostic it targets — or the test says why not.
 * (The fixture-by-fixture version of this property lives in test/unit/fixes.test.ts.)
 */
import * as assert from 'node:assert/strict';
import type { Catalogue } from '../../server/src/core/catalogue';
import { statementOf } from '../../server/src/core/derogations';
import { defaultCatalogue, lintText } from '../../server/src/core/engine';
import { computeFixEdits, derogationFix, fixAllEdits } from '../../server/src/core/fixes';
import { getIn, parseDeclaration } from '../../server/src/core/parse';
import type { Diagnostic, FixRef } from '../../server/src/core/types';
import { checkFixPreserves } from './fix-invariants';
import { fuzz, log, mutate, mutationsArb, NOW, seedDeclarations, seedIndex } from './support';

const catalogue: Catalogue = defaultCatalogue();
const ctx = { locale: 'fr' as const, catalogue };
const lint = (text: string) => lintText(text, { now: NOW, catalogue, locale: 'fr' });
const samePath = (a: Diagnostic, b: Diagnostic) => a.code === b.code && JSON.stringify(a.path) === JSON.stringify(b.path);

/** Why a targeted diagnostic may stay after its fix; anything else is a failure. */
const ALLOWED_LEFTOVERS = {
  placeholder: 'the fix writes the templates\' "A COMPLETER : …" placeholders, which the user must replace: the finding stays until then, still to complete (a_completer) or as it was, never worse',
} as const;

interface Stats {
  offered: number;
  applied: number;
  refused: number;
  leftovers: Record<keyof typeof ALLOWED_LEFTOVERS, number>;
}

/** Every action offered on `text`, applied one by one and checked. */
function checkAllFixes(text: string, stats: Stats): void {
  const result = lint(text);
  const actions: { fix: FixRef; target?: Diagnostic }[] = [];
  for (const d of result.diagnostics) for (const fix of d.fixes ?? []) actions.push({ fix, target: d });
  // As the server offers them: a derogation for each derogable engagement with a finding, unless one is declared.
  const today = NOW.toISOString().slice(0, 10);
  for (const id of new Set(result.diagnostics.map((d) => d.engagement).filter((e): e is string => !!e))) {
    if (statementOf(result.parsed.value, id, catalogue, today)?.statut === 'derogation') continue;
    const fix = derogationFix(id, 'fr', catalogue);
    if (fix) actions.push({ fix });
  }
  for (const { fix, target } of actions) {
    stats.offered++;
    const edits = computeFixEdits(result.parsed, fix, ctx);
    if (!edits) {
      stats.refused++; // not offered to the user: nothing to check
      continue;
    }
    assert.ok(edits.length > 0, 'a fix without edits must be refused (undefined)');
    const after = checkFixPreserves(text, edits, [fix], result.parsed);
    stats.applied++;
    if (fix.kind === 'declare-derogation') {
      const id = (fix.args as { engagement: string }).engagement;
      assert.equal(getIn(parseDeclaration(after).value, ['engagements', id, 'statut']), 'derogation', `the derogation for ${id} is not declared`);
      continue;
    }
    if (!target) continue;
    const still = lint(after).diagnostics.filter((d) => samePath(d, target));
    if (!still.length) continue;
    const placeholder = edits.some((e) => e.newText.includes('"A COMPLETER'));
    if (placeholder && still.every((d) => d.outcome === 'a_completer' || d.outcome === target.outcome)) {
      stats.leftovers.placeholder++;
      continue;
    }
    assert.fail(
      `${fix.kind} ${JSON.stringify(fix.args)} leaves ${target.code} at ${JSON.stringify(target.path)}: ${still.map((d) => d.message).join(' | ')}\n--- before\n${text}\n--- after\n${after}`,
    );
  }
  // Fix all: the union of the preferred fixes, in one pass.
  const all = fixAllEdits(result.parsed, result.diagnostics, ctx);
  if (all.length) {
    checkFixPreserves(
      text,
      all,
      result.diagnostics.flatMap((d) => (d.fixes ?? []).filter((f) => f.preferred)),
      result.parsed,
    );
    stats.applied++;
  }
}

const newStats = (): Stats => ({ offered: 0, applied: 0, refused: 0, leftovers: { placeholder: 0 } });

describe('fuzz: quick fixes never lose text', function () {
  this.timeout(240_000);

  const stats = newStats();
  fuzz('every action on a mutated declaration keeps the text and removes its diagnostic (or says why)', 160, [seedIndex(), mutationsArb(4)], (i, mutations) => {
    checkAllFixes(mutate(seedDeclarations()[i].text, mutations), stats);
  });

  it('the property above is not vacuous: fixes were offered and applied', () => {
    assert.ok(stats.applied > 100, `only ${stats.applied} fixes applied`);
    assert.ok(stats.refused < stats.offered, 'every fix was refused');
  });

  after(() => log(`mutated: ${stats.offered} actions offered, ${stats.applied} applied, ${stats.refused} refused, leftovers ${JSON.stringify(stats.leftovers)} (${ALLOWED_LEFTOVERS.placeholder})`));
});
