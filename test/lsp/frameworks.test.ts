/**
 * Protocol tests of frameworks as data: in a workspace mixing frameworks, each document is judged
 * by the framework its `cadre:` names (diagnostics, hovers, verdicts); the workspace verdicts list
 * the frameworks; catalogue files get diagnostics, hovers, completion and quick fixes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { EngagementResult, VerdictsResult } from '../../shared/protocol';
import { TestClient, tmpDir, uri } from './helper';

const ROOT = path.join(__dirname, '..', '..');
const CHATBOT = fs.readFileSync(path.join(ROOT, 'examples', 'assistant-conversationnel-usagers.ia.yaml'), 'utf8');
const SOCLE = CHATBOT.replace('cadre: lyon-ia/v1', 'cadre: socle-ia/v1').replace('id: assistant-conversationnel-usagers', 'id: assistant-metropole');
const LYON_CATALOGUE = fs.readFileSync(path.join(ROOT, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8');
const lineOf = (text: string, s: string) => text.split('\n').findIndex((l) => l.includes(s));
const md = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');

describe('lsp: a workspace mixing frameworks', () => {
  let c: TestClient;
  let dir: string;
  before(async () => {
    dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'ville'));
    fs.mkdirSync(path.join(dir, 'metropole'));
    fs.writeFileSync(path.join(dir, 'ville', 'assistant.ia.yaml'), CHATBOT);
    fs.writeFileSync(path.join(dir, 'metropole', 'assistant.ia.yaml'), SOCLE);
    c = await TestClient.start({ folders: [dir], settings: {}, env: { ...process.env, CADRE_IA_DATE: '2026-12-02' } });
  });
  after(async () => {
    assert.equal(await c.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('each document gets the diagnostics of its own framework', async () => {
    const lyon = uri(path.join(dir, 'ville', 'assistant.ia.yaml'));
    const socle = uri(path.join(dir, 'metropole', 'assistant.ia.yaml'));
    await c.open(lyon, CHATBOT);
    await c.open(socle, SOCLE);
    const a = await c.diagnostics(lyon);
    const b = await c.diagnostics(socle);
    assert.ok(a.diagnostics.some((d) => d.code === 'E02-interaction-directe' && d.severity === 1));
    assert.ok(!b.diagnostics.some((d) => String(d.code).startsWith('E0') || String(d.code).startsWith('E1')), b.diagnostics.map((d) => d.code).join(', '));
    assert.ok(b.diagnostics.some((d) => d.code === 'RGPD-35-aipd'));
    const aipd = b.diagnostics.find((d) => d.code === 'RGPD-35-aipd')!;
    assert.match(aipd.codeDescription!.href, /\/docs\/socle-ia\/rules\/RGPD-35-aipd\.md$/);
  });

  it('hovers cite the engagement of the document’s framework', async () => {
    const socle = uri(path.join(dir, 'metropole', 'assistant.ia.yaml'));
    const lyon = uri(path.join(dir, 'ville', 'assistant.ia.yaml'));
    const line = lineOf(SOCLE, 'information_ia');
    const hs = await c.request<Hover>('textDocument/hover', { textDocument: { uri: socle }, position: { line, character: 4 } });
    assert.match(md(hs), /AIA-50/);
    assert.doesNotMatch(md(hs), /E02/);
    const hl = await c.request<Hover>('textDocument/hover', { textDocument: { uri: lyon }, position: { line, character: 4 } });
    assert.match(md(hl), /E02/);
  });

  it('cadreIa/verdicts: one document under its framework; the workspace lists both frameworks', async () => {
    const socle = uri(path.join(dir, 'metropole', 'assistant.ia.yaml'));
    const one = await c.request<VerdictsResult>('cadreIa/verdicts', { uri: socle });
    assert.equal(one.catalogue.id, 'socle-ia');
    assert.equal(one.documents[0].framework?.cadre, 'socle-ia/v1');
    assert.equal(one.documents[0].engagements.find((e) => e.id === 'AIA-50')?.verdict, 'conforme');
    assert.equal(one.documents[0].engagements.find((e) => e.id === 'AIA-27')?.appliesFrom, undefined, 'not a high-risk system: no date to wait for');
    const all = await c.request<VerdictsResult>('cadreIa/verdicts', {});
    assert.deepEqual(all.frameworks?.map((f) => f.cadre).sort(), ['lyon-ia/v1', 'socle-ia/v1']);
    const byCadre: Record<string, VerdictsResult['documents'][number]> = Object.fromEntries(all.documents.map((d) => [d.framework?.cadre ?? '', d]));
    assert.equal(byCadre['lyon-ia/v1'].engagements.find((e) => e.id === 'E02')?.verdict, 'non_conforme');
    assert.equal(byCadre['socle-ia/v1'].engagements.find((e) => e.id === 'AIA-50')?.verdict, 'conforme');
    assert.equal(all.frameworks?.find((f) => f.cadre === 'socle-ia/v1')?.principles.length, 3);
  });

  it('cadreIa/engagement answers for the framework asked for', async () => {
    const r = await c.request<EngagementResult>('cadreIa/engagement', { id: 'AIA-50', cadre: 'socle-ia/v1' });
    assert.match(r.markdown, /50\(1\)/);
    const socle = uri(path.join(dir, 'metropole', 'assistant.ia.yaml'));
    const byDoc = await c.request<EngagementResult>('cadreIa/engagement', { id: 'RGPD-35', uri: socle });
    assert.match(byDoc.title, /AIPD/);
  });

  it('an unknown framework is one error that lists the known ones, and no verdict', async () => {
    const u = uri(path.join(dir, 'nantes.ia.yaml'));
    const text = CHATBOT.replace('cadre: lyon-ia/v1', 'cadre: nantes-ia/v1');
    await c.open(u, text);
    const p = await c.diagnostics(u);
    const d = p.diagnostics.find((x) => x.code === 'cadre-inconnu');
    assert.ok(d && d.severity === 1);
    assert.match(String(d.message), /lyon-ia\/v1, socle-ia\/v1/);
    const v = await c.request<VerdictsResult>('cadreIa/verdicts', { uri: u });
    assert.equal(v.documents[0].framework?.known, false);
    assert.equal(v.documents[0].engagements.length, 0);
  });

  it('completes cadre: with every known framework', async () => {
    const u = uri(path.join(dir, 'nouveau.ia.yaml'));
    await c.open(u, 'cadre: \n');
    const r = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: 0, character: 7 } });
    assert.deepEqual(r.items.map((i) => i.label).sort(), ['lyon-ia/v1', 'socle-ia/v1']);
  });
});

describe('lsp: writing a catalogue', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ settings: {} });
  });
  after(async () => {
    assert.equal(await c.stop(), 0);
  });

  it('diagnoses an unknown rule with "did you mean" and a quick fix, invalid options, an unknown field', async () => {
    const u = 'file:///catalogues/ma-ville.catalogue.yaml';
    const text = LYON_CATALOGUE.replace('      - id: E09-journalisation\n', '      - id: E09-journalisation\n        options: { min_jours: 0 }\n')
      .replace('      - id: E01-alternatives\n', '      - id: E01-alternative\n')
      .replace('    fields: [usagers]', '    fields: [usager]');
    await c.open(u, text, 1, 'catalogue-ia');
    const p = await c.diagnostics(u, (x) => x.diagnostics.length > 0);
    const codes = p.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['catalogue-champ-inconnu', 'catalogue-options-invalides', 'catalogue-regle-inconnue']);
    const rule = p.diagnostics.find((d) => d.code === 'catalogue-regle-inconnue')!;
    assert.equal(rule.range.start.line, text.split('\n').indexOf('      - id: E01-alternative'));
    assert.match(String(rule.message), /Vouliez-vous dire « E01-alternatives »/);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u }, range: rule.range, context: { diagnostics: [rule] } });
    const fix = actions.find((a) => /E01-alternatives/.test(a.title));
    assert.ok(fix?.edit, 'a quick fix with its edit');
  });

  it('hovers a rule: what it checks, its options and the code it gets there', async () => {
    const u = 'file:///catalogues/lyon.catalogue.yaml';
    await c.open(u, LYON_CATALOGUE, 1, 'catalogue-ia');
    const line = lineOf(LYON_CATALOGUE, '- id: E09-journalisation');
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: { line, character: 14 } });
    assert.match(md(h), /E09-journalisation/);
    assert.match(md(h), /min_jours/);
    assert.match(md(h), /Code de ses constats ici : `E09-journalisation`/);
  });

  it('completes rule ids under rules: and declaration fields under fields:', async () => {
    const u = 'file:///catalogues/brouillon.catalogue.yaml';
    const text = LYON_CATALOGUE.replace('      - id: E02-interaction-directe\n', '      - id: E02-interaction-directe\n      - id: \n');
    await c.open(u, text, 1, 'catalogue-ia');
    const line = text.split('\n').indexOf('      - id: ');
    const r = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line, character: 12 } });
    const labels = r.items.map((i) => i.label);
    assert.ok(labels.includes('fria') && labels.includes('E02-interaction-directe'), labels.join(', '));
    assert.ok(!labels.includes('cadre-date-revue'), 'framework-wide rules go to the top-level rules list');
  });

  it('leaves declarations alone: a YAML file is a catalogue only by its name, language or schema line', async () => {
    const u = 'file:///catalogues/autre.yaml';
    await c.open(u, 'id: x\n', 1, 'yaml');
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 1 } });
    assert.equal(h, null);
  });
});
