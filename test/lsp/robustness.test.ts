/**
 * The server stays up: malformed messages on the wire, requests of every kind for unknown
 * documents or with broken parameters, abusive edits, a flood of 1,000 edits in a second (only
 * the last version is validated and published), cancelled requests, shutdown/exit, a client
 * that dies, hostile documents (50 MB, bombs, deep nesting) and unusable catalogue files (the
 * bundled catalogue is used and the user is told why).
 *
 * Complements lifecycle.test.ts (exit codes, one failing request) and diagnostics.test.ts (one
 * broken catalogue, rapid edits). The client-side "a killed server is restarted" check belongs
 * to the VS Code client's tests; here the wire-level counterparts: a corrupt stream makes the
 * server exit (so that the editor restarts it) instead of hanging, and a dead client makes it exit.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { lintText } from '../../server/src/core/engine';
import { BASE, E02_TRUE, lineOf } from './fixtures';
import { PULL_CAPABILITIES, ROOT, sleep, TestClient, tmpDir, uri, withTimeout } from './helper';

const NOW = new Date('2026-06-01T12:00:00Z'); // the helper starts the server with CADRE_IA_DATE=2026-06-01
const COMPLETE = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'schema', 'complete.ia.yaml'), 'utf8');
const hasProc = fs.existsSync('/proc/self/status');

/** Resident memory of a process, MB (Linux). */
function rssMB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/** CPU time (user + system) a process has used, ms (Linux). */
function cpuMs(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

/** What the server published, comparable with the core's own result for the same text. */
const shape = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);
const coreShape = (text: string) =>
  lintText(text, { now: NOW, locale: 'fr' }).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);

/** A frame as on the wire. */
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** Every request a client may send about a document, with plausible parameters. */
function documentRequests(docUri: string): [string, unknown][] {
  const position = { line: 1, character: 2 };
  const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
  return [
    ['textDocument/hover', { textDocument: { uri: docUri }, position }],
    ['textDocument/completion', { textDocument: { uri: docUri }, position, context: { triggerKind: 2, triggerCharacter: ':' } }],
    ['textDocument/codeAction', { textDocument: { uri: docUri }, range, context: { diagnostics: [] } }],
    ['textDocument/codeAction', { textDocument: { uri: docUri }, range, context: { diagnostics: [], only: ['source.fixAll.cadre-ia'] } }],
    ['textDocument/documentSymbol', { textDocument: { uri: docUri } }],
    ['textDocument/foldingRange', { textDocument: { uri: docUri } }],
    ['textDocument/documentLink', { textDocument: { uri: docUri } }],
    ['textDocument/codeLens', { textDocument: { uri: docUri } }],
    ['cadreIa/verdicts', { uri: docUri }],
    ['cadreIa/catalogue', { uri: docUri }],
  ];
}

/** Sends every request; each gets an answer (a result or an error), none hangs. */
async function askEverything(c: TestClient, docUri: string): Promise<{ method: string; ok: boolean; error?: string }[]> {
  const out: { method: string; ok: boolean; error?: string }[] = [];
  for (const [method, params] of documentRequests(docUri)) {
    try {
      await withTimeout(c.request(method, params), 20_000, method);
      out.push({ method, ok: true });
    } catch (e) {
      const err = e as { code?: number; message: string };
      assert.ok(typeof err.code === 'number', `${method}: no answer (${err.message})`);
      out.push({ method, ok: false, error: `${err.code} ${err.message}` });
    }
  }
  return out;
}

