import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { expectations, TestClient, withCursor } from './helper';

/**
 * Completion fixtures: test/lsp/fixtures/completion/*.ia.yaml, one `|` cursor marker each, and
 * expectation comments:
 *   `# locale: fr|en`, `# trigger: :|SPACE` (the trigger character),
 *   `# expect: <label>` / `# expect-not: <label>` / `# expect-none: true`,
 *   `# insert: <label> => <text the inserted text contains>` (`\n` for a line break),
 *   `# documentation: <label> => <text>`, `# detail: <label> => <text>`, `# kind: <label> => <CompletionItemKind>`.
 */
const DIR = path.join(__dirname, 'fixtures', 'completion');

function pairs(list: string[] | undefined): [string, string][] {
  return (list ?? []).map((s) => {
    const i = s.indexOf(' => ');
    assert.ok(i > 0, `malformed expectation «${s}»`);
    return [s.slice(0, i), s.slice(i + 4).replace(/\\n/g, '\n')];
  });
}

describe('lsp: completion (fixtures)', () => {
  const clients = new Map<string, TestClient>();
  const client = async (locale: string) => {
    let c = clients.get(locale);
    if (!c) {
      c = await TestClient.start({ initializationOptions: { locale }, settings: {} });
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
    const c = await client(exp.get('locale')?.[0] ?? 'fr');
    const uri = `file:///fixtures/completion/${file}`;
    await c.open(uri, text);
    try {
      const trigger = exp.get('trigger')?.[0];
      const context = trigger ? { triggerKind: 2, triggerCharacter: trigger === 'SPACE' ? ' ' : trigger } : { triggerKind: 1 };
      const list = await c.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position, context });
      const items = list?.items ?? [];
      const byLabel = new Map<string, CompletionItem>(items.map((i) => [i.label, i]));
      const labels = items.map((i) => i.label).join(', ');
      if (exp.get('expect-none')) {
        assert.equal(items.length, 0, `${file}: expected no completion, got ${labels}`);
        return;
      }
      for (const want of exp.get('expect') ?? []) assert.ok(byLabel.has(want), `${file}: no «${want}» among ${labels}`);
      for (const unwanted of exp.get('expect-not') ?? []) assert.ok(!byLabel.has(unwanted), `${file}: unexpected «${unwanted}» among ${labels}`);
      for (const item of items) {
        const edit = item.textEdit as TextEdit;
        assert.ok(edit, `${file}: «${item.label}» has no textEdit`);
        // The edit replaces text on the cursor's line, up to the cursor.
        assert.equal(edit.range.start.line, position.line);
        assert.deepEqual(edit.range.end, position);
      }
      for (const [label, want] of pairs(exp.get('insert'))) {
        const item = byLabel.get(label);
        assert.ok(item, `${file}: no «${label}»`);
        assert.ok((item.textEdit as TextEdit).newText.includes(want), `${file}: «${label}» inserts ${JSON.stringify((item.textEdit as TextEdit).newText)}, not ${JSON.stringify(want)}`);
      }
      for (const [label, want] of pairs(exp.get('documentation'))) {
        const doc = byLabel.get(label)?.documentation as MarkupContent | undefined;
        assert.ok(doc?.value.includes(want), `${file}: documentation of «${label}» lacks «${want}»: ${doc?.value}`);
      }
      for (const [label, want] of pairs(exp.get('detail'))) {
        const detail = byLabel.get(label)?.detail ?? '';
        assert.ok(detail.includes(want), `${file}: detail of «${label}» is «${detail}», not «${want}»`);
      }
      for (const [label, want] of pairs(exp.get('kind'))) assert.equal(byLabel.get(label)?.kind, Number(want), `${file}: kind of «${label}»`);
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
