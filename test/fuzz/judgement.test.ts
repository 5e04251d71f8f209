/**
 * Properties of the judgement (issue 11), on the examples and compliant fixtures:
 *
 * 1. Inserting a duplicate of any key with a breaching value (next to the original, before or
 *    after it) never leaves an engagement served by that key's section `conforme`: the last value
 *    does not win silently, and the file's verdicts are provisional.
 * 2. Deleting any one character never produces a new rule finding about a field that is still
 *    present and readable: same value as before, not rejected by the schema. (Findings about a
 *    field the deletion changed, removed or made unreadable are what the user needs.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Catalogue } from '../../server/src/core/catalogue';
import { defaultCatalogue, lintText } from '../../server/src/core/engine';
import { getIn, pathKey, type ParsedDeclaration } from '../../server/src/core/parse';
import type { DataPath, Diagnostic } from '../../server/src/core/types';
import { fuzz, NOW, ROOT } from './support';

const catalogue: Catalogue = defaultCatalogue();

/** Declarations judged fully compliant (or not applicable): a breach there is the duplicate's doing. */
const BASE_FILES = [
  'examples/traduction-documents-agents.ia.yaml',
  'examples/transcription-conseils-municipaux.ia.yaml',
  'examples/tri-courrier-entrant.ia.yaml',
  'examples/detection-fuites-batiments.ia.yaml',
];
const BASES = BASE_FILES.map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'));

interface KeyLine {
  line: number;
  indent: string;
  key: string;
  value: string;
  section: string;
}

