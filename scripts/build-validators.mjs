// Generates, at build time, the JSON Schema validators the core would otherwise compile with ajv
// on first use (~0.3 s per process): ajv's standalone code for `schemas/declaration.schema.json`
// and `schemas/catalogue.schema.json`, with the options of `createAjv()` (server/src/core/schema.ts).
// `scripts/build.mjs` puts the result in place of `server/src/core/validators.precompiled.ts` in
// every bundle. Each validator carries the hash of the schema text it was generated from: at run
// time the core uses it only when the schema it reads has that hash, and compiles otherwise.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The schemas compiled ahead of time (paths from the package root). */
export const PRECOMPILED_SCHEMAS = ['schemas/declaration.schema.json', 'schemas/catalogue.schema.json'];

/**
 * Schemas generated without their annotations: the declaration schema's errors are mapped to
 * messages that never read them (test/unit/precompiled.test.ts compares every diagnostic); the
 * catalogue schema's errors are handed on whole, and it is small, so it keeps them.
 */
const STRIPPED = new Set(['schemas/declaration.schema.json']);

/** Same list as ANNOTATION_KEYWORDS in server/src/core/schema.ts (test/unit/precompiled.test.ts checks both agree). */
export const ANNOTATION_KEYWORDS = ['x-description-en', 'x-title-en', 'x-enum-descriptions'];

/** Keywords that never change what a schema accepts: left out of the generated code, which would otherwise embed every description. */
const ANNOTATIONS_ONLY = new Set(['title', 'description', 'examples', '$comment', 'x-engagement', ...ANNOTATION_KEYWORDS]);

/** A copy of a schema without its annotations (`properties` keep their names: a property may be called `description`). */
export function withoutAnnotations(node, inMap = false) {
  if (Array.isArray(node)) return node.map((x) => withoutAnnotations(x));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (!inMap && ANNOTATIONS_ONLY.has(k)) continue;
    // Under these keywords, keys are names (of properties, patterns, definitions), not keywords.
    const names = !inMap && (k === 'properties' || k === 'patternProperties' || k === '$defs' || k === 'definitions' || k === 'dependentSchemas' || k === 'dependentRequired');
    out[k] = inMap ? withoutAnnotations(v) : names ? withoutAnnotations(v, true) : k === 'enum' || k === 'const' || k === 'default' ? v : withoutAnnotations(v);
  }
  return out;
}

/** Same function as textHash() in server/src/core/schema.ts: FNV-1a (32 bits) of the UTF-16 units, and the length. */
export function textHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}-${text.length}`;
}

/**
 * The source of a CommonJS module exporting `PRECOMPILED`: { [schema file]: { hash, validate } }.
 * Its `require`s (ajv's run-time helpers, ajv-formats' formats) resolve from the package root.
 */
export function validatorsModule(root) {
  const parts = [];
  const entries = [];
  PRECOMPILED_SCHEMAS.forEach((file, i) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: true } });
    addFormats(ajv);
    for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword });
    const schema = JSON.parse(text);
    const validate = ajv.compile(STRIPPED.has(file) ? withoutAnnotations(schema) : schema);
    // Each standalone module assigns module.exports: run it in its own function scope.
    parts.push(`const v${i} = (function () { const module = { exports: {} }; const exports = module.exports;\n${standaloneCode(ajv, validate)}\nreturn module.exports; })();`);
    entries.push(`${JSON.stringify(file)}: { hash: ${JSON.stringify(textHash(text))}, validate: v${i} }`);
  });
  return `"use strict";\n${parts.join('\n')}\nexports.PRECOMPILED = { ${entries.join(', ')} };\n`;
}
