import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/**
 * The repository paths a Markdown text names in inline code: a span without spaces that has a
 * `/` or ends with a file extension. Fenced blocks are left out; so are placeholders and globs
 * (`<`, `*`), options (`--x`) and scoped/virtual names (`:`).
 */
function namedPaths(markdown: string): string[] {
  const text = markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
  const out = new Set<string>();
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    const span = m[1];
    if (/[\s<>*:{}]/.test(span) || span.startsWith('-')) continue;
    if (!span.includes('/') && !/\.[A-Za-z]{1,5}$/.test(span)) continue;
    out.add(span);
  }
  return [...out];
}

/** The `npm run <script>` names a Markdown text mentions, fenced blocks included. */
function namedScripts(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/npm run ([\w:.-]+)/g)].map((m) => m[1]))];
}

/** What a Markdown text names that does not exist in the repository rooted at `root`. */
function missingNames(markdown: string, root: string): string[] {
  const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {};
  return [
    ...namedPaths(markdown)
      .filter((p) => !fs.existsSync(path.join(root, p)))
      .map((p) => `path ${p}`),
    ...namedScripts(markdown)
      .filter((s) => !(s in scripts))
      .map((s) => `npm script ${s}`),
  ];
}

describe('CONTRIBUTING.md', () => {
  const text = fs.readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8');

  it('names repository paths and npm scripts (the parser finds them)', () => {
    const paths = namedPaths(text);
    assert.ok(paths.includes('shared/protocol.ts') && paths.includes('server/src/core/rules/index.ts'), paths.join(', '));
    assert.ok(paths.length > 20, `${paths.length} paths`);
    assert.ok(namedScripts(text).includes('check:layers'), namedScripts(text).join(', '));
  });

  it('names only paths that exist and npm scripts that package.json defines', () => {
    assert.deepEqual(missingNames(text, ROOT), []);
  });

  it('would catch a path or a script that does not exist', () => {
    const bogus = `${text}\nSee \`server/src/core/no-such-file.ts\`, then \`npm run no-such-script\`.\n`;
    assert.deepEqual(missingNames(bogus, ROOT), ['path server/src/core/no-such-file.ts', 'npm script no-such-script']);
  });
});
