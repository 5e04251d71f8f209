import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { expectations, TestClient, withCursor } from './helper';

/**
 * Hover fixtures: test/lsp/fixtures/hover/*.ia.yaml, one `|` cursor marker each, and
 * expectation comments: `# locale: fr|en`, `# expect: <text in the hover>`,
 * `# expect-not: <text>`, `# expect-none: true` (no hover at all).
 */
const DIR = path.join(__dirname, 'fixtures', 'hover');

/** The hover's Markdown as a reader sees it (Markdown escapes removed). */
function shown(h: Hover): string {
  return (h.contents as MarkupContent).value.replace(/\\([\\`*_[\]<>])/g, '$1');
}

describe('lsp: hover (fixtures)', () => {
  const clients = new Map<string, TestClient>();
  const client = async (locale: string) => {
    let c = clients.get(locale);
    if (!c) {
      c = await TestClient.start({ initializationOptions: { locale }, settings: { locale: 'auto' } });
      clients.set(locale, c);
    }
    return c;
  };
  after(async () => {
    for (const c of clients.values()) await c.stop();
  });

  async function check(file: string): Promise<void> {
    const source = fs.readFileSync(path.join(DIR, file), 'utf8');
    const { text, position } = withCursor(source);
    const exp = expectations(text);
    const locale = exp.get('locale')?.[0] ?? 'fr';
    const c = await client(locale);
    const uri = `file:///fixtures/hover/${file}`;
    await c.open(uri, text);
    try {
      const hover = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      if (exp.get('expect-none')) {
        assert.equal(hover, null, `${file}: expected no hover`);
        return;
      }
      assert.ok(hover, `${file}: no hover at ${position.line}:${position.character}`);
      assert.equal((hover.contents as MarkupContent).kind, 'markdown');
      const md = shown(hover);
      for (const want of exp.get('expect') ?? []) assert.ok(md.includes(want), `${file}: hover lacks «${want}»:\n${md}`);
      for (const unwanted of exp.get('expect-not') ?? []) assert.ok(!md.includes(unwanted), `${file}: hover has «${unwanted}»:\n${md}`);
      assert.ok(hover.range, `${file}: hover without range`);
      const r = hover.range!;
      const atOrBefore = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(atOrBefore(r.start, position) && atOrBefore(position, r.end), `${file}: hover range ${JSON.stringify(r)} does not contain the cursor`);
      // Short: a hover is read at a glance.
      assert.ok(md.length < 4000, `${file}: hover too long (${md.length} characters)`);
    } finally {
      await c.close(uri);
    }
  }

  for (const file of fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.ia.yaml'))
    .sort()) {
    it(file, () => check(file));
  }
});