describe('lsp robustness: the wire', function () {
  this.timeout(60_000);

  it('invalid JSON, non-objects, messages without method, unknown methods: dropped or answered, the server keeps serving', async () => {
    const c = await TestClient.start({ settings: {} });
    const u = 'file:///wire/base.ia.yaml';
    await c.open(u, BASE);
    await c.diagnostics(u);
    // Raw frames, written while nothing else is in flight (frames must not interleave).
    c.proc.stdin!.write(frame('{"jsonrpc": "2.0", "id": 901, "method": '));
    c.proc.stdin!.write(frame('[1, 2, 3]'));
    c.proc.stdin!.write(frame('"juste une chaîne"'));
    c.proc.stdin!.write(frame('{"jsonrpc": "2.0", "id": 902}'));
    c.proc.stdin!.write(frame('{"jsonrpc": "2.0", "method": "cadreIa/inconnue", "params": {"x": 1}}'));
    c.proc.stdin!.write(frame('{"jsonrpc": "2.0", "id": 903, "result": "a response nobody asked for"}'));
    await sleep(200);
    await assert.rejects(c.request('cadreIa/inconnue', {}), (e: { code: number }) => e.code === -32601);
    const h = await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: lineOf(BASE, 'reversibilite:'), character: 3 } });
    assert.ok(h, 'still serving');
    assert.ok(c.alive);
    assert.equal(await c.stop(), 0);
  });

  it('broken parameters for every request: an error or an empty answer, never a crash', async () => {
    const c = await TestClient.start({ settings: {} });
    const u = 'file:///wire/params.ia.yaml';
    await c.open(u, E02_TRUE);
    await c.diagnostics(u);
    const broken: unknown[] = [
      null,
      {},
      { textDocument: null },
      { textDocument: { uri: 42 } },
      { textDocument: { uri: u }, position: 'x', range: [] },
      { textDocument: { uri: u }, position: { line: -5, character: 1e12 }, range: { start: { line: 99, character: -1 }, end: { line: -1, character: 0 } }, context: null },
    ];
    let answered = 0;
    for (const [method] of documentRequests(u)) {
      for (const params of broken) {
        await withTimeout(
          c.request(method, params).catch((e: { code: number }) => assert.equal(typeof e.code, 'number')),
          10_000,
          method,
        );
        answered++;
      }
    }
    for (const bad of [
      null,
      { title: 'x' },
      { title: 'x', data: { uri: u, version: 1, fix: { kind: 'set-value', args: { path: 'nope' } } } },
      { title: 'x', data: { uri: u, version: 1, fix: { kind: 'rm -rf', args: null } } },
    ]) {
      await c.request('codeAction/resolve', bad).catch(() => undefined);
      answered++;
    }
    assert.ok(answered > 60);
    // Still right afterwards.
    const p = await c.diagnostics(u);
    assert.ok(p.diagnostics.some((d) => d.code === 'E02-interaction-directe'));
    assert.ok(c.alive);
    assert.equal(await c.stop(), 0);
  });

  it('requests of every kind for documents it does not know: answered (null, empty or InvalidParams)', async () => {
    const c = await TestClient.start({ settings: {} });
    for (const u of ['file:///nowhere/absent.ia.yaml', 'untitled:Untitled-1', 'cadre-ia:/engagements/E01.md', 'http://example.org/x.ia.yaml', '%%%']) {
      const answers = await askEverything(c, u);
      for (const a of answers) if (!a.ok) assert.match(a.error!, /^-32602 /, `${a.method} on ${u}: ${a.error}`);
    }
    assert.ok(c.alive);
    assert.equal(await c.stop(), 0);
  });

  it('a corrupt header (bad Content-Length) makes the server say why and exit 1, so that the editor restarts it — it does not hang deaf', async () => {
    for (const garbage of ['Content-Length: abc\r\n\r\n{}', 'bonjour\r\n\r\n']) {
      const c = await TestClient.start({ settings: {} });
      const exited = new Promise<number | null>((resolve) => c.proc.on('exit', (code) => resolve(code)));
      c.proc.stdin!.write(garbage);
      const code = await withTimeout(exited, 10_000, 'exit after a corrupt header');
      assert.equal(code, 1);
      assert.match(c.stderr, /cadre-ia: corrupt LSP stream/);
      c.conn.dispose();
    }
  });

  it('a client that dies: stdin closed → the server exits; parent process gone → the server exits (processId watchdog)', async function () {
    this.timeout(30_000);
    const c = await TestClient.start({ settings: {} });
    const exited = new Promise<number | null>((resolve) => c.proc.on('exit', (code) => resolve(code)));
    c.proc.stdin!.end();
    assert.equal(await withTimeout(exited, 10_000, 'exit on stdin end'), 1, 'no shutdown was received: exit code 1');
    c.conn.dispose();

    // A "client" process whose pid the server watches; killed without any goodbye.
    const parent = spawn('sleep', ['60']);
    const server = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const serverExit = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: parent.pid, capabilities: {}, rootUri: null } });
    server.stdin.write(frame(init));
    await sleep(500);
    parent.kill('SIGKILL');
    const code = await withTimeout(serverExit, 15_000, 'exit after the parent died').catch((e) => {
      server.kill('SIGKILL');
      throw e;
    });
    assert.equal(code, 1);
  });
});

