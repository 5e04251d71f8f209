/**
 * JSON Schema validators generated at build time. In source runs (tests, `tsx`) this module is
 * empty and the core compiles its schemas with ajv on first use; `scripts/build.mjs` replaces it
 * in every bundle with ajv's standalone code for the package's schemas
 * (`scripts/build-validators.mjs`), each keyed by its schema file and carrying the hash of the
 * text it was generated from (`textHash` in `schema.ts`).
 */
import type { ValidateFunction } from 'ajv';

export const PRECOMPILED: Record<string, { hash: string; validate: ValidateFunction } | undefined> = {};
