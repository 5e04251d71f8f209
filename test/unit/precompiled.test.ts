/**
 * The validators generated at build time (scripts/build-validators.mjs, put in place of
 * core/validators.precompiled.ts in the Node bundles) must say exactly what the validators
 * compiled at run time say: same diagnostics on every fixture, example and a few mutated
 * declarations. Source runs never use them (the module is empty there), so this test loads the
 * generated code itself and installs it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/engine';
import { parseCatalogue } from '../../server/src/core/catalogue';
import { setResourceReader } from '../../server/src/core/resources';
import { ANNOTATION_KEYWORDS, schemaValidator, textHash } from '../../server/src/core/schema';
import { PRECOMPILED } from '../../server/src/core/validators.precompiled';
import { installNodeResources, readResource } from '../../server/src/node/resources';
import { FIXED_NOW } from './fixture-expectations';

const ROOT = path.join(__dirname, '..', '..');

interface Generator {
  PRECOMPILED_SCHEMAS: string[];
  ANNOTATION_KEYWORDS: string[];
  textHash(text: string): string;
  validatorsModule(root: string): string;
}

function declarations(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.ia\.ya?ml$/.test(name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

/** Values that break the schema in many ways, put into an example. */
function mutations(text: string): string[] {
  return [
    text.replace(/^(\s+)interaction_directe: \w+/m, '$1interaction_directe: 3'),
    text.replace(/^(\s+)categorie: \w+/m, '$1categorie: risque_inconnu'),
    text.replace(/^projet:\n/m, 'projet:\n  inconnu: 1\n  description: 12\n'),
    text.replace(/\d{4}-\d{2}-\d{2}/, '2026-13-45'),
    text.replace(/^usagers:[\s\S]*?(?=^\S)/m, ''),
    'cadre: lyon-ia/v1\nprojet: []\n',
    '- 1\n- 2\n',
  ];
}

/** The diagnostics of every text, in both locales, as JSON. */
function lintAll(texts: string[]): string[] {
  return texts.flatMap((t) => (['fr', 'en'] as const).map((locale) => JSON.stringify(lintText(t, { now: FIXED_NOW, locale }).diagnostics)));
}

describe('precompiled validators (ajv standalone code generated at build time)', function () {
  this.timeout(120_000);
  let gen: Generator;
  let generated: Record<string, { hash: string; validate: never }>;

  before(async () => {
    gen = (await import(path.join(ROOT, 'scripts', 'build-validators.mjs'))) as Generator;
    // Loaded as the bundle would: its require()s resolve from the package root.
    const m = new Module(path.join(ROOT, 'validators.generated.js'));
    m.filename = path.join(ROOT, 'validators.generated.js');
    m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(ROOT);
    (m as unknown as { _compile(code: string, file: string): void })._compile(gen.validatorsModule(ROOT), m.filename);
    generated = (m.exports as { PRECOMPILED: typeof generated }).PRECOMPILED;
  });

  afterEach(() => {
    for (const k of Object.keys(PRECOMPILED)) delete PRECOMPILED[k];
    installNodeResources();
  });

  /** A new reader (same files) so that what the core derived from the schemas is made again. */
  function freshReader(): void {
    setResourceReader((p) => readResource(p));
  }

  it('the build script and the core agree on the hash and the annotation keywords', () => {
    assert.deepEqual(gen.ANNOTATION_KEYWORDS, ANNOTATION_KEYWORDS);
    for (const s of ['', 'a', 'é€😀', 'x'.repeat(1000), ...gen.PRECOMPILED_SCHEMAS.map((f) => readResource(f))]) assert.equal(gen.textHash(s), textHash(s));
    assert.deepEqual(Object.keys(generated).sort(), [...gen.PRECOMPILED_SCHEMAS].sort());
    for (const f of gen.PRECOMPILED_SCHEMAS) assert.equal(generated[f].hash, textHash(readResource(f)), f);
  });

  it('same diagnostics as the run-time validator on every fixture, example and mutation (fr and en)', () => {
    const texts: string[] = [];
    for (const f of declarations()) texts.push(fs.readFileSync(f, 'utf8'));
    for (const f of fs.readdirSync(path.join(ROOT, 'examples')).filter((n) => /\.ia\.ya?ml$/.test(n))) texts.push(...mutations(fs.readFileSync(path.join(ROOT, 'examples', f), 'utf8')));
    assert.ok(texts.length > 100, `${texts.length} texts`);
    freshReader();
    const reference = lintAll(texts);
    Object.assign(PRECOMPILED, generated);
    freshReader();
    const fast = lintAll(texts);
    const schemaFindings = reference.filter((d) => d.includes('"schema-')).length;
    assert.ok(schemaFindings > 20, `only ${schemaFindings} texts with schema findings: the comparison says little`);
    for (let i = 0; i < texts.length * 2; i++) assert.equal(fast[i], reference[i], `text ${i >> 1} (${i % 2 ? 'en' : 'fr'})`);
  });

  it('is used only for the schema text it was generated from', () => {
    Object.assign(PRECOMPILED, generated);
    const file = 'schemas/declaration.schema.json';
    const text = readResource(file);
    assert.equal(schemaValidator(file, text), generated[file].validate);
    // A schema edited after the build (one more required field) is compiled, and applies.
    const edited = JSON.parse(text);
    edited.required = [...(edited.required ?? []), 'champ_ajoute'];
    const editedText = JSON.stringify(edited);
    const v = schemaValidator(file, editedText);
    assert.notEqual(v, generated[file].validate);
    assert.equal(v({}), false);
    assert.ok(v.errors?.some((e) => e.keyword === 'required' && (e.params as { missingProperty: string }).missingProperty === 'champ_ajoute'));
  });

  it('the catalogue schema: the bundled catalogue loads the same with either validator', () => {
    const text = readResource('schemas/frameworks/lyon-2025.yaml');
    freshReader();
    const reference = parseCatalogue(text, 'lyon.yaml');
    Object.assign(PRECOMPILED, generated);
    freshReader();
    const fast = parseCatalogue(text, 'lyon.yaml');
    assert.deepEqual(fast, reference);
    const broken = parseCatalogue(text.replace(/^version:.*$/m, 'version: [1]'), 'lyon.yaml');
    assert.ok('errors' in broken && broken.errors.length > 0, 'a broken catalogue is refused');
    freshReader();
    for (const k of Object.keys(PRECOMPILED)) delete PRECOMPILED[k];
    assert.deepEqual(broken, parseCatalogue(text.replace(/^version:.*$/m, 'version: [1]'), 'lyon.yaml'));
  });
});
