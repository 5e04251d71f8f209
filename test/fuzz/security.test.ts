/**
 * The claims of SECURITY.md, each backed by a test that can fail:
 * 1. what is read and written: the CLI and the server, run under an audit preload
 *    (audit-preload.js) that records every file read or written, every network attempt and
 *    every child process — reads stay in the package, the workspace and the configured
 *    catalogue; writes only where the annual report was asked to go;
 * 2. no workspace content is executed: YAML tags that other loaders execute stay data, no
 *    child process is started, our sources never evaluate strings;
 * 3. no network: no network call at run time, and in the bundles only the libraries' known
 *    transports import network modules (esbuild's metafile says who imports what);
 * 4. schemas: `$ref`s are local only, the catalogue schema refuses unknown keys at every level;
 * 5. untrusted workspaces: the manifest restricts `cadreIa.catalogue`;
 * 6. the limits SECURITY.md states are the ones in the code; how to report is written down.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { MAX_CATALOGUE_BYTES } from '../../server/src/core/catalogue';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/core/engine';
import { ALL_RULES } from '../../server/src/core/rules';
import { MAX_ALIAS_COUNT, MAX_NESTING, MAX_SYNTAX_PROBLEMS, MAX_TOKENS } from '../../server/src/core/parse';
import { createAjv, MAX_SCHEMA_DIAGNOSTICS } from '../../server/src/core/schema';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import { TestClient, uri } from '../lsp/helper';
import { log, ROOT } from './support';

const PRELOAD = path.join(__dirname, 'audit-preload.js');
const SECURITY = fs.readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface AuditEvent {
  kind: 'read' | 'write' | 'network' | 'process' | 'start' | 'exit';
  what: string;
}
const readAudit = (file: string): AuditEvent[] =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as AuditEvent)
    : [];
const inside = (dir: string, p: string) => p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/** Declarations that would do harm if anything executed them. */
const EVIL = `cadre: lyon-ia/v1
projet:
  id: !!js/function "function () { require('child_process').execSync('touch PWNED') }"
  nom: !!python/object/apply:os.system ["touch PWNED"]
  description: $(touch PWNED) \`touch PWNED\` <%= require('fs').writeFileSync('PWNED', '') %>
  direction: !<tag:yaml.org,2002:js/undefined> x
  responsable: { nom: "{{constructor.constructor('return process')().exit()}}", email: a@b.fr }
droits:
  publication_regles_url: https://evil.example/exfiltrate?data=secret
`;

function workspace(): { dir: string; decls: string; catalogueDir: string; catalogue: string; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-security-'));
  const decls = path.join(dir, 'ws');
  fs.mkdirSync(path.join(decls, 'sous-dossier'), { recursive: true });
  fs.writeFileSync(path.join(decls, 'evil.ia.yaml'), EVIL);
  for (const f of fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.ia.yaml'))
    .slice(0, 3))
    fs.copyFileSync(path.join(ROOT, 'examples', f), path.join(decls, 'sous-dossier', f));
  const catalogueDir = path.join(dir, 'catalogues');
  fs.mkdirSync(catalogueDir);
  const catalogue = path.join(catalogueDir, 'autre-ville.yaml');
  fs.copyFileSync(path.join(ROOT, 'schemas', 'frameworks', 'lyon-2025.yaml'), catalogue);
  return { dir, decls, catalogueDir, catalogue, out: path.join(dir, 'rapport') };
}

