import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport, MessageType, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { lintText } from '../../server/src/core/engine';
import { BASE, cliLint, E02_TRUE, lineOf, NO_REVERSIBILITE } from './fixtures';
import { codes, MINIMAL_CAPABILITIES, PULL_CAPABILITIES, sleep, TestClient, tmpDir, uri } from './helper';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

function byCode(diags: Diagnostic[], code: string): Diagnostic | undefined {
  return diags.find((d) => d.code === code);
}

describe('lsp: push diagnostics', () => {
  let c: TestClient;
  let settings: Record<string, unknown> = {};
  before(async () => {
    c = await TestClient.start({ settings: () => settings });
  });
  after(async () => {
    assert.equal(await c.stop(), 0);
  });

  it('publishes the E02 error with code, href, source, severity and fix data, for the opened version', async () => {
    const u = 'file:///push/e02.ia.yaml';
    await c.open(u, E02_TRUE, 7);
    const p = await c.diagnostics(u);
    assert.equal(p.version, 7);
    const d = byCode(p.diagnostics, 'E02-interaction-directe');
    assert.ok(d, `no E02 among ${codes(p.diagnostics)}`);
    assert.equal(d.source, 'cadre-ia');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription!.href, /\/rules\/E02-interaction-directe\.md$/);
    const line = lineOf(E02_TRUE, 'interaction_directe');
    assert.deepEqual(d.range, { start: { line, character: 23 }, end: { line, character: 27 } });
    const data = d.data as { engagement: string; fixes: { kind: string }[] };
    assert.equal(data.engagement, 'E02');
    assert.ok(data.fixes.some((f) => f.kind === 'set-value'));
    await c.close(u);
  });

  it('gives the same diagnostics as `cadre-ia lint` (code, severity, message, range)', async () => {
    for (const [name, text] of [
      ['e02', E02_TRUE],
      ['no-rev', NO_REVERSIBILITE],
      ['typo', BASE.replace('reversibilite:', 'reversibilte:').replace('statut: experimentation', 'statut: experimentaton')],
      ['broken', BASE.replace('  statut: experimentation', ' statut: [experimentation')],
    ] as const) {
      const u = `file:///push/same-${name}.ia.yaml`;
      await c.open(u, text);
      const p = await c.diagnostics(u);
      const cli = cliLint(text);
      assert.ok(cli.diagnostics.length > 0, `${name}: the CLI found nothing`);
      const mine = p.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));
      const theirs = cli.diagnostics.map((d) => ({ code: d.code, severity: SEVERITY[d.severity], message: d.message, range: d.range }));
      assert.deepEqual(mine, theirs, name);
      await c.close(u);
    }
  }).timeout(180_000);

  it('gives the same diagnostics as `cadre-ia lint` on every bundled example', async () => {
    const dir = path.join(__dirname, '..', '..', 'examples');
    const examples = fs.readdirSync(dir).filter((f) => /\.ia\.ya?ml$/.test(f));
    assert.ok(examples.length > 0, 'no example');
    for (const name of examples) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const u = uri(path.join(dir, name));
      await c.open(u, text);
      const p = await c.diagnostics(u);
      const cli = cliLint(text);
      const mine = p.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range }));
      const theirs = cli.diagnostics.map((d) => ({ code: d.code, severity: SEVERITY[d.severity], message: d.message, range: d.range }));
      assert.deepEqual(mine, theirs, name);
      await c.close(u);
    }
  }).timeout(180_000);

  it('publishes only the last version after rapid edits (debounced)', async () => {
    const u = 'file:///push/rapid.ia.yaml';
    await c.open(u, BASE, 1);
    await c.diagnostics(u, (p) => p.version === 1);
    const from = c.published.length;
    for (let v = 2; v <= 12; v++) await c.change(u, v, v % 2 ? BASE : E02_TRUE);
    await c.change(u, 13, E02_TRUE);
    const last = await c.diagnostics(u, (p) => p.version === 13);
    assert.ok(byCode(last.diagnostics, 'E02-interaction-directe'));
    await sleep(400);
    const versions = c.published
      .slice(from)
      .filter((p) => p.uri === u)
      .map((p) => p.version);
    assert.deepEqual(versions, [13]);
    await c.close(u);
  });

  it('clears the diagnostics of a closed document and ignores files that are not declarations', async () => {
    const other = 'file:///push/plain.yaml';
    await c.open(other, 'a: [', 1, 'yaml');
    const u = 'file:///push/closed.ia.yaml';
    await c.open(u, E02_TRUE);
    await c.diagnostics(u, (p) => p.diagnostics.length > 0);
    await c.close(u);
    await c.diagnostics(u, (p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.ok(!c.published.some((p) => p.uri === other));
    await c.close(other);
  });

  it('re-validates open documents when the settings change (severity override, `off`)', async () => {
    const u = 'file:///push/settings.ia.yaml';
    await c.open(u, E02_TRUE);
    await c.diagnostics(u, (p) => !!byCode(p.diagnostics, 'E02-interaction-directe'));
    settings = { rules: { 'E02-interaction-directe': 'warning' } };
    const from = c.published.length;
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(u, (p) => c.published.indexOf(p) >= from && byCode(p.diagnostics, 'E02-interaction-directe')?.severity === 2);
    settings = { rules: { 'E02-interaction-directe': 'off' } };
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    const p = await c.diagnostics(u, (p) => c.published.indexOf(p) >= from && !byCode(p.diagnostics, 'E02-interaction-directe'));
    assert.equal(p.diagnostics.filter((d) => d.severity === 1).length, 0);
    settings = {};
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(u, (p) => c.published.indexOf(p) >= from && !!byCode(p.diagnostics, 'E02-interaction-directe') && byCode(p.diagnostics, 'E02-interaction-directe')!.severity === 1);
    await c.close(u);
  });

  it('ties two fields together with relatedInformation on the same document, as the core does', async () => {
    const text = BASE.replace('classification: publique', 'classification: sensible').replace('qualification: iso27001', 'qualification: aucune');
    const u = 'file:///push/related.ia.yaml';
    await c.open(u, text);
    const p = await c.diagnostics(u);
    const core = lintText(text, { locale: 'fr', now: new Date('2026-06-01T12:00:00Z') }).diagnostics;
    const withRelated = core.filter((d) => d.related?.length);
    assert.ok(withRelated.length > 0, `no rule ties two fields here: ${codes(p.diagnostics)}`);
    for (const d of withRelated) {
      const lsp = p.diagnostics.find((x) => x.code === d.code && x.range.start.line === d.range.start.line);
      assert.ok(lsp, d.code);
      assert.deepEqual(
        lsp.relatedInformation,
        d.related!.map((r) => ({ location: { uri: u, range: r.range }, message: r.message })),
      );
    }
    await c.close(u);
  });
});