describe('lsp robustness: edits', function () {
  this.timeout(90_000);

  it('a flood of 1,000 edits in a second: only the last version is validated and published, and it is right', async () => {
    const c = await TestClient.start({ settings: {} });
    const pid = c.proc.pid!;
    const warm = 'file:///flood/warm.ia.yaml';
    await c.open(warm, COMPLETE);
    await c.diagnostics(warm);
    // The CPU one validation of this text costs, for comparison.
    let c0 = hasProc ? cpuMs(pid) : 0;
    const one = 'file:///flood/one.ia.yaml';
    await c.open(one, COMPLETE);
    await c.diagnostics(one);
    const single = hasProc ? Math.max(10, cpuMs(pid) - c0) : 0;

    const u = 'file:///flood/typing.ia.yaml';
    await c.open(u, COMPLETE, 1);
    await c.diagnostics(u, (p) => p.version === 1);
    await sleep(300); // the verdictsChanged notification of version 1 follows its diagnostics
    const from = c.published.length;
    const verdictsFrom = c.notifications.length;
    const model = TextDocument.create(u, 'declaration-ia', 1, COMPLETE);
    c0 = hasProc ? cpuMs(pid) : 0;
    const t0 = performance.now();
    // Someone types a 1,000-character line (and breaks the YAML on the way), one character per edit.
    const line = COMPLETE.split('\n').findIndex((l) => l.startsWith('  nom:'));
    for (let v = 2; v <= 1001; v++) {
      const ch = v % 97 === 0 ? '"' : v % 50 === 0 ? ': ' : 'é';
      const pos = model.positionAt(model.offsetAt({ line, character: 0 }) + 7 + (v - 2));
      const change = { range: { start: pos, end: pos }, text: ch };
      TextDocument.update(model, [change], v);
      void c.notify('textDocument/didChange', { textDocument: { uri: u, version: v }, contentChanges: [change] });
    }
    const sent = performance.now() - t0;
    const last = await c.diagnostics(u, (p) => p.version === 1001, 30_000);
    const total = performance.now() - t0;
    await sleep(500); // anything late would show now
    const cpu = hasProc ? cpuMs(pid) - c0 : 0;
    console.log(`      1,000 edits sent in ${sent.toFixed(0)} ms; last version published after ${total.toFixed(0)} ms; server CPU ${cpu} ms (one validation: ${single} ms)`);
    assert.ok(sent < 1000, `the flood took ${sent.toFixed(0)} ms to send`);
    const versions = c.published
      .slice(from)
      .filter((p) => p.uri === u)
      .map((p) => p.version);
    assert.deepEqual(versions, [1001], 'only the last version is published');
    const verdicts = c.notifications.slice(verdictsFrom).filter((n) => n.method === 'cadreIa/verdictsChanged' && (n.params as { uri: string }).uri === u);
    assert.equal(verdicts.length, 1, 'one validation reached the end');
    if (hasProc) assert.ok(cpu < 250 * single, `the server spent ${cpu} ms of CPU: it validated far more than the last version`);
    assert.deepEqual(shape(last.diagnostics), coreShape(model.getText()), 'the server applied every incremental edit');
    assert.equal(await c.stop(), 0);
  });

  it('abusive edits (ranges past the end, reversed, versions going back, changes to closed documents, double open): the text stays what the protocol says', async () => {
    const c = await TestClient.start({ settings: {} });
    const u = 'file:///edits/abuse.ia.yaml';
    await c.open(u, BASE, 1);
    await c.open(u, BASE, 1); // opened twice
    const model = TextDocument.create(u, 'declaration-ia', 1, BASE);
    const changes = [
      { range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 5 } }, text: '\nfin: true\n' },
      { range: { start: { line: 2, character: 500 }, end: { line: 1, character: 0 } }, text: '' },
      { range: { start: { line: -3, character: -3 }, end: { line: 0, character: 0 } }, text: '# début\n' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\r\n\ud83d\ude00: "\u0000"\r' },
    ];
    let v = 1;
    for (const change of changes) {
      v++;
      TextDocument.update(model, [change], v);
      await c.notify('textDocument/didChange', { textDocument: { uri: u, version: v }, contentChanges: [change] });
    }
    // A version that goes back, and changes for documents never opened or already closed.
    await c.notify('textDocument/didChange', { textDocument: { uri: u, version: 1 }, contentChanges: [] });
    await c.notify('textDocument/didChange', { textDocument: { uri: 'file:///edits/never.ia.yaml', version: 3 }, contentChanges: [{ text: 'x' }] });
    await c.close('file:///edits/never.ia.yaml');
    v++;
    await c.notify('textDocument/didChange', { textDocument: { uri: u, version: v }, contentChanges: [{ text: E02_TRUE }] });
    TextDocument.update(model, [{ text: E02_TRUE }], v);
    const p = await c.diagnostics(u, (x) => x.version === v);
    assert.deepEqual(shape(p.diagnostics), coreShape(model.getText()));
    assert.ok(c.alive);
    assert.equal(await c.stop(), 0);
  });

  it('cancelled requests: answered with a result or RequestCancelled, and the server goes on', async () => {
    const dir = tmpDir();
    try {
      for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `d${i}.ia.yaml`), COMPLETE.replace('transcription-conseils', `projet-${i}`));
      const c = await TestClient.start({ folders: [dir], settings: {} });
      const u = uri(path.join(dir, 'd0.ia.yaml'));
      await c.open(u, COMPLETE);
      await c.diagnostics(u);
      const outcomes: string[] = [];
      for (const [method, params] of [...documentRequests(u), ['cadreIa/verdicts', { uri: 'workspace' }] as [string, unknown]]) {
        const src = new CancellationTokenSource();
        const pending = c.conn.sendRequest(method, params, src.token);
        src.cancel();
        outcomes.push(
          await pending.then(
            () => 'result',
            (e: { code: number }) => String(e.code),
          ),
        );
      }
      for (const o of outcomes) assert.ok(o === 'result' || o === '-32800' || o === '-32602', `unexpected outcome ${o}`);
      await c.notify('$/cancelRequest', { id: 987654 });
      await c.notify('$/cancelRequest', null);
      const h = await c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 3, character: 3 } });
      assert.ok(h);
      assert.equal(await c.stop(), 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('after shutdown: requests fail with InvalidRequest, nothing more is published, exit gives 0', async () => {
    const c = await TestClient.start({ settings: {} });
    const u = 'file:///shutdown/a.ia.yaml';
    await c.open(u, BASE);
    await c.diagnostics(u);
    assert.equal(await c.request('shutdown', null), null);
    await assert.rejects(c.request('textDocument/hover', { textDocument: { uri: u }, position: { line: lineOf(BASE, 'reversibilite:'), character: 3 } }), (e: { code: number }) => e.code === -32600);
    const n = c.published.length;
    await c.change(u, 2, E02_TRUE);
    await sleep(600);
    assert.equal(c.published.length, n, 'published after shutdown');
    const exited = new Promise<number | null>((resolve) => c.proc.on('exit', (code) => resolve(code)));
    await c.notify('exit', null);
    assert.equal(await withTimeout(exited, 5000, 'exit'), 0);
    c.conn.dispose();
  });
});

