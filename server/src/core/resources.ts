/**
 * The package's data files the core needs (`schemas/declaration.schema.json`,
 * `schemas/catalogue.schema.json`, `schemas/templates.yaml`, the bundled catalogue), as text.
 *
 * The core reads no disk: a host installs a reader once at start-up — Node entry points call
 * `installNodeResources()` (`server/src/node/resources.ts`), which reads the files next to the
 * package; a browser host can serve the same texts from its bundle. Whatever the core derives
 * from these texts (the compiled schema, the templates, the bundled catalogue) is cached here,
 * keyed by the file and the reader that produced it, so installing another reader never serves
 * stale data.
 */

/** Returns the text of a data file given by its `/`-separated path from the package root. Throws when missing. */
export type ResourceReader = (relPath: string) => string;

let reader: ResourceReader | undefined;
/** Derived values of the current reader, by key (`schemas/templates.yaml`, …). */
let derived = new Map<string, unknown>();

/** Installs the reader of data files (replaces any previous one and forgets what was derived). */
export function setResourceReader(read: ResourceReader): void {
  if (read === reader) return;
  reader = read;
  derived = new Map();
}

export function hasResourceReader(): boolean {
  return reader !== undefined;
}

/** The text of a data file. Throws when no reader is installed or the file is missing (the package is broken). */
export function resourceText(relPath: string): string {
  if (!reader) {
    throw new Error(`Cadre IA: no resource reader to read ${relPath}: call installNodeResources() (server/src/node/resources.ts) or setResourceReader() first`);
  }
  return reader(relPath);
}

/** A value derived once per reader from data files (`make` runs on the first call). */
export function derivedResource<T>(key: string, make: () => T): T {
  if (derived.has(key)) return derived.get(key) as T;
  const value = make();
  derived.set(key, value);
  return value;
}
