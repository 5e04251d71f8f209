import * as fs from 'node:fs';
import * as path from 'node:path';
import { setResourceReader } from '../core/resources';

let cachedRoot: string | undefined;

/**
 * The folder that holds `schemas/` (the repository root in development, the extension or
 * package root once bundled). Found by walking up from this module; `CADRE_IA_RESOURCES`
 * overrides it.
 */
export function resourceRoot(): string {
  if (cachedRoot) return cachedRoot;
  const fromEnv = process.env.CADRE_IA_RESOURCES;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'schemas', 'declaration.schema.json'))) {
    return (cachedRoot = fromEnv);
  }
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'schemas', 'declaration.schema.json'))) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Cadre IA: cannot find the schemas/ folder above ${__dirname}`);
}

export function resourcePath(...parts: string[]): string {
  return path.join(resourceRoot(), ...parts);
}

/** Reads a data file of the package (`schemas/…`) as UTF-8. Throws when it is missing. */
export function readResource(relPath: string): string {
  return fs.readFileSync(resourcePath(...relPath.split('/')), 'utf8');
}

/**
 * Lets the core read the package's data files from disk. Every Node entry point (the CLI, the
 * language server, the test setup, scripts and benchmarks) calls it once before using the core;
 * calling it again does nothing.
 */
export function installNodeResources(): void {
  setResourceReader(readResource);
}