/** Reads allowed: the package (bundles, schemas, manifest), the workspace, the catalogue. */
function assertAudit(events: AuditEvent[], allowedReads: string[], allowedWrites: string[]): void {
  assert.ok(
    events.some((e) => e.kind === 'start'),
    'the audit preload did not run',
  );
  assert.deepEqual(
    events.filter((e) => e.kind === 'network'),
    [],
    'network access',
  );
  assert.deepEqual(
    events.filter((e) => e.kind === 'process'),
    [],
    'child process',
  );
  const badWrites = events.filter((e) => e.kind === 'write' && !allowedWrites.some((d) => inside(d, e.what)));
  assert.deepEqual(badWrites, [], 'writes outside the allowed folders');
  const badReads = events.filter((e) => e.kind === 'read' && !e.what.startsWith('fd:') && !allowedReads.some((d) => inside(d, e.what)));
  assert.deepEqual(badReads, [], 'reads outside the package, the workspace and the catalogue');
}

/** What `report --year 2026` writes: the public bilan, the internal review, the registers. */
const REPORT_FILES_2026 = ['bilan-2026-revue.html', 'bilan-2026-revue.md', 'bilan-2026.html', 'bilan-2026.md', 'registre-2026-excel.csv', 'registre-2026.csv', 'registre-2026.json'];

describe('security: what is read and written, no network, nothing executed (audited runs)', function () {
  this.timeout(120_000);
  let w: ReturnType<typeof workspace>;
  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    w = workspace();
  });
  after(() => fs.rmSync(w.dir, { recursive: true, force: true }));

  const packageDirs = () => [path.join(ROOT, 'dist'), path.join(ROOT, 'bin'), path.join(ROOT, 'schemas'), path.join(ROOT, 'package.json')];

  it('CLI lint (every format, another catalogue): reads the package, the paths and the catalogue; writes nothing; no network; runs nothing', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const audit = path.join(w.dir, `audit-lint-${format}.jsonl`);
      const r = spawnSync(process.execPath, ['--require', PRELOAD, path.join(ROOT, 'bin', 'cadre-ia.js'), 'lint', w.decls, '--format', format, '--catalogue', w.catalogue], {
        cwd: w.dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: w.dir, CADRE_IA_AUDIT: audit, CADRE_IA_DATE: '2026-06-01' },
      });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /evil\.ia\.yaml/);
      const events = readAudit(audit);
      log(`lint --format ${format}: ${events.filter((e) => e.kind === 'read').length} reads, ${events.filter((e) => e.kind === 'write').length} writes`);
      assertAudit(events, [...packageDirs(), w.decls, w.catalogue], []);
      assert.ok(
        events.some((e) => e.kind === 'read' && e.what === path.join(w.decls, 'evil.ia.yaml')),
        'the audit sees the reads',
      );
    }
    assert.ok(!fs.existsSync(path.join(w.dir, 'PWNED')) && !fs.existsSync(path.join(w.decls, 'PWNED')), 'something was executed');
  });

  it('CLI report: writes its files (public bilan, internal review, registers) into --out, and nothing else', () => {
    const audit = path.join(w.dir, 'audit-report.jsonl');
    const out = path.join(w.out, 'cli');
    const r = spawnSync(process.execPath, ['--require', PRELOAD, path.join(ROOT, 'bin', 'cadre-ia.js'), 'report', w.decls, '--year', '2026', '--out', out], {
      cwd: w.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: w.dir, CADRE_IA_AUDIT: audit, CADRE_IA_DATE: '2026-06-01' },
    });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.deepEqual(fs.readdirSync(out).sort(), REPORT_FILES_2026);
    assertAudit(readAudit(audit), [...packageDirs(), w.decls], [out]);
  });

  it('language server: a whole session (every request, workspace verdicts, another catalogue, the report) reads and writes only what it should', async () => {
    const audit = path.join(w.dir, 'audit-server.jsonl');
    const out = path.join(w.out, 'lsp');
    const c = await TestClient.start({
      command: [process.execPath, '--require', PRELOAD, path.join(ROOT, 'dist', 'server.js'), '--stdio'],
      env: { CADRE_IA_AUDIT: audit, HOME: w.dir },
      folders: [w.decls],
      settings: { catalogue: w.catalogue },
    });
    const u = uri(path.join(w.decls, 'evil.ia.yaml'));
    await c.open(u, EVIL);
    const p = await c.diagnostics(u);
    assert.ok(p.diagnostics.length > 0);
    const position = { line: 2, character: 4 };
    const range = { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } };
    await c.request('textDocument/hover', { textDocument: { uri: u }, position });
    await c.request('textDocument/completion', { textDocument: { uri: u }, position });
    const actions = await c.request<{ data?: unknown }[]>('textDocument/codeAction', { textDocument: { uri: u }, range, context: { diagnostics: [] } });
    for (const a of actions.slice(0, 5)) await c.request('codeAction/resolve', a);
    for (const m of ['documentSymbol', 'foldingRange', 'documentLink', 'codeLens']) await c.request(`textDocument/${m}`, { textDocument: { uri: u } });
    await c.request('cadreIa/verdicts', { uri: u });
    await c.request('cadreIa/verdicts', {});
    await c.request('workspace/diagnostic', { previousResultIds: [] }).catch(() => undefined);
    await c.request('cadreIa/catalogue', { uri: u });
    await c.request('cadreIa/engagement', { id: 'E02' });
    await c.request('cadreIa/newDeclaration', { nom: 'Projet $(touch PWNED)', direction: '<script>alert(1)</script>' });
    await c.request('cadreIa/report', { outDir: out, year: 2026 });
    assert.equal(await c.stop(), 0);
    const events = readAudit(audit);
    log(`server session: ${events.filter((e) => e.kind === 'read').length} reads, ${events.filter((e) => e.kind === 'write').length} writes`);
    assertAudit(events, [...packageDirs(), w.decls, w.catalogue], [out]);
    assert.ok(
      events.some((e) => e.kind === 'read' && inside(path.join(w.decls, 'sous-dossier'), e.what)),
      'the audit sees the workspace reads',
    );
    assert.ok(
      events.some((e) => e.kind === 'read' && e.what === w.catalogue),
      'the audit sees the catalogue read',
    );
    assert.ok(
      events.some((e) => e.kind === 'write' && inside(out, e.what)),
      'the audit sees the report written',
    );
    assert.deepEqual(fs.readdirSync(out).sort(), REPORT_FILES_2026, 'the report was written');
    assert.ok(!fs.existsSync(path.join(w.decls, 'PWNED')) && !fs.existsSync(path.join(ROOT, 'PWNED')), 'something was executed');
  });
});

