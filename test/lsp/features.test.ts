import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, DocumentLink, DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import { parseDeclaration } from '../../server/src/core/parse';
import { applyEdits } from '../../server/src/core/fixes';
import type { EngagementActionResult, EngagementResult, NewDeclarationResult, VerdictsResult } from '../../shared/protocol';
import { BASE, cliLint, E02_TRUE, lineOf, NO_REVERSIBILITE } from './fixtures';
import { TestClient, tmpDir, uri } from './helper';

const SNAPSHOTS = path.join(__dirname, '__snapshots__');

/** Compares with a stored snapshot; `UPDATE_SNAPSHOTS=1` rewrites it. */
function snapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOTS, name);
  if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(file)) {
    if (process.env.CI && !fs.existsSync(file)) assert.fail(`snapshot ${name} is missing (run with UPDATE_SNAPSHOTS=1)`);
    fs.mkdirSync(SNAPSHOTS, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `snapshot ${name} differs (UPDATE_SNAPSHOTS=1 to accept)`);
}

function outline(symbols: DocumentSymbol[], depth = 0): string {
  return symbols.map((s) => `${'  '.repeat(depth)}${s.name} (${s.kind})\n${outline(s.children ?? [], depth + 1)}`).join('');
}

describe('lsp: symbols, folding, links, code lens', () => {
  let c: TestClient;
  let settings: Record<string, unknown> = {};
  const u = 'file:///features/base.ia.yaml';
  before(async () => {
    c = await TestClient.start({ settings: () => settings });
    await c.open(u, BASE);
  });
  after(async () => {
    assert.equal(await c.stop(), 0);
  });

  it('outlines the declaration by section, then field', async () => {
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
    const top = symbols.map((s) => s.name);
    assert.deepEqual(top, Object.keys(parseDeclaration(BASE).value as object));
    const reversibilite = symbols.find((s) => s.name === 'reversibilite')!;
    assert.equal(reversibilite.kind, 2 /* Module */);
    assert.match(reversibilite.detail!, /^E11 · Réversibilité garantie/);
    assert.deepEqual(reversibilite.range, {
      start: { line: lineOf(BASE, 'reversibilite:'), character: 0 },
      end: { line: lineOf(BASE, 'delai_bascule_jours'), character: BASE.split('\n')[lineOf(BASE, 'delai_bascule_jours')].length },
    });
    const check = (list: DocumentSymbol[]) => {
      for (const s of list) {
        const inside = (p: { line: number; character: number }) =>
          (p.line > s.range.start.line || (p.line === s.range.start.line && p.character >= s.range.start.character)) &&
          (p.line < s.range.end.line || (p.line === s.range.end.line && p.character <= s.range.end.character));
        assert.ok(inside(s.selectionRange.start) && inside(s.selectionRange.end), `${s.name}: selectionRange outside range`);
        check(s.children ?? []);
      }
    };
    check(symbols);
    snapshot('outline-base.txt', outline(symbols));
  });

  it('folds every multi-line block and comment runs', async () => {
    const text = '# Déclaration\n# sur deux lignes\n' + BASE;
    const u2 = 'file:///features/folding.ia.yaml';
    await c.open(u2, text);
    const ranges = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: u2 } });
    assert.ok(
      ranges.some((r) => r.startLine === 0 && r.endLine === 2 && r.kind === 'comment'),
      JSON.stringify(ranges.slice(0, 3)),
    );
    const start = lineOf(text, 'reversibilite:');
    assert.ok(ranges.some((r) => r.startLine === start && r.endLine === lineOf(text, 'delai_bascule_jours')));
    assert.ok(ranges.some((r) => r.startLine === lineOf(text, '  plan_sortie:') && r.endLine === lineOf(text, 'date_test: 2026-02-15')));
    await c.close(u2);
  });

  it('links URLs and engagement statements to their page', async () => {
    const links = await c.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: u } });
    const line = lineOf(BASE, 'publication_regles_url');
    const url = links.find((l) => l.target === 'https://www.lyon.fr/');
    assert.ok(url, JSON.stringify(links));
    assert.deepEqual(url.range, { start: { line, character: 26 }, end: { line, character: 46 } });
    const e09 = links.find((l) => l.target?.endsWith('/engagements/E09.md'));
    assert.ok(e09);
    assert.equal(e09.range.start.line, lineOf(BASE, '  E09:'));
  });

  it('shows each section’s verdict as a code lens, unless `cadreIa.codeLens` is false', async () => {
    const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } });
    const at = (needle: string) => lenses.filter((l) => l.range.start.line === lineOf(BASE, needle)).map((l) => l.command!.title);
    assert.deepEqual(at('reversibilite:'), ['E11 · conforme']);
    assert.deepEqual(at('securite:'), ['E09 · dérogation']);
    assert.deepEqual(at('donnees:'), ['E05 · conforme', 'E10 · conforme']);
    assert.deepEqual(lenses.find((l) => l.command!.title.startsWith('E11'))!.command!.arguments, ['E11', u]);
    settings = { codeLens: false };
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await c.request('textDocument/codeLens', { textDocument: { uri: u } }), []);
    settings = {};
    await c.notify('workspace/didChangeConfiguration', { settings: null });
  });
});

