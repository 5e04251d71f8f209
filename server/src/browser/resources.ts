import { setResourceReader } from '../core/resources';
// The package's data files (`schemas/**`), embedded at build time by scripts/build.mjs (the
// virtual module `cadre-ia:resources`): a web worker has no disk to read them from.
import RESOURCES from 'cadre-ia:resources';

/** Lets the core read the schemas, the templates and the bundled catalogue from the bundle. */
export function installBundledResources(): void {
  setResourceReader((relPath) => {
    const text = RESOURCES[relPath];
    if (text === undefined) throw new Error(`Cadre IA: ${relPath} is not in the web bundle`);
    return text;
  });
}
