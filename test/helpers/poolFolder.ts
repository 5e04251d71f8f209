import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** A folder of `n` declarations copied from the examples and fixtures (ids repeat: duplicates across files), plus broken files. */
export function makeFolder(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-pool-'));
  const sources: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.ia\.ya?ml$/.test(name)) sources.push(p);
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `d${i % 7}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.copyFileSync(sources[i % sources.length], path.join(sub, `f${String(i).padStart(4, '0')}-${path.basename(sources[i % sources.length])}`));
  }
  fs.writeFileSync(path.join(dir, 'binaire.ia.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  fs.writeFileSync(path.join(dir, 'vide.ia.yaml'), '');
  return dir;
}