describe('lsp: locale', () => {
  it('follows initializationOptions.locale, then the client locale, and `cadreIa.locale` overrides both', async function () {
    this.timeout(60_000);
    const u = 'file:///locale/e02.ia.yaml';
    const message = async (opts: Parameters<typeof TestClient.start>[0]) => {
      const c = await TestClient.start(opts);
      await c.open(u, E02_TRUE);
      const p = await c.diagnostics(u);
      await c.stop();
      return String(byCode(p.diagnostics, 'E02-interaction-directe')!.message);
    };
    assert.match(await message({ initializationOptions: { locale: 'en' }, settings: { locale: 'auto' } }), /^Direct interaction with /);
    assert.match(await message({ locale: 'en-GB', settings: {} }), /^Direct interaction with /);
    assert.match(await message({ locale: 'fr', settings: {} }), /^Interaction directe avec /);
    assert.match(await message({ initializationOptions: { locale: 'en' }, settings: { locale: 'fr' } }), /^Interaction directe avec /);
  });
});

describe('lsp: a client without configuration nor pull diagnostics', () => {
  it('pushes diagnostics and takes settings from didChangeConfiguration', async () => {
    const c = await TestClient.start({ capabilities: MINIMAL_CAPABILITIES });
    assert.equal(c.initializeResult!.capabilities.diagnosticProvider, undefined);
    const u = 'file:///minimal/e02.ia.yaml';
    await c.open(u, E02_TRUE);
    await c.diagnostics(u, (p) => !!byCode(p.diagnostics, 'E02-interaction-directe'));
    const from = c.published.length;
    await c.notify('workspace/didChangeConfiguration', { settings: { cadreIa: { rules: { 'E02-interaction-directe': 'off' } } } });
    await c.diagnostics(u, (p) => c.published.indexOf(p) >= from && !byCode(p.diagnostics, 'E02-interaction-directe'));
    assert.equal(c.configurationRequests, 0);
    assert.equal(await c.stop(), 0);
  });
});

