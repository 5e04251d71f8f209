/**
 * Hostile inputs for the core and the CLI: each gets a clear diagnostic, in bounded time and
 * memory. Times and memory are logged; the bounds asserted are generous hang and leak detectors
 * (10 s, a few hundred MB), not benchmarks.
 *
 * The CLI's own scenarios (test/cli/scenarios: symlink loop, unreadable file, invalid UTF-8,
 * binary, alias bomb, named pipe) are not repeated here; the cases below need generated files
 * (50 MB, 10,000 levels) or several hostile files at once, and the `report` command.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { MAX_CATALOGUE_BYTES, parseCatalogue } from '../../server/src/core/catalogue';
import { completionsAt } from '../../server/src/core/completion';
import { defaultCatalogue, knownRuleIds, lintText, MAX_FINDINGS_PER_RULE, type FullLintResult, type LintOptions } from '../../server/src/core/engine';
import { hoverAt } from '../../server/src/core/hover';
import { loadCatalogueFile } from '../../server/src/node/catalogue';
import { lintFile } from '../../server/src/node/lintFiles';
import { MAX_ALIAS_COUNT, MAX_NESTING, MAX_SYNTAX_PROBLEMS, MAX_TOKENS } from '../../server/src/core/parse';
import { MAX_SCHEMA_DIAGNOSTICS } from '../../server/src/core/schema';
import { documentSymbols, foldingRanges } from '../../server/src/core/symbols';
import { assertLintInvariants, log, NOW, ROOT } from './support';

const catalogue = defaultCatalogue();
const HANG = 10_000; // ms: a hang detector, not a performance target
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const rssMB = () => {
  gc();
  return process.memoryUsage().rss / 1e6;
};

function timed<T>(what: string, fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  log(`${what}: ${ms.toFixed(0)} ms`);
  assert.ok(ms < HANG, `${what} took ${ms.toFixed(0)} ms (hang?)`);
  return { value, ms };
}

/** Lints a hostile text: invariants hold, the server's other requests work on it too. */
function lintHostile(name: string, text: string, options: LintOptions = {}): FullLintResult {
  const { value: r } = timed(`${name} (${(text.length / 1e6).toFixed(2)} M chars)`, () => lintText(text, { now: NOW, catalogue, ...options }));
  if (text.length < 10_000_000) assertLintInvariants(text, r, catalogue);
  timed(`${name}: hover, completion, symbols, folding`, () => {
    const ctx = { locale: 'fr' as const, catalogue };
    hoverAt(r.parsed, { line: 0, character: 3 }, r.diagnostics, ctx);
    completionsAt(r.parsed, { line: 0, character: 0 }, ctx);
    documentSymbols(r.parsed, ctx);
    foldingRanges(r.parsed);
  });
  return r;
}

const syntax = (r: FullLintResult) => r.diagnostics.filter((d) => d.code === 'syntax');
const problemCodes = (r: FullLintResult) => r.parsed.problems.map((p) => p.code);

/** The one diagnostic a refused text gets, and every verdict `a_completer` (nothing was checked). */
function assertRefused(r: FullLintResult, code: string, message: RegExp): void {
  assert.deepEqual(problemCodes(r), [code]);
  assert.equal(r.diagnostics.length, 1, r.diagnostics.map((d) => d.message).join('\n'));
  assert.equal(r.diagnostics[0].severity, 'error');
  assert.match(r.diagnostics[0].message, message);
  assert.ok(Object.values(r.verdicts).every((v) => v === 'a_completer'));
}

const billionLaughs = () =>
  [
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...'bcdefghi'.split('').map(
      (c, i) =>
        `${c}: &${c} [${Array(9)
          .fill('*' + 'abcdefghi'[i])
          .join(', ')}]`,
    ),
  ].join('\n') + '\n';

