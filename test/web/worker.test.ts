/**
 * The browser language server (`dist/web/server.js`) in a Web Worker of headless Chromium,
 * driven over postMessage (workerClient.ts), against the desktop: the same diagnostics (codes,
 * severities, ranges) and the same verdicts as `cadre-ia lint` on every example and fixture
 * folder — files found and read through the client's file requests, under a virtual URI
 * scheme — and the same hovers, completions and code actions as the Node server over stdio.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PULL_CAPABILITIES, TestClient, uri as fileUri } from '../lsp/helper';
import { relOf, ROOT, uriOf, WorkerClient } from './workerClient';

const DATE = '2026-06-01';
const FOLDERS = [
  'examples',
  ...fs
    .readdirSync(path.join(ROOT, 'test', 'fixtures'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join('test', 'fixtures', d.name)),
].sort();
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

interface CliFile {
  file: string;
  diagnostics: { code: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
  engagements?: Record<string, string>;
}
type LspDiag = { code?: string | number; severity?: number; range: CliFile['diagnostics'][number]['range'] };

const key = (code: unknown, severity: string, r: CliFile['diagnostics'][number]['range']) => `${String(code)} ${severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function cliLint(folders: string[]): Map<string, CliFile> {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', ...folders, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CADRE_IA_DATE: DATE, CADRE_IA_LOCALE: 'fr' },
  });
  assert.ok(r.status !== null && r.status <= 2, `cadre-ia lint failed: ${r.stderr}`);
  const files = JSON.parse(r.stdout) as CliFile[];
  return new Map(files.map((f) => [path.normalize(f.file), f]));
}

describe('web: the browser server in a Chromium web worker', function () {
  this.timeout(240_000);
  let worker: WorkerClient;
  let cli: Map<string, CliFile>;

  before(async () => {
    cli = cliLint(FOLDERS);
    worker = await WorkerClient.start();
    const init = await worker.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: PULL_CAPABILITIES,
      initializationOptions: { locale: 'fr', date: DATE },
      workspaceFolders: FOLDERS.map((f) => ({ uri: uriOf(f), name: f })),
    });
    assert.ok(init.capabilities.diagnosticProvider, 'the worker announced no pull diagnostics');
    await worker.notify('initialized', {});
  });

  after(async () => {
    await worker?.stop();
  });

  it('finds and reads every declaration of every example and fixture folder through the client, and gives the CLI’s diagnostics', async () => {
    const report = await worker.request<{ items: { uri: string; kind: string; items?: LspDiag[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const got = new Map<string, string[]>();
    for (const item of report.items) {
      const rel = relOf(item.uri);
      assert.ok(rel, `unexpected URI ${item.uri}`);
      assert.equal(item.kind, 'full');
      got.set(rel, (item.items ?? []).map((d) => key(d.code, SEVERITY[d.severity ?? 1], d.range)).sort());
    }
    assert.deepEqual([...got.keys()].sort(), [...cli.keys()].sort(), 'the worker and the CLI did not find the same files');
    assert.ok(got.size >= 150, `only ${got.size} declarations`);
    let diagnostics = 0;
    for (const [file, f] of cli) {
      const want = f.diagnostics.map((d) => key(d.code, d.severity, d.range)).sort();
      assert.deepEqual(got.get(file), want, file);
      diagnostics += want.length;
    }
    assert.ok(diagnostics > 300, `only ${diagnostics} diagnostics compared`);
    console.log(`      ${got.size} declarations in ${FOLDERS.length} folders, ${diagnostics} diagnostics: identical to cadre-ia lint`);
    assert.ok(worker.serverRequests.includes('cadreIa/fs/findDeclarations') && worker.serverRequests.includes('cadreIa/fs/readFile'), 'the files did not go through the client');
    assert.deepEqual(worker.errors, []);
  });

  it('gives the CLI’s verdicts for the workspace checklist', async () => {
    const res = await worker.request<{ documents: { uri: string; engagements: { id: string; verdict: string }[] }[] }>('cadreIa/verdicts', {});
    assert.equal(res.documents.length, cli.size);
    for (const d of res.documents) {
      const rel = relOf(d.uri)!;
      const want = cli.get(rel)?.engagements;
      assert.ok(want, `no CLI verdicts for ${rel}`);
      assert.deepEqual(Object.fromEntries(d.engagements.map((e) => [e.id, e.verdict])), want, rel);
    }
  });

  describe('on an open document, answers as the Node server does', () => {
    const rel = path.join('examples', 'assistant-conversationnel-usagers.ia.yaml');
    const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
    const webUri = uriOf(rel);
    const nodeUri = fileUri(path.join(ROOT, rel));
    let node: TestClient;
    /** The same answer from both servers, URIs aside. */
    const same = async (method: string, params: (uri: string) => unknown): Promise<unknown> => {
      const [w, n] = await Promise.all([worker.request(method, params(webUri)), node.request(method, params(nodeUri))]);
      const norm = (v: unknown, u: string) =>
        JSON.parse(
          JSON.stringify(v ?? null)
            .split(JSON.stringify(u).slice(1, -1))
            .join('<doc>'),
        );
      assert.deepEqual(norm(w, webUri), norm(n, nodeUri), `${method} ${JSON.stringify(params('<doc>'))}`);
      return norm(w, webUri);
    };

    before(async () => {
      node = await TestClient.start({ capabilities: PULL_CAPABILITIES, initializationOptions: { locale: 'fr' }, folders: [] });
      await worker.notify('textDocument/didOpen', { textDocument: { uri: webUri, languageId: 'declaration-ia', version: 1, text } });
      await node.open(nodeUri, text);
    });
    after(async () => {
      await node?.stop();
    });

    it('diagnostics of the open document', async () => {
      const d = (await same('textDocument/diagnostic', (u) => ({ textDocument: { uri: u } }))) as { items: LspDiag[] };
      assert.ok(
        d.items.some((x) => x.code === 'E02-interaction-directe'),
        'E02 expected on this example',
      );
    });

    it('hover on every key', async () => {
      let answered = 0;
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        const m = /^(\s*)([a-z_]+):/.exec(lines[line]);
        if (!m) continue;
        const h = (await same('textDocument/hover', (u) => ({ textDocument: { uri: u }, position: { line, character: m[1].length + 1 } }))) as { contents?: { value?: string } } | null;
        if (h?.contents?.value) answered++;
      }
      assert.ok(answered >= 20, `only ${answered} hovers`);
    });

    it('completion of keys and values', async () => {
      const lines = text.split('\n');
      const statut = lines.findIndex((l) => /^\s+statut:/.test(l));
      const section = lines.findIndex((l) => /^usagers:/.test(l));
      const values = (await same('textDocument/completion', (u) => ({ textDocument: { uri: u }, position: { line: statut, character: lines[statut].indexOf(':') + 2 } }))) as { items: unknown[] };
      assert.ok(values.items.length > 0, 'no value completion');
      const keys = (await same('textDocument/completion', (u) => ({ textDocument: { uri: u }, position: { line: section + 1, character: 2 } }))) as { items: unknown[] };
      assert.ok(keys.items.length > 0, 'no key completion');
    });

    it('code actions for every diagnostic, and their resolved edits', async () => {
      const d = (await worker.request('textDocument/diagnostic', { textDocument: { uri: webUri } })) as { items: (LspDiag & Record<string, unknown>)[] };
      const nd = (await node.request('textDocument/diagnostic', { textDocument: { uri: nodeUri } })) as { items: (LspDiag & Record<string, unknown>)[] };
      let actions = 0;
      for (let i = 0; i < d.items.length; i++) {
        const list = (await same('textDocument/codeAction', (u) => ({ textDocument: { uri: u }, range: d.items[i].range, context: { diagnostics: [u === webUri ? d.items[i] : nd.items[i]] } }))) as {
          title: string;
          data?: unknown;
        }[];
        actions += list.length;
      }
      assert.ok(actions > 0, 'no code action at all');
      const [wa] = (await worker.request('textDocument/codeAction', { textDocument: { uri: webUri }, range: d.items[0].range, context: { diagnostics: d.items } })) as Record<string, unknown>[];
      const [na] = (await node.request('textDocument/codeAction', { textDocument: { uri: nodeUri }, range: nd.items[0].range, context: { diagnostics: nd.items } })) as Record<string, unknown>[];
      assert.ok(wa, 'no action on the first diagnostic');
      const [wr, nr] = await Promise.all([worker.request('codeAction/resolve', wa), node.request('codeAction/resolve', na)]);
      const norm = (v: unknown, u: string) => JSON.stringify(v).split(JSON.stringify(u).slice(1, -1)).join('<doc>');
      assert.equal(norm(wr, webUri), norm(nr, nodeUri));
      assert.match(norm(wr, webUri), /"edit"/);
    });

    it('says in the user’s language that the annual report needs a disk', async () => {
      await assert.rejects(worker.request('cadreIa/report', { outDir: 'bilan', year: 2026 }), /bilan annuel.*disque/);
    });
    it('says in the user’s language that the notice is produced by the CLI or desktop VS Code', async () => {
      await assert.rejects(worker.request('cadreIa/notice', { uri: 'file:///x.ia.yaml', format: 'md' }), /notice de transparence.*cadre-ia notice/);
    });
  });
});