describe('lsp: pull diagnostics', () => {
  let c: TestClient;
  let dir: string;
  before(async () => {
    dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'a.ia.yaml'), E02_TRUE);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.ia.yml'), BASE);
    fs.writeFileSync(path.join(dir, 'plain.yaml'), 'not: [a, declaration');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'x.ia.yaml'), E02_TRUE);
    c = await TestClient.start({ capabilities: PULL_CAPABILITIES, folders: [dir], settings: {} });
  });
  after(async () => {
    assert.equal(await c.stop(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces a diagnostic provider with workspace diagnostics', () => {
    assert.deepEqual(c.initializeResult!.capabilities.diagnosticProvider, { identifier: 'cadre-ia', interFileDependencies: false, workspaceDiagnostics: true });
  });

  it('answers textDocument/diagnostic with a resultId, `unchanged` when nothing changed, and never pushes', async () => {
    const u = 'file:///pull/e02.ia.yaml';
    await c.open(u, E02_TRUE, 1);
    const first = await c.request<DocumentDiagnosticReport & { resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: u } });
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    assert.ok(byCode(first.items, 'E02-interaction-directe')?.codeDescription);
    const again = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: u }, previousResultId: first.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    await c.change(u, 2, BASE);
    const after = await c.request<DocumentDiagnosticReport & { resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: u }, previousResultId: first.resultId });
    assert.equal(after.kind, 'full');
    assert.notEqual(after.resultId, first.resultId);
    assert.equal(byCode(after.items, 'E02-interaction-directe'), undefined);
    await sleep(300);
    assert.equal(c.published.length, 0, 'a pull client must not receive pushed diagnostics');
    await c.close(u);
  });

  it('answers workspace/diagnostic for every declaration of the folders, open or not, and refreshes on watched-file changes', async () => {
    const a = path.join(dir, 'a.ia.yaml');
    const b = path.join(dir, 'sub', 'b.ia.yml');
    const bUri = uri(b);
    await c.open(bUri, NO_REVERSIBILITE, 3);
    type Report = WorkspaceDiagnosticReport['items'][number] & { items?: Diagnostic[]; resultId?: string };
    const first = (await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] })).items as Report[];
    assert.deepEqual(first.map((r) => r.uri).sort(), [uri(a), bUri].sort());
    const ra = first.find((r) => r.uri === uri(a))!;
    const rb = first.find((r) => r.uri === bUri)!;
    assert.equal(ra.kind, 'full');
    assert.equal(ra.version, null);
    assert.ok(byCode(ra.items!, 'E02-interaction-directe'));
    assert.equal(rb.version, 3, 'the open document is reported at its version');
    assert.ok(
      rb.items!.some((d) => d.code === 'cadre-section-manquante' && String(d.message).includes('reversibilite')),
      'the open text (not the disk) is checked',
    );

    const previousResultIds = first.map((r) => ({ uri: r.uri, value: r.resultId! }));
    const second = (await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds })).items;
    assert.deepEqual(
      second.map((r) => r.kind),
      ['unchanged', 'unchanged'],
    );

    fs.writeFileSync(a, BASE + '\n# edited on disk\n');
    const changed = c.notification<{ uri: string }>('cadreIa/verdictsChanged', (p) => p.uri === uri(a));
    const refreshes = c.refreshRequests;
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(a), type: 2 }] });
    await changed;
    await sleep(100);
    assert.ok(c.refreshRequests > refreshes, 'the client is asked to pull again');
    const third = (await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds })).items as Report[];
    const ra3 = third.find((r) => r.uri === uri(a))!;
    assert.equal(ra3.kind, 'full');
    assert.equal(byCode(ra3.items!, 'E02-interaction-directe'), undefined);
    assert.equal(third.find((r) => r.uri === bUri)!.kind, 'unchanged');
    await c.close(bUri);
  });
});

