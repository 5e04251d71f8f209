import * as fs from 'node:fs';
import { MAX_CATALOGUE_BYTES, parseCatalogue, type CatalogueLoad, type RuleLookup } from '../core/catalogue';

/** Reads, parses and validates a catalogue file. Never throws. */
export function loadCatalogueFile(file: string, knownRuleIds?: RuleLookup | ReadonlySet<string>): CatalogueLoad {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { file, errors: [`not a file: ${file}`] };
    if (stat.size > MAX_CATALOGUE_BYTES) return { file, errors: [`catalogue larger than 2 MiB: ${file}`] };
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { file, errors: [`cannot read ${file}: ${(e as Error).message}`] };
  }
  return parseCatalogue(text, file, knownRuleIds);
}