describe('lsp robustness: hostile documents', function () {
  this.timeout(120_000);

  it('a 50 MB document: one "too large" diagnostic, every request answered at once, memory bounded', async () => {
    const c = await TestClient.start({ settings: {} });
    const pid = c.proc.pid!;
    const u = 'file:///hostile/big.ia.yaml';
    const before = hasProc ? rssMB(pid) : 0;
    const t0 = performance.now();
    await c.open(u, 'a: 1\n'.repeat(10 * 1024 * 1024));
    const p = await c.diagnostics(u, () => true, 60_000);
    console.log(`      50 MB: published after ${(performance.now() - t0).toFixed(0)} ms`);
    assert.equal(p.diagnostics.length, 1);
    assert.match(String(p.diagnostics[0].message), /^Fichier trop volumineux pour être vérifié \(52428800 > 5242880 caractères\)/);
    for (const [method, params] of documentRequests(u)) {
      const t1 = performance.now();
      await withTimeout(c.request(method, params), 10_000, method);
      const ms = performance.now() - t1;
      assert.ok(ms < 5000, `${method} took ${ms.toFixed(0)} ms on the refused document`);
    }
    await c.notify('textDocument/didChange', {
      textDocument: { uri: u, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '# x\n' }],
    });
    await c.diagnostics(u, (x) => x.version === 2, 60_000);
    if (hasProc) {
      const grown = rssMB(pid) - before;
      console.log(`      50 MB: server RSS grew by ${grown.toFixed(0)} MB (open + one edit)`);
      assert.ok(grown < 1500, `server RSS grew by ${grown.toFixed(0)} MB`);
    }
    await c.close(u);
    assert.equal(await c.stop(), 0);
  });

  it('unopened workspace files that cannot be read (50 MB, not UTF-8): one clear, localized diagnostic each in workspace diagnostics', async () => {
    const dir = tmpDir();
    try {
      fs.writeFileSync(path.join(dir, 'big.ia.yaml'), Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'));
      fs.writeFileSync(path.join(dir, 'latin1.ia.yaml'), Buffer.from('cadre: lyon-ia/v1\nprojet:\n  nom: \xe9t\xe9\n', 'latin1'));
      fs.writeFileSync(path.join(dir, 'ok.ia.yaml'), E02_TRUE);
      const c = await TestClient.start({ capabilities: PULL_CAPABILITIES, folders: [dir], settings: {} });
      const report = await c.request<{ items: { uri: string; items?: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
      const of = (name: string) => report.items.find((i) => i.uri === uri(path.join(dir, name)))?.items?.map((d) => String(d.message));
      assert.deepEqual(of('big.ia.yaml'), ['Fichier trop volumineux pour être vérifié (52428800 caractères) : découpez la déclaration ou relevez la limite « cadreIa.maxFileSize ».']);
      assert.deepEqual(of('latin1.ia.yaml'), ['Encodage invalide : le fichier n’est pas en UTF-8 (ou il est binaire). Enregistrez-le en UTF-8.']);
      assert.ok(of('ok.ia.yaml')?.some((m) => /interaction directe/i.test(m)));
      assert.equal(await c.stop(), 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cadreIa.maxFileSize is honoured: a small limit refuses a normal declaration with one diagnostic', async () => {
    const c = await TestClient.start({ settings: { maxFileSize: 1024 } });
    const u = 'file:///hostile/limit.ia.yaml';
    await c.open(u, COMPLETE);
    const p = await c.diagnostics(u);
    assert.deepEqual(
      p.diagnostics.map((d) => String(d.message)),
      [`Fichier trop volumineux pour être vérifié (${COMPLETE.length} > 1024 caractères) : découpez la déclaration ou relevez la limite « cadreIa.maxFileSize ».`],
    );
    assert.equal(await c.stop(), 0);
  });

  it('bombs, deep nesting, binary, broken text: diagnostics published, every request answered, the same as the core', async () => {
    const c = await TestClient.start({ settings: {} });
    const texts: Record<string, string> = {
      bomb:
        'a: &a [x, x, x, x, x, x, x, x, x]\n' +
        'bcdefgh'
          .split('')
          .map(
            (k, i) =>
              `${k}: &${k} [${Array(9)
                .fill('*' + 'abcdefg'[i])
                .join(', ')}]`,
          )
          .join('\n'),
      deep: '- '.repeat(10_000) + 'x',
      flowdeep: 'cadre: lyon-ia/v1\nprojet: ' + '{a: '.repeat(10_000) + '}'.repeat(10_000),
      self: 'cadre: lyon-ia/v1\nprojet: &p {id: x, nom: *p}\n',
      binary: 'cadre: lyon-ia/v1\u0000\u0001',
      crlf: BASE.replace(/\n/g, '\r\n').replace('usagers:', '\ufeffusagers:\r'),
      errors: ']['.repeat(20_000),
    };
    for (const [name, text] of Object.entries(texts)) {
      const u = `file:///hostile/${name}.ia.yaml`;
      await c.open(u, text);
      const p: PublishDiagnosticsParams = await c.diagnostics(u, () => true, 30_000);
      assert.ok(p.diagnostics.length > 0, name);
      assert.deepEqual(shape(p.diagnostics), coreShape(text), name);
      await askEverything(c, u);
      await c.close(u);
    }
    assert.ok(c.alive);
    assert.equal(await c.stop(), 0);
  });
});

describe('lsp robustness: unusable catalogue files', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = tmpDir('cadre-ia-catalogue-');
    fs.writeFileSync(path.join(dir, 'invalid.yaml'), 'id: [cassé\n');
    fs.writeFileSync(path.join(dir, 'unknown-key.yaml'), '$ref: https://evil.example/catalogue.yaml\n' + fs.readFileSync(path.join(ROOT, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'deep.yaml'), 'id: ' + '['.repeat(10_000) + ']'.repeat(10_000));
    fs.writeFileSync(path.join(dir, 'huge.yaml'), '#'.repeat(3 * 1024 * 1024));
    fs.mkdirSync(path.join(dir, 'folder.yaml'));
    assert.equal(spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]).status, 0);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, RegExp][] = [
    ['invalid.yaml', /invalid YAML/],
    ['unknown-key.yaml', /must NOT have additional properties/],
    ['deep.yaml', /TOO_DEEP/],
    ['huge.yaml', /larger than 2 MiB/],
    ['folder.yaml', /not a file/],
    ['pipe.yaml', /not a file/],
    ['zero.yaml', /not a file/],
    ['missing.yaml', /ENOENT/],
    ['${workspaceFolder}/../../../../../../../../etc/hostname', /must be object|invalid YAML|required property|ENOENT/],
  ];
  for (const [setting, why] of cases) {
    it(`cadreIa.catalogue = ${setting}: the bundled catalogue is used, window/showMessage says why, the server stays up`, async () => {
      const c = await TestClient.start({ folders: [dir], settings: { catalogue: setting } });
      const u = uri(path.join(dir, 'x.ia.yaml'));
      await c.open(u, E02_TRUE);
      const p = await c.diagnostics(u, () => true, 20_000);
      assert.ok(
        p.diagnostics.some((d) => d.code === 'E02-interaction-directe'),
        'still checked with the bundled catalogue',
      );
      const info = await c.request<{ bundled: boolean; fallbackReason?: string }>('cadreIa/catalogue', { uri: u });
      assert.equal(info.bundled, true);
      assert.match(info.fallbackReason ?? '', why);
      await sleep(100);
      const warnings = c.messages.filter((m) => m.type === 2);
      assert.equal(warnings.length, 1, JSON.stringify(c.messages));
      assert.match(warnings[0].message, /^Cadre IA : le catalogue « .+ » est inutilisable \(.+\)\. Seuls les cadres fournis avec l’extension \(lyon-ia\/v1, socle-ia\/v1\) sont utilisés\.$/s);
      assert.match(warnings[0].message, why);
      assert.ok(c.alive);
      assert.equal(await c.stop(), 0);
    });
  }
});