describe('hostile inputs: core', function () {
  this.timeout(120_000);

  it('an alias bomb ("billion laughs", 9^9 nodes) is refused without expanding it', () => {
    const before = rssMB();
    const r = lintHostile('billion laughs', billionLaughs());
    assert.deepEqual(
      syntax(r).map((d) => d.message),
      ['Trop d’alias YAML (protection contre les « bombes d’alias ») : le contenu n’est pas vérifié.'],
    );
    assert.equal(r.parsed.value, undefined);
    assert.ok(rssMB() - before < 100, 'memory grew: was the bomb expanded?');
    // Under the limit, aliases are fine.
    const ok = lintText(`a: &a x\n${Array.from({ length: MAX_ALIAS_COUNT - 1 }, (_, i) => `k${i}: *a`).join('\n')}\n`, { now: NOW, catalogue });
    assert.ok(!problemCodes(ok).includes('ALIAS_LIMIT'));
  });

  it('a merge-key bomb (thousands of `<<: *a`) is refused fast, and an anchor that contains itself does not loop', () => {
    const merges = 'a: &a {x: 1}\n' + Array.from({ length: 3000 }, (_, i) => `k${i}: &k${i} {<<: [*a], y${i}: 1}`).join('\n') + '\n';
    assert.ok(problemCodes(lintHostile('merge bomb', merges)).includes('ALIAS_LIMIT'));
    for (const text of ['a: &a [*a]\n', 'a: &a {b: *a}\n', 'cadre: &c lyon-ia/v1\nprojet: &p {id: x, nom: *p, statut: *c}\n']) {
      const r = lintHostile(`self-reference ${JSON.stringify(text)}`, text);
      assert.ok(!r.diagnostics.some((d) => d.code === 'internal'));
    }
  });

  for (const [name, make] of [
    ['10,000 nested flow lists', () => '['.repeat(10_000) + ']'.repeat(10_000)],
    ['10,000 nested flow mappings', () => '{a: '.repeat(10_000) + '}'.repeat(10_000)],
    ['10,000 nested block lists (`- - - …`)', () => '- '.repeat(10_000) + 'x\n'],
    ['10,000 nested explicit keys (`? ? ? …`)', () => '? '.repeat(10_000) + 'x\n'],
    ['2,000 nested block mappings (indentation)', () => Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' x\n'],
    ['nesting 10,000 deep inside a real declaration', () => `cadre: lyon-ia/v1\nprojet:\n  nom: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
  ] as const) {
    it(`${name}: one "nesting too deep" diagnostic, no stack overflow`, () => {
      const r = lintHostile(name, make());
      assertRefused(r, 'TOO_DEEP', new RegExp(`Imbrication trop profonde \\(plus de ${MAX_NESTING} niveaux\\)`));
    });
  }

  it(`nesting up to ${MAX_NESTING} levels is still read`, () => {
    const r = lintText('x: ' + '['.repeat(MAX_NESTING - 1) + ']'.repeat(MAX_NESTING - 1) + '\n', { now: NOW, catalogue });
    assert.ok(!problemCodes(r).includes('TOO_DEEP'));
    assert.notEqual(r.parsed.value, undefined);
  });

  it('a 50 MB file: one "too large" diagnostic, without indexing or parsing it (memory bounded)', () => {
    const text = 'a: 1\n'.repeat(10 * 1024 * 1024);
    assert.equal(text.length, 50 * 1024 * 1024);
    const before = rssMB();
    const r = lintHostile('50 MB', text);
    const grown = rssMB() - before;
    log(`50 MB: RSS grew by ${grown.toFixed(0)} MB`);
    assertRefused(r, 'TOO_LARGE', /Fichier trop volumineux pour être vérifié \(52428800 > 5242880 caractères\).*cadreIa\.maxFileSize/);
    assert.deepEqual(r.diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    assert.ok(grown < 100, `RSS grew by ${grown.toFixed(0)} MB for a refused file`);
  });

  it('the size limit is the setting (maxChars): beyond it one diagnostic, in English too', () => {
    const text = 'cadre: lyon-ia/v1\n' + '# commentaire\n'.repeat(300);
    assertRefused(lintText(text, { now: NOW, catalogue, maxChars: 2048 }), 'TOO_LARGE', /\(4218 > 2048 caractères\)/);
    assert.match(lintText(text, { now: NOW, catalogue, maxChars: 2048, locale: 'en' }).diagnostics[0].message, /^File too large to be checked \(4218 > 2048 characters\)/);
    assert.ok(!problemCodes(lintText(text, { now: NOW, catalogue, maxChars: 1_000_000 })).includes('TOO_LARGE'));
  });

  it(`a 50 MB file under a raised limit: more than ${MAX_TOKENS} YAML tokens → one "too complex" diagnostic, no tree built`, () => {
    const text = '[]'.repeat(25 * 1024 * 1024);
    const before = rssMB();
    const r = lintHostile('50 MB of [] under a 100 MB limit', text, { maxChars: 100 * 1024 * 1024 });
    const grown = rssMB() - before;
    log(`50 MB of []: RSS grew by ${grown.toFixed(0)} MB`);
    assertRefused(r, 'TOO_COMPLEX', /Fichier trop complexe pour être vérifié \(plus de 100000 éléments YAML/);
    assert.ok(grown < 200, `RSS grew by ${grown.toFixed(0)} MB`);
  });

  it('just under the limits (99,000 tokens, 99 levels, 100 aliases): read in bounded time and memory, findings capped', () => {
    const keys = Array.from({ length: 33_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n';
    const before = rssMB();
    const r = lintHostile('33,000 unknown keys', keys);
    log(`33,000 unknown keys: RSS grew by ${(rssMB() - before).toFixed(0)} MB`);
    const unknown = r.diagnostics.filter((d) => d.code === 'schema-additionalProperties');
    assert.ok(unknown.length > 0 && unknown.length <= MAX_SCHEMA_DIAGNOSTICS, `${unknown.length} unknown-key diagnostics`);
    const truncated = r.diagnostics.find((d) => d.code === 'schema-truncated');
    assert.ok(truncated, 'the hidden findings are counted');
    assert.match(truncated.message, /^\d+ autres écarts au schéma ne sont pas affichés \(au plus 200 par fichier\)/);
    // A list of 30,000 items: a rule reports at most MAX_FINDINGS_PER_RULE of them.
    const list = 'cadre: lyon-ia/v1\ninteret_general:\n  indicateurs:\n' + Array.from({ length: 30_000 }, (_, i) => `    - nom: i${i}`).join('\n') + '\n';
    const rl = lintHostile('30,000 indicators', list);
    const perRule = new Map<string, number>();
    for (const d of rl.diagnostics) perRule.set(d.code, (perRule.get(d.code) ?? 0) + 1);
    for (const [code, n] of perRule) if (!code.startsWith('schema-') && code !== 'syntax') assert.ok(n <= MAX_FINDINGS_PER_RULE + 2, `${code}: ${n} findings`);
    assert.ok(rl.diagnostics.length < 1000, `${rl.diagnostics.length} diagnostics`);
  });

  it(`thousands of syntax errors: the first ${MAX_SYNTAX_PROBLEMS} and one count of the rest`, () => {
    const r = lintHostile('][ × 40,000', ']['.repeat(40_000));
    const s = syntax(r);
    assert.equal(s.length, MAX_SYNTAX_PROBLEMS + 1);
    assert.match(s.map((d) => d.message).find((m) => /autres erreurs/.test(m)) ?? '', /^\d+ autres erreurs de syntaxe ne sont pas affichées/);
    const quotes = lintHostile('200,000 quotes', '"'.repeat(99_000));
    assert.ok(syntax(quotes).length <= MAX_SYNTAX_PROBLEMS + 1);
  });

  it('binary content (NUL bytes), lone surrogates, control characters: one clear diagnostic or plain findings, never a crash', () => {
    assertRefused(lintHostile('NUL', 'cadre: lyon-ia/v1\u0000\u0001\u0002'), 'BINARY', /^Fichier binaire \(octet nul\)/);
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    assertRefused(lintHostile('random bytes', bytes), 'BINARY', /^Fichier binaire/);
    for (const t of ['cadre: "\ud800"\n', 'a: \udfff\ud800\n', '\u0085\u2028\u2029: x\n', 'a: \u001b[31mrouge\n', 'x'.repeat(4_000_000)])
      lintHostile(`odd characters ${JSON.stringify(t.slice(0, 20))}`, t);
  });

  it('invalid UTF-8 and a file over the limit on disk: one clear diagnostic each, the large one never read in full', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-hostile-'));
    try {
      fs.writeFileSync(path.join(dir, 'latin1.ia.yaml'), Buffer.from('cadre: lyon-ia/v1\nprojet:\n  nom: \xe9t\xe9\n', 'latin1'));
      const bad = lintFile(path.join(dir, 'latin1.ia.yaml'), { now: NOW, catalogue });
      assert.equal(bad.result?.diagnostics.length, 1);
      assert.match(bad.result!.diagnostics[0].message, /^Encodage invalide : le fichier n’est pas en UTF-8/);
      const big = path.join(dir, 'big.ia.yaml');
      fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'));
      const before = rssMB();
      const { value } = timed('50 MB file on disk', () => lintFile(big, { now: NOW, catalogue }));
      assert.ok(rssMB() - before < 60, 'the large file was read');
      assert.equal(value.result?.diagnostics.length, 1);
      assert.match(value.result!.diagnostics[0].message, /^Fichier trop volumineux/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile inputs: catalogue files', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-catalogue-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bundled = fs.readFileSync(path.join(ROOT, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8');
  const write = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const reasons = (file: string) => {
    const { value } = timed(`catalogue ${path.basename(file)}`, () => loadCatalogueFile(file, knownRuleIds()));
    assert.equal(value.catalogue, undefined, `${file} was accepted`);
    assert.ok(value.errors.length > 0);
    return value.errors.join('; ');
  };

  it('the bundled catalogue itself loads (the cases below fail for their own reason)', () => {
    assert.ok(parseCatalogue(bundled, 'lyon-2025.yaml', knownRuleIds()).catalogue);
  });

  it('malformed: invalid YAML, not a mapping, an alias bomb, 10,000 nested brackets, binary', () => {
    assert.match(reasons(write('broken.yaml', 'id: [\n')), /invalid YAML/);
    assert.match(reasons(write('list.yaml', '- a\n- b\n')), /must be object/);
    assert.match(reasons(write('bomb.yaml', billionLaughs())), /invalid YAML: ALIAS_LIMIT/);
    assert.match(reasons(write('deep.yaml', 'id: ' + '['.repeat(10_000) + ']'.repeat(10_000))), /invalid YAML: TOO_DEEP/);
    assert.match(reasons(write('binary.yaml', Buffer.from([0, 1, 2, 255]))), /invalid YAML: BINARY/);
  });

  it('trying to point outside: includes and $refs are unknown keys, URLs must be http(s), a path outside is just a file that is no catalogue', () => {
    const withTop = (line: string) => bundled.replace(/^id: /m, `${line}\nid: `);
    assert.match(reasons(write('ref.yaml', withTop('$ref: https://evil.example/catalogue.yaml'))), /must NOT have additional properties/);
    assert.match(reasons(write('include.yaml', withTop('include: ../../../etc/passwd'))), /must NOT have additional properties/);
    assert.match(reasons(write('js.yaml', withTop('extends: !!js/function "function () { return process.exit(1) }"'))), /must NOT have additional properties/);
    assert.match(reasons(write('docs-js.yaml', bundled.replace(/^docs_base_url: .*$/m, 'docs_base_url: "javascript:alert(1)"'))), /docs_base_url/);
    assert.match(reasons(write('docs-file.yaml', bundled.replace(/^docs_base_url: .*$/m, 'docs_base_url: "file:///etc/passwd"'))), /docs_base_url/);
    assert.match(reasons(write('ref-http.yaml', bundled.replace(/(\n +url: )https:\/\//, '$1http://'))), /url must match pattern/);
    const outside = path.relative(dir, '/etc/hostname');
    assert.match(outside, /^\.\.\//);
    if (fs.existsSync('/etc/hostname')) assert.match(reasons(path.resolve(dir, outside)), /must be object|invalid YAML|must have required property/);
  });

  it('not a regular file: a named pipe (never opened, never hangs), a folder, a device, a symlink loop, a missing file', () => {
    const fifo = path.join(dir, 'pipe.yaml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    assert.match(reasons(fifo), /not a file/);
    assert.match(reasons(dir), /not a file/);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    assert.match(reasons(path.join(dir, 'zero.yaml')), /not a file/);
    fs.symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
    assert.match(reasons(path.join(dir, 'loop.yaml')), /ELOOP/);
    assert.match(reasons(path.join(dir, 'missing.yaml')), /ENOENT/);
  });

  it(`larger than ${MAX_CATALOGUE_BYTES / 1024 / 1024} MiB: refused before reading`, () => {
    const big = write('big.yaml', bundled + '#'.repeat(MAX_CATALOGUE_BYTES));
    assert.match(reasons(big), /larger than 2 MiB/);
  });
});

describe('hostile inputs: CLI', function () {
  this.timeout(120_000);
  const BIN = path.join(ROOT, 'bin', 'cadre-ia.js');
  let dir: string;
  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-cli-hostile-'));
    fs.writeFileSync(path.join(dir, 'bomb.ia.yaml'), billionLaughs());
    fs.writeFileSync(path.join(dir, 'deep.ia.yaml'), '- '.repeat(10_000) + 'x\n');
    fs.writeFileSync(path.join(dir, 'self.ia.yaml'), 'cadre: lyon-ia/v1\nprojet: &p {id: x, nom: *p}\n');
    fs.writeFileSync(path.join(dir, 'big.ia.yaml'), Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'));
    fs.writeFileSync(path.join(dir, 'bytes.ia.yaml'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    fs.writeFileSync(path.join(dir, 'ok.ia.yaml'), 'cadre: lyon-ia/v1\nusagers:\n  interaction_directe: true\n');
    fs.mkdirSync(path.join(dir, 'dossier.ia.yaml'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.ia.yaml'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => {
    const { value: r } = timed(`cadre-ia ${args.join(' ')}`, () =>
      spawnSync(process.execPath, [BIN, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: dir, CADRE_IA_DATE: '2026-06-01' },
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
    assert.equal(r.error, undefined, String(r.error));
    assert.equal(r.signal, null, `killed by ${r.signal}\n${r.stderr}`);
    return r;
  };

  it('the scenarios this suite relies on exist (symlink loop, unreadable file, invalid UTF-8, binary, alias bomb, named pipe)', () => {
    const have = fs.readdirSync(path.join(ROOT, 'test', 'cli', 'scenarios'));
    for (const s of ['symlink-loop', 'unreadable', 'invalid-utf8', 'binary-file', 'alias-bomb', 'fifo']) assert.ok(have.includes(`${s}.scenario`), `test/cli/scenarios/${s}.scenario is missing`);
  });

  it('lint on a folder of hostile files: one clear diagnostic each, the others linted, exit 1', () => {
    const r = run(['lint', '.', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; message: string }[]; engagements: Record<string, string> }[];
    const by = new Map(out.map((f) => [f.file, f]));
    const only = (file: string, re: RegExp) => {
      const f = by.get(file);
      assert.ok(f, `${file} missing from ${[...by.keys()]}`);
      assert.equal(f.diagnostics.length, 1, `${file}: ${f.diagnostics.map((d) => d.message).join(' | ')}`);
      assert.match(f.diagnostics[0].message, re);
    };
    only('bomb.ia.yaml', /Trop d’alias YAML/);
    only('deep.ia.yaml', /Imbrication trop profonde/);
    only('big.ia.yaml', /Fichier trop volumineux/);
    only('bytes.ia.yaml', /Encodage invalide|Fichier binaire/);
    assert.ok(by.get('self.ia.yaml')?.diagnostics.every((d) => d.code !== 'internal'));
    assert.ok(by.get('ok.ia.yaml')?.diagnostics.some((d) => d.code === 'E02-interaction-directe'));
    assert.ok(!by.has('zero.ia.yaml') && !by.has('dossier.ia.yaml'), 'a device or a folder found by walking is not a declaration');
  });

  it('a device or a folder named explicitly: an I/O error (exit 2), the others still linted', () => {
    const r = run(['lint', 'zero.ia.yaml', 'dossier.ia.yaml', 'ok.ia.yaml', '--format', 'json']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /zero\.ia\.yaml : illisible|zero\.ia\.yaml : ce n’est pas un fichier ordinaire/);
    assert.ok((JSON.parse(r.stdout) as { file: string }[]).some((f) => f.file === 'ok.ia.yaml'));
  });

  it('report on the same folder: written, the hostile files flagged, no crash', () => {
    const out = path.join(dir, 'rapport');
    const r = run(['report', '.', '--year', '2026', '--out', out]);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.ok(
      fs.readdirSync(out).some((f) => f.endsWith('.html')),
      'no HTML report',
    );
  });
});