describe('lsp: catalogue setting', () => {
  let dir: string;
  before(() => {
    dir = tmpDir();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('falls back to the bundled catalogue when the configured one is unusable, and says why once', async () => {
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'id: [broken');
    const c = await TestClient.start({ folders: [dir], settings: { catalogue: 'bad.yaml' } });
    const u = uri(path.join(dir, 'x.ia.yaml'));
    await c.open(u, E02_TRUE);
    const p = await c.diagnostics(u);
    assert.ok(byCode(p.diagnostics, 'E02-interaction-directe'), 'still checked, with the bundled catalogue');
    const info = await c.request<{ bundled: boolean; fallbackReason?: string; id: string }>('cadreIa/catalogue', { uri: u });
    assert.equal(info.bundled, true);
    assert.ok(info.fallbackReason);
    await c.notify('workspace/didChangeConfiguration', { settings: null });
    const u2 = uri(path.join(dir, 'y.ia.yaml'));
    await c.open(u2, BASE);
    await c.diagnostics(u2);
    const warnings = c.messages.filter((m) => m.type === (2 as MessageType));
    assert.equal(warnings.length, 1, JSON.stringify(c.messages));
    assert.match(warnings[0].message, /bad\.yaml/);
    assert.equal(await c.stop(), 0);
  });

  it('uses another catalogue (a path outside the workspace) that re-grades a rule', async () => {
    const yaml = fs.readFileSync(path.join(__dirname, '..', '..', 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8');
    const { parseDocument } = await import('yaml');
    const doc = parseDocument(yaml);
    const engagements = doc.get('engagements') as { items: { get(k: string): unknown }[] };
    const e02 = engagements.items.find((e) => e.get('id') === 'E02') as { get(k: string): { items: { set(k: string, v: string): void; get(k: string): unknown }[] } };
    e02
      .get('rules')
      .items.find((r) => r.get('id') === 'E02-interaction-directe')!
      .set('severity', 'warning');
    const other = tmpDir('cadre-ia-catalogue-');
    const file = path.join(other, 'autre-ville.yaml');
    fs.writeFileSync(file, doc.toString());
    const c = await TestClient.start({ folders: [dir], settings: { catalogue: file } });
    const u = uri(path.join(dir, 'x.ia.yaml'));
    await c.open(u, E02_TRUE);
    const p = await c.diagnostics(u);
    assert.equal(byCode(p.diagnostics, 'E02-interaction-directe')?.severity, 2);
    const info = await c.request<{ bundled: boolean; file: string }>('cadreIa/catalogue', { uri: u });
    assert.deepEqual({ bundled: info.bundled, file: info.file }, { bundled: false, file });
    assert.equal(c.messages.length, 0);
    // The catalogue file is watched; when it changes on disk, open documents are checked again.
    assert.ok(JSON.stringify(c.registrations).includes(JSON.stringify(file)), JSON.stringify(c.registrations));
    fs.writeFileSync(file, doc.toString().replace(/severity: warning/, 'severity: error'));
    const from = c.published.length;
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: 2 }] });
    await c.diagnostics(u, (p) => c.published.indexOf(p) >= from && byCode(p.diagnostics, 'E02-interaction-directe')?.severity === 1);
    assert.equal(await c.stop(), 0);
    fs.rmSync(other, { recursive: true, force: true });
  });
});
