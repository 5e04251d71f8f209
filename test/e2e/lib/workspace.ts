import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Removes the integration suite's expectation comments (`# expect:`, `# hover:`) and the file's
 * header from `chatbot-usagers.ia.yaml` in a copied workspace: what a person sees in screenshots.
 */
export function stripExpectations(dir: string): string {
  const f = path.join(dir, 'chatbot-usagers.ia.yaml');
  const clean = fs
    .readFileSync(f, 'utf8')
    .split('\n')
    .filter((l, i) => !(i < 3 && l.startsWith('#')))
    .map((l) => l.replace(/\s+# (expect|hover): .*$/, ''))
    .join('\n');
  fs.writeFileSync(f, clean);
  return dir;
}
