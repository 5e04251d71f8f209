/**
 * The rule kit: every path a rule reads (through `ctx.get`/`ctx.has`) is one of its `meta.fields`
 * (or a parent of one: reading `donnees` to see whether the section is there), so that the fields
 * a rule declares — what the docs, the hovers and the engine's section presence rely on — are
 * true. Recorded by running every rule of every bundled framework on every fixture and example.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getIn, parseDeclaration } from '../../server/src/core/parse';
import { frameworkSet } from '../../server/src/core/framework';
import { frameworkOf } from '../../server/src/core/framework';
import type { RuleContext } from '../../server/src/core/rules/api';
import { ALL_RULES } from '../../server/src/core/rules/index';
import type { DataPath } from '../../server/src/core/types';
import { FIXED_NOW } from './fixture-expectations';

const ROOT = path.join(__dirname, '..', '..');

function declarations(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ia\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  walk(path.join(ROOT, 'examples'));
  return out.sort();
}

/** Whether `read` (a concrete path) is a declared field, a parent of one, or under one (`<Exx>` matches any key). */
function declared(read: DataPath, fields: readonly string[]): boolean {
  const segs = read.filter((s): s is string => typeof s === 'string');
  return fields.some((f) => {
    const fs_ = f.replace(/\[\]/g, '').split('.');
    const n = Math.min(fs_.length, segs.length);
    for (let i = 0; i < n; i++) if (fs_[i] !== segs[i] && !/^<.*>$/.test(fs_[i])) return false;
    return true;
  });
}

describe('rule kit: what a rule reads is in its meta.fields', () => {
  const reads = new Map<string, Map<string, string>>(); // rule id → path read → a file that made it read
  before(() => {
    const frameworks = frameworkSet().all();
    for (const file of declarations()) {
      const parsed = parseDeclaration(fs.readFileSync(file, 'utf8'));
      const data = parsed.value;
      if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
      for (const catalogue of frameworks) {
        for (const binding of frameworkOf(catalogue).bindings) {
          const id = binding.rule.meta.id;
          const seen = reads.get(id) ?? new Map<string, string>();
          reads.set(id, seen);
          const record = (p: DataPath) => {
            const k = p.join('.');
            if (!seen.has(k)) seen.set(k, path.relative(ROOT, file));
          };
          const ctx: RuleContext = {
            data: data as Record<string, unknown>,
            get: (p) => {
              record(p);
              return getIn(data, p);
            },
            has: (p) => {
              record(p);
              const parent = getIn(data, p.slice(0, -1));
              return p.length === 0 || (parent !== null && typeof parent === 'object' && Object.hasOwn(parent, p[p.length - 1]));
            },
            statut: typeof getIn(data, ['projet', 'statut']) === 'string' ? (getIn(data, ['projet', 'statut']) as string) : undefined,
            now: FIXED_NOW,
            today: FIXED_NOW.toISOString().slice(0, 10),
            catalogue,
            options: binding.options,
            report: () => undefined,
            notApplicable: () => undefined,
          };
          try {
            binding.rule.check(ctx);
          } catch {
            // The engine turns a throw into an `internal` finding; other tests cover it.
          }
        }
      }
    }
  });

  it('every rule ran and read something', () => {
    for (const rule of ALL_RULES) assert.ok((reads.get(rule.meta.id)?.size ?? 0) > 0, `${rule.meta.id} read nothing`);
  });

  for (const rule of ALL_RULES) {
    it(rule.meta.id, () => {
      const undeclared = [...(reads.get(rule.meta.id) ?? new Map<string, string>())]
        .filter(([p]) => p !== '' && !declared(p.split('.'), rule.meta.fields))
        .map(([p, file]) => `${p} (read on ${file})`);
      assert.deepEqual(undeclared, [], `${rule.meta.id} reads fields its meta.fields does not list: ${rule.meta.fields.join(', ')}`);
    });
  }

  it('the check can fail: a path outside the fields is caught', () => {
    assert.equal(declared(['donnees', 'aipd', 'requise'], ['donnees.aipd.realisee']), false);
    assert.equal(declared(['donnees'], ['donnees.aipd.realisee']), true);
    assert.equal(declared(['engagements', 'E09', 'statut'], ['engagements.<Exx>']), true);
  });
});
