// The per-layer TypeScript projects (tsconfig.json in each layer's folder, built together by
// `tsc -b`) reject what their layer must not use. A small file is type-checked in memory, as if it
// were in the layer's folder, with that layer's compiler options and declaration files.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import ts from 'typescript';
import { LAYERS } from '../../scripts/layers';

const ROOT = path.join(__dirname, '..', '..');
/** Library and package declaration files, parsed once for all the probes (all layers target ES2022). */
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** The messages of the errors `text` gets as a file of the project in `folder`. */
function errorsIn(folder: string, text: string): string[] {
  const configPath = path.join(ROOT, folder, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  assert.equal(read.error, undefined, `${folder}/tsconfig.json is read`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
  assert.deepEqual(parsed.errors, [], `${folder}/tsconfig.json is valid`);
  const options: ts.CompilerOptions = { ...parsed.options, composite: false, declaration: false, emitDeclarationOnly: false, incremental: false, noEmit: true };
  const probe = path.join(ROOT, folder, '__probe__.ts');
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    if (path.resolve(name) === probe) return ts.createSourceFile(name, text, lang);
    if (!parsedFiles.has(name)) parsedFiles.set(name, getSourceFile(name, lang, ...rest));
    return parsedFiles.get(name);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === probe || fileExists(name);
  // The layer's own declaration files (globals, module shims) come with it, as in `tsc -b`.
  const declarations = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [probe, ...declarations], options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && path.resolve(d.file.fileName) === probe)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const cannotFind = (name: string) => new RegExp(`^Cannot find name '${name}'`);

describe('tsconfig per layer (tsc -b)', () => {
  it('the root project references a project for every layer of scripts/layers.ts, the tools and the tests', () => {
    const root = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config as { files: string[]; references: { path: string }[] };
    assert.deepEqual(root.files, [], 'the root project is only a list of references');
    const referenced = root.references.map((r) => r.path).sort();
    // A layer's project is in its folder, or in the folder above `src/` (client/tsconfig.json).
    const expected = [...Object.values(LAYERS).map((l) => l.folder.replace(/\/src$/, '')), 'scripts', 'test'].sort();
    assert.deepEqual(referenced, expected);
  });

  it('the core sees ES2022 only: no Node, no DOM, no mocha (each use is an error)', () => {
    const uses: [string, string][] = [
      ['process', 'export const a = process.env.HOME;'],
      ['Buffer', "export const a = Buffer.from('x');"],
      ['require', "export const a = require('yaml');"],
      ['window', 'export const a = window.location.href;'],
      ['document', 'export const a = document.title;'],
      ['describe', "describe('x', () => undefined);"],
      ['it', "it('x', () => undefined);"],
    ];
    for (const [name, text] of uses) {
      const errors = errorsIn('server/src/core', text);
      assert.equal(errors.length, 1, `${name}: ${errors.join(' | ')}`);
      assert.match(errors[0], cannotFind(name));
    }
    assert.match(errorsIn('server/src/core', "import * as fs from 'fs';\nexport const a = fs;").join('\n'), /Cannot find module 'fs'/);
  });

  it('the core compiles ES2022 and the web-standard globals it declares (URL); unused locals and parameters are errors', () => {
    assert.deepEqual(errorsIn('server/src/core', "export const a = [1, 2].at(-1);\nexport const b = new URL('https://example.org').hostname;\nexport const c = Object.hasOwn({}, 'x');"), []);
    const unused = errorsIn('server/src/core', 'export function f(a: number, b: number): number {\n  const c = 1;\n  return a;\n}');
    assert.deepEqual(unused.map((m) => m.replace(/ is declared but.*/, '')).sort(), ["'b'", "'c'"]);
  });

  it('the client and the web worker have no Node; the client has no DOM window; neither has mocha', () => {
    for (const folder of ['client', 'server/src/browser']) {
      assert.match(errorsIn(folder, 'export const a = process.env.HOME;').join('\n'), cannotFind('process'), folder);
      assert.match(errorsIn(folder, "describe('x', () => undefined);").join('\n'), cannotFind('describe'), folder);
      assert.deepEqual(errorsIn(folder, "export const t = setTimeout(() => undefined, 1);\nexport const e = new TextEncoder().encode('x');"), [], folder);
    }
    assert.match(errorsIn('client', 'export const a = window.location.href;').join('\n'), cannotFind('window'));
  });

  it('the Node layers (node, lsp, cli, tools) have Node but not mocha; the tests have both', () => {
    for (const folder of ['server/src/node', 'server/src/lsp', 'server/src/cli', 'scripts']) {
      assert.deepEqual(errorsIn(folder, "import * as fs from 'node:fs';\nexport const a = process.env.HOME ?? fs.existsSync('x');"), [], folder);
      assert.match(errorsIn(folder, "describe('x', () => undefined);").join('\n'), cannotFind('describe'), folder);
    }
    assert.deepEqual(errorsIn('test', "describe('x', () => {\n  it('y', () => undefined);\n});\nexport const a = process.env.HOME;"), []);
  });

  it('shared (the protocol) sees neither Node nor the DOM', () => {
    assert.match(errorsIn('shared', 'export const a = process.env.HOME;').join('\n'), cannotFind('process'));
    assert.match(errorsIn('shared', 'export const a = window;').join('\n'), cannotFind('window'));
  });
});