describe('lsp: custom requests (shared/protocol.ts)', () => {
  let c: TestClient;
  let dir: string;
  before(async () => {
    dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'a.ia.yaml'), E02_TRUE);
    fs.writeFileSync(path.join(dir, 'b.ia.yaml'), NO_REVERSIBILITE);
    c = await TestClient.start({ folders: [dir], settings: {} });
  });
  after(async () => {
    assert.equal(await c.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cadreIa/verdicts of one document: the 14 verdicts of `cadre-ia lint`, findings and ranges', async () => {
    const u = uri(path.join(dir, 'a.ia.yaml'));
    await c.open(u, E02_TRUE, 4);
    const changed = await c.notification<{ uri: string }>('cadreIa/verdictsChanged', (p) => p.uri === u);
    assert.equal(changed.uri, u);
    const r = await c.request<VerdictsResult>('cadreIa/verdicts', { uri: u });
    assert.equal(r.catalogue.principles.length, 5);
    assert.equal(r.documents.length, 1);
    const doc = r.documents[0];
    assert.equal(doc.version, 4);
    assert.equal(doc.summary.total, 14);
    const cli = cliLint(E02_TRUE);
    assert.deepEqual(Object.fromEntries(doc.engagements.map((e) => [e.id, e.verdict])), cli.engagements);
    const e02 = doc.engagements.find((e) => e.id === 'E02')!;
    assert.equal(e02.verdict, 'non_conforme');
    assert.equal(e02.verdictLabel, 'non conforme');
    assert.equal(e02.derogable, false);
    assert.deepEqual(
      e02.findings.map((f) => f.code),
      ['E02-interaction-directe'],
    );
    assert.equal(e02.findings[0].range.start.line, lineOf(E02_TRUE, 'interaction_directe'));
    assert.equal(e02.range?.start.line, lineOf(E02_TRUE, 'usagers:'));
    await c.close(u);
  });

  it('cadreIa/verdicts says the verdicts are provisional while the text has a syntax error, and not after', async () => {
    const u = uri(path.join(dir, 'a.ia.yaml'));
    const broken = E02_TRUE.replace(/^( +)interaction_directe: true$/m, '$1interaction_directe: false\n$1interaction_directe: true');
    assert.notEqual(broken, E02_TRUE);
    await c.open(u, broken, 1);
    await c.notification<{ uri: string }>('cadreIa/verdictsChanged', (p) => p.uri === u);
    const doc = (await c.request<VerdictsResult>('cadreIa/verdicts', { uri: u })).documents[0];
    assert.equal(doc.provisional, true);
    const e02 = doc.engagements.find((e) => e.id === 'E02')!;
    assert.notEqual(e02.verdict, 'conforme');
    assert.ok(
      e02.findings.some((f) => f.code === 'syntax'),
      'the duplicate key is among E02 findings',
    );
    assert.equal(cliLint(broken).provisional, true, 'the CLI says the same');
    await c.change(u, 2, E02_TRUE);
    await c.notification<{ uri: string }>('cadreIa/verdictsChanged', (p) => p.uri === u);
    assert.equal((await c.request<VerdictsResult>('cadreIa/verdicts', { uri: u })).documents[0].provisional, undefined);
    await c.close(u);
  });

  it('cadreIa/verdicts of the workspace (unopened files from disk), with the missing section to insert', async () => {
    const r = await c.request<VerdictsResult>('cadreIa/verdicts', {});
    assert.deepEqual(r.documents.map((d) => path.basename(d.uri)).sort(), ['a.ia.yaml', 'b.ia.yaml']);
    const b = r.documents.find((d) => d.uri.endsWith('b.ia.yaml'))!;
    const e11 = b.engagements.find((e) => e.id === 'E11')!;
    assert.equal(e11.verdict, 'a_completer');
    assert.equal(e11.missingSection, 'reversibilite');
    assert.equal(b.version, undefined);
  });

  it('cadreIa/engagement explains an engagement in Markdown', async () => {
    const r = await c.request<EngagementResult>('cadreIa/engagement', { id: 'E11' });
    assert.equal(r.title, 'Réversibilité garantie');
    assert.match(r.markdown, /Préserver la souveraineté/);
    assert.match(r.markdown, /Eurocities/);
    await assert.rejects(c.request('cadreIa/engagement', { id: 'E99' }), /unknown engagement/);
  });

  it('cadreIa/newDeclaration renders a skeleton that is valid YAML for the framework', async () => {
    const r = await c.request<NewDeclarationResult>('cadreIa/newDeclaration', { nom: 'Tri du courrier « entrant »', direction: 'Direction des finances' });
    assert.equal(r.fileName, 'tri-du-courrier-entrant.ia.yaml');
    const parsed = parseDeclaration(r.text);
    assert.deepEqual(parsed.problems, []);
    const data = parsed.value as { cadre: string; projet: { nom: string; direction: string } };
    assert.equal(data.cadre, 'lyon-ia/v1');
    assert.equal(data.projet.nom, 'Tri du courrier « entrant »');
    await assert.rejects(c.request('cadreIa/newDeclaration', { nom: 42 }), /nom and direction/);
  });

  it('cadreIa/insertSection: the server plans the missing section (from templates.yaml); the client only applies it', async () => {
    const u = uri(path.join(dir, 'b.ia.yaml'));
    assert.equal((await c.request<EngagementActionResult>('cadreIa/insertSection', { uri: u, engagement: 'E11' })).status, 'notOpen');
    await c.open(u, NO_REVERSIBILITE, 7);
    const r = await c.request<EngagementActionResult>('cadreIa/insertSection', { uri: u, engagement: 'E11' });
    assert.equal(r.status, 'edit');
    assert.equal(r.version, 7);
    const after = applyEdits(NO_REVERSIBILITE, r.edits);
    const data = parseDeclaration(after).value as { reversibilite?: unknown };
    assert.ok(data.reversibilite && typeof data.reversibilite === 'object');
    assert.equal(after.split('\n')[r.reveal!.start.line].slice(r.reveal!.start.character, r.reveal!.end.character), 'reversibilite');
    assert.equal((await c.request<EngagementActionResult>('cadreIa/insertSection', { uri: u, engagement: 'E02' })).status, 'nothingMissing');
    await assert.rejects(c.request('cadreIa/insertSection', { uri: 42 }), /uri and engagement/);
  });

  it('cadreIa/declareDerogation: a derogation under engagements:, never on E02, never twice', async () => {
    const u = uri(path.join(dir, 'a.ia.yaml'));
    await c.open(u, E02_TRUE, 9);
    assert.equal((await c.request<EngagementActionResult>('cadreIa/declareDerogation', { uri: u, engagement: 'E02' })).status, 'notDerogable');
    const r = await c.request<EngagementActionResult>('cadreIa/declareDerogation', { uri: u, engagement: 'E11' });
    assert.equal(r.status, 'edit');
    const after = applyEdits(E02_TRUE, r.edits);
    const data = parseDeclaration(after).value as { engagements: Record<string, { statut: string }> };
    assert.equal(data.engagements.E11.statut, 'derogation');
    await c.change(u, 10, after);
    const again = await c.request<EngagementActionResult>('cadreIa/declareDerogation', { uri: u, engagement: 'E11' });
    assert.equal(again.status, 'exists');
    assert.equal(after.split('\n')[again.reveal!.start.line].trim(), 'E11:');
  });
});