describe('security: the bundles and the sources', function () {
  this.timeout(120_000);

  const NETWORK = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns'];
  const EXECUTION = ['child_process', 'vm', 'worker_threads', 'cluster', 'inspector'];
  const strip = (m: string) => m.replace(/^node:/, '').split('/')[0];
  /**
   * Who may import what, and why: the libraries' own transports and helpers. Our code is in
   * none of these entries.
   */
  const ALLOWED: Record<string, RegExp> = {
    net: /node_modules\/vscode-jsonrpc\/lib\/node\/main\.js$/, // pipe and socket transports (--pipe, --socket), unused over stdio and IPC
    // server: Files.resolveGlobalNodePath (never called); client: starts our own bundled server, and stops it (processes.js)
    child_process: /node_modules\/(vscode-languageserver\/lib\/node\/files\.js|vscode-languageclient\/lib\/node\/(main|processes)\.js)$|^server\/src\/node\/git\.ts$/,
    worker_threads: /^server\/src\/node\/(pool|lintWorker)\.ts$/,
  };
  /**
   * Our own files allowed one of those modules, and why (each is the only one of its kind):
   * - node/pool.ts and node/lintWorker.ts, `worker_threads`: the lint worker pool; it starts
   *   only our bundled `dist/lint-worker.js`, never a path or code taken from input.
   * - node/git.ts, `child_process`: `cadre-ia diff` reads the base version with `git`, run with
   *   argument arrays (no shell) and read-only commands only (rev-parse, merge-base, diff
   *   --name-status, ls-files, show).
   */
  const OURS: Record<string, string> = { 'server/src/node/pool.ts': 'worker_threads', 'server/src/node/lintWorker.ts': 'worker_threads', 'server/src/node/git.ts': 'child_process' };

  for (const entry of ['server/src/cli/index.ts', 'server/src/lsp/main.ts', 'client/src/extension.ts']) {
    it(`${entry}: network and process modules are imported only by the libraries' known transports`, async () => {
      const r = await esbuild.build({
        entryPoints: [path.join(ROOT, entry)],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        write: false,
        metafile: true,
        logLevel: 'silent',
        outdir: path.join(os.tmpdir(), 'cadre-ia-metafile'),
      });
      const found: string[] = [];
      for (const [file, input] of Object.entries(r.metafile.inputs)) {
        for (const imp of input.imports) {
          const mod = strip(imp.path);
          if (!NETWORK.includes(mod) && !EXECUTION.includes(mod)) continue;
          found.push(`${mod} ← ${file}`);
          assert.ok(ALLOWED[mod]?.test(file), `${file} imports ${imp.path}`);
        }
      }
      log(`${entry}: ${found.length ? found.join(', ') : 'none'}`);
      const ours = Object.keys(r.metafile.inputs).filter((f) => !f.includes('node_modules'));
      assert.ok(ours.length > 5, 'the metafile lists our sources');
    });
  }

  it('our sources import no network or process module and never evaluate strings', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name)) files.push(p);
      }
    };
    for (const d of ['server/src', 'client/src', 'shared']) walk(path.join(ROOT, d));
    assert.ok(files.length > 50);
    for (const file of Object.keys(OURS)) assert.ok(files.includes(path.join(ROOT, file)), `${file} (allowed a process module) exists`);
    const modules = [...NETWORK, ...EXECUTION].join('|');
    const importRe = new RegExp(`(from\\s+|require\\(\\s*|import\\(\\s*)['"](node:)?(${modules})(/[^'"]*)?['"]`);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      const rel = path.relative(ROOT, f).split(path.sep).join('/');
      const allowed = OURS[rel];
      const own = allowed ? new RegExp(`(from\\s+|require\\(\\s*|import\\(\\s*)['"](node:)?${allowed}['"]`, 'g') : undefined;
      if (own) assert.match(text, own, `${rel} no longer imports ${allowed}: drop its exception`);
      const others = own ? text.replace(own, '') : text;
      assert.doesNotMatch(others, importRe, `${rel} imports a network or process module`);
      assert.doesNotMatch(text, /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/, `${path.relative(ROOT, f)} evaluates a string`);
    }
    // The one place code is generated: ajv compiling our bundled schemas, never loading remote ones.
    const ajv = createAjv();
    assert.equal((ajv.opts as { loadSchema?: unknown }).loadSchema, undefined, 'ajv may load schemas from elsewhere');
  });
});