/** The `key: scalar` lines of a block-style declaration, with their top-level section. */
function keyLines(text: string): KeyLine[] {
  const out: KeyLine[] = [];
  let section = '';
  text.split('\n').forEach((l, line) => {
    const top = /^([a-z_]+):/.exec(l);
    if (top) section = top[1];
    const m = /^(\s+)(- )?([a-z_]+):[ \t]+([^\s#[{|>&*!][^#]*?)\s*$/.exec(l);
    if (!m || !section || section === 'projet' || section === 'engagements' || section === 'cadre') return;
    out.push({ line, indent: m[1] + (m[2] ? '  ' : ''), key: m[3], value: m[4], section });
  });
  return out;
}

/** Values that breach or leave out something, whatever the field: the other boolean, nothing, zero, a placeholder. */
function breaching(value: string): string[] {
  if (value === 'true') return ['false'];
  if (value === 'false') return ['true'];
  if (/^-?\d+(\.\d+)?$/.test(value)) return ['0', '-1'];
  return ['""', 'null', '"A COMPLETER"', 'aucune'];
}

describe('fuzz: judgement', function () {
  this.timeout(300_000);

  it('the bases are judged clean (else property 1 would be vacuous)', () => {
    for (const t of BASES) {
      const r = lintText(t, { now: NOW, catalogue });
      assert.equal(r.provisional, false);
      assert.ok(Object.values(r.verdicts).filter((v) => v === 'conforme').length >= 10);
      assert.ok(keyLines(t).length > 40);
    }
  });

  fuzz('a duplicate key with a breaching value never leaves its engagement conforme', 300, [fc.nat(BASES.length - 1), fc.nat(10_000), fc.nat(10), fc.boolean()], (b, k, v, before) => {
    const text = BASES[b];
    const keys = keyLines(text);
    const kl = keys[k % keys.length];
    const values = breaching(kl.value);
    const dup = `${kl.indent}${kl.key}: ${values[v % values.length]}`;
    const lines = text.split('\n');
    lines.splice(before ? kl.line : kl.line + 1, 0, dup);
    // A list item's first key (`- key: v`): the duplicate goes after it, inside the item.
    if (before && /^\s*- /.test(text.split('\n')[kl.line])) return;
    const mutated = lines.join('\n');
    const r = lintText(mutated, { now: NOW, catalogue });
    assert.equal(r.provisional, true, `not provisional:\n${dup}`);
    for (const e of catalogue.engagements) {
      if (!(e.sections ?? []).includes(kl.section)) continue;
      assert.notEqual(r.verdicts[e.id], 'conforme', `${e.id} conforme with ${kl.section}…${kl.key} duplicated as « ${dup.trim()} » (line ${kl.line + 1})`);
    }
  });

  fuzz('deleting one character never produces a rule finding about a field still present and readable', 400, [fc.nat(BASES.length - 1), fc.nat(1_000_000)], (b, at) => {
    const text = BASES[b];
    const i = at % text.length;
    const mutated = text.slice(0, i) + text.slice(i + 1);
    const before = lintText(text, { now: NOW, catalogue });
    const after = lintText(mutated, { now: NOW, catalogue });
    const had = new Set(before.diagnostics.map((d) => `${d.code}|${JSON.stringify(d.path)}`));
    for (const d of after.diagnostics) {
      if (!isRuleFinding(d) || !d.path || had.has(`${d.code}|${JSON.stringify(d.path)}`)) continue;
      // Present and readable: the field is written in the text, and the deletion touched
      // neither its own lines (key, value, line break) nor the key of any parent.
      if (!intact(before.parsed, d.path, i)) continue;
      // A finding a rule draws from another field the deletion changed is what the user needs.
      if (changedElsewhere(before.parsed.value, after.parsed.value, d.path)) continue;
      assert.fail(
        `${BASE_FILES[b]}: deleting ${JSON.stringify(text[i])} at offset ${i} (line ${text.slice(0, i).split('\n').length}) gave ${d.code} on ${d.path.join('.')}, whose text is intact: ${d.message}`,
      );
    }
  });
});

function isRuleFinding(d: Diagnostic): boolean {
  return d.code !== 'syntax' && d.code !== 'internal' && !d.code.startsWith('schema-') && d.code !== 'cadre-section-manquante' && d.code !== 'cadre-condition';
}

/** Whether the field at `p` is written in the text and the character at `offset` is outside its lines and its parents' keys. */
function intact(parsed: ParsedDeclaration, p: DataPath, offset: number): boolean {
  const own = parsed.index.get(pathKey(p));
  if (!own?.keyRange) return false;
  const start = parsed.lines.offsetAt({ line: own.keyRange.start.line, character: 0 });
  const endLine = (own.valueRange ?? own.keyRange).end.line;
  const end = parsed.lines.offsetAt({ line: endLine + 1, character: 0 });
  if (offset >= start - 1 && offset < end) return false;
  for (let k = 1; k < p.length; k++) {
    const r = parsed.index.get(pathKey(p.slice(0, k)))?.keyRange;
    if (!r) return false;
    const ks = parsed.lines.offsetAt({ line: r.start.line, character: 0 });
    const ke = parsed.lines.offsetAt({ line: r.end.line + 1, character: 0 });
    if (offset >= ks - 1 && offset < ke) return false;
  }
  return true;
}

/** Whether a value other than the one at `p` (and outside it) differs between the two data: a rule may compare fields. */
function changedElsewhere(before: unknown, after: unknown, p: DataPath): boolean {
  const strip = (v: unknown) => JSON.stringify(v, (_k, x) => x);
  const b = JSON.parse(strip(before) ?? 'null');
  const a = JSON.parse(strip(after) ?? 'null');
  const drop = (o: unknown) => {
    let cur = o as Record<string, unknown> | null;
    for (let k = 0; k < p.length - 1 && cur && typeof cur === 'object'; k++) cur = cur[String(p[k])] as Record<string, unknown> | null;
    if (cur && typeof cur === 'object') delete cur[String(p[p.length - 1])];
    return o;
  };
  // The field itself is compared apart: it may have been swallowed by a break (the case we look for).
  return JSON.stringify(drop(b)) !== JSON.stringify(drop(a)) && !swallowed(before, after, p);
}

/** The field disappeared from the data although its text is intact (a break elsewhere swallowed it). */
function swallowed(before: unknown, after: unknown, p: DataPath): boolean {
  return getIn(before, p) !== undefined && getIn(after, p) === undefined;
}
