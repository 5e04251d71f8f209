import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { frameworkSet } from '../../server/src/core/framework';
import { noticeOfText } from '../../server/src/core/notice/index';
import type { NoticeResult } from '../../shared/protocol';
import { TestClient } from './helper';

const FIXTURES = path.resolve(__dirname, '../fixtures/notice');

describe('lsp: cadreIa/notice', () => {
  let c: TestClient;
  const u = 'file:///notice/decisions-individuelles.ia.yaml';
  const text = fs.readFileSync(path.join(FIXTURES, 'decisions-individuelles.ia.yaml'), 'utf8');
  before(async () => {
    c = await TestClient.start({ env: { CADRE_IA_DATE: '2026-06-01' } });
    await c.open(u, text);
  });
  after(async () => {
    assert.equal(await c.stop(), 0);
  });

  it('answers the same notice as the core (Markdown and HTML), with its file name and gaps', async () => {
    const fw = frameworkSet();
    for (const format of ['md', 'html'] as const) {
      const r = await c.request<NoticeResult>('cadreIa/notice', { uri: u, format });
      const expected = noticeOfText(text, format, { locale: 'fr', now: new Date('2026-06-01T12:00:00Z'), frameworkOf: (x) => (x && fw.get(x)) || fw.fallback });
      assert.equal(r.content, expected.content);
      assert.equal(r.fileName, `notice-attribution-places-creche.${format}`);
      assert.deepEqual(r.gaps, []);
    }
  });

  it('follows unsaved edits: a removed fact becomes a gap', async () => {
    await c.change(u, 2, text.replace(/^  recours: .*\n/m, ''));
    const r = await c.request<NoticeResult>('cadreIa/notice', { uri: u, format: 'md' });
    assert.deepEqual(r.gaps, ['comment contester un résultat et obtenir le réexamen par un agent (droits.recours)']);
    assert.match(r.content, /\*\*\\\[à compléter : comment contester/);
  });

  it('refuses a bad format, an unknown document and a text that is not a declaration, and keeps running', async () => {
    await assert.rejects(c.request('cadreIa/notice', { uri: u, format: 'pdf' }), /format must be/);
    await assert.rejects(c.request('cadreIa/notice', { uri: 'file:///nowhere.ia.yaml', format: 'md' }), /unknown document/);
    const list = 'file:///notice/liste.ia.yaml';
    await c.open(list, '- a\n- b\n');
    await assert.rejects(c.request('cadreIa/notice', { uri: list, format: 'md' }), /does not hold a declaration/);
    assert.ok(c.alive);
  });
});