describe('security: schemas, manifest and the document itself', () => {
  const walkJson = (node: unknown, visit: (n: Record<string, unknown>, where: string) => void, where = '#') => {
    if (Array.isArray(node)) {
      for (const [i, x] of node.entries()) walkJson(x, visit, `${where}/${i}`);
    } else if (node && typeof node === 'object') {
      visit(node as Record<string, unknown>, where);
      for (const [k, v] of Object.entries(node)) walkJson(v, visit, `${where}/${k}`);
    }
  };

  for (const name of ['declaration.schema.json', 'catalogue.schema.json']) {
    it(`${name}: every $ref is local (#…), nothing is fetched`, () => {
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8'));
      const refs: string[] = [];
      walkJson(schema, (n) => {
        for (const k of ['$ref', '$dynamicRef', '$recursiveRef']) if (typeof n[k] === 'string') refs.push(n[k] as string);
      });
      for (const r of refs) assert.match(r, /^#/, `${name}: remote reference ${r}`);
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', 'a meta-schema ajv knows offline');
    });
  }

  it('the catalogue schema refuses unknown keys at every level (a catalogue cannot carry includes, code or remote references)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'catalogue.schema.json'), 'utf8'));
    let objects = 0;
    walkJson(schema, (n, where) => {
      // A rule's `options` is checked against that rule's own options schema (below), not here.
      if (where.endsWith('/properties/options')) return;
      if (n.type === 'object' || n.properties) {
        objects++;
        assert.equal(n.additionalProperties, false, `${where} accepts unknown keys`);
      }
    });
    assert.ok(objects >= 5, `${objects} object schemas`);
    // Every rule that takes options refuses unknown ones (a catalogue's `options` is validated
    // against them).
    let withOptions = 0;
    for (const rule of ALL_RULES) {
      const o = rule.meta.options as { schema?: { additionalProperties?: unknown } } | undefined;
      if (!o) continue;
      withOptions++;
      assert.equal(o.schema?.additionalProperties, false, `${rule.meta.id}: its options schema accepts unknown keys`);
    }
    assert.ok(withOptions >= 1, 'no rule with options was checked');
  });

  it('the manifest: untrusted workspaces are limited and cannot set the catalogue path; the YAML schema association is a local file', () => {
    const u = pkg.capabilities.untrustedWorkspaces;
    assert.equal(u.supported, 'limited');
    assert.ok(u.restrictedConfigurations.includes('cadreIa.catalogue'));
    for (const v of pkg.contributes.yamlValidation) assert.match(v.url, /^\.\/schemas\//);
    assert.equal(
      pkg.activationEvents.some((e: string) => e === '*'),
      false,
      'activated for every workspace',
    );
  });

  it('SECURITY.md states the limits the code enforces', () => {
    const fr = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
    const en = (n: number) => n.toLocaleString('en-US');
    const has = (n: number, what: string) => assert.ok(SECURITY.includes(fr(n)) && SECURITY.includes(en(n)), `${what} (${fr(n)} / ${en(n)}) is not stated in French and English`);
    assert.equal(DEFAULT_SETTINGS.maxFileSize, 5 * 1024 * 1024);
    assert.equal(pkg.contributes.configuration.properties['cadreIa.maxFileSize'].default, DEFAULT_SETTINGS.maxFileSize);
    assert.match(SECURITY, /5 Mio/);
    assert.match(SECURITY, /5 MiB/);
    has(MAX_TOKENS, 'the token limit');
    has(MAX_NESTING, 'the nesting limit');
    has(MAX_ALIAS_COUNT, 'the alias limit');
    has(MAX_SYNTAX_PROBLEMS, 'the syntax problems shown');
    has(MAX_SCHEMA_DIAGNOSTICS, 'the schema findings shown');
    has(MAX_FINDINGS_PER_RULE, 'the findings per rule');
    assert.equal(MAX_CATALOGUE_BYTES, 2 * 1024 * 1024);
    assert.match(SECURITY, /2 Mio/);
    assert.match(SECURITY, /2 MiB/);
  });

  it('SECURITY.md says how to report a problem, privately, at the project’s own address', () => {
    const repo = String(pkg.repository.url)
      .replace(/^git\+/, '')
      .replace(/\.git$/, '');
    assert.ok(SECURITY.includes(`${repo}/security/advisories/new`), `no private report link to ${repo}`);
    assert.match(SECURITY, /## Signaler une vulnérabilité/);
    assert.match(SECURITY, /## Reporting a vulnerability/);
    for (const claim of [
      /Ce que Cadre IA lit/,
      /Ce que Cadre IA écrit/,
      /Rien n’est exécuté/,
      /Aucun accès au réseau/,
      /Espaces de travail non approuvés/,
      /What Cadre IA reads/,
      /What Cadre IA writes/,
      /Nothing is executed/,
      /No network/,
      /Untrusted workspaces/,
    ]) {
      assert.match(SECURITY, claim);
    }
  });
});
