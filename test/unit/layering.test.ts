import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkLayers, findCycles, importsOf, readSources } from '../../scripts/layers';

const ROOT = path.join(__dirname, '..', '..');

describe('layering (import graph of server/src, client/src, shared)', () => {
  const sources = readSources(ROOT);

  it('every layer imports only what it may, and no import cycle exists', () => {
    const report = checkLayers(sources);
    assert.ok(report.files > 50 && report.edges > 100, `the graph was read (${report.files} files, ${report.edges} imports)`);
    assert.deepEqual(report.violations, []);
    assert.deepEqual(report.cycles, []);
  });

  /** The real sources with one file changed. */
  const withFile = (file: string, text: string) => new Map([...sources, [file, text]]);

  it('fails when the core imports a Node built-in (fs, node:path), even type-only or by require()', () => {
    for (const line of ["import * as fs from 'fs';", "import * as path from 'node:path';", "import type { Stats } from 'node:fs';", "const os = require('os');"]) {
      const report = checkLayers(withFile('server/src/core/engine.ts', `${line}\n${sources.get('server/src/core/engine.ts')}`));
      assert.equal(report.violations.length, 1, line);
      assert.match(report.violations[0], /^server\/src\/core\/engine\.ts:1: core may not import the Node built-in/);
    }
  });

  it('fails when the core imports vscode, the LSP, the Node adapter or a value from shared/', () => {
    const cases: [string, RegExp][] = [
      ["import * as vscode from 'vscode';", /core may not import the package 'vscode'/],
      ["import { Range } from 'vscode-languageserver/node';", /core may not import the package 'vscode-languageserver\/node'/],
      ["import { lintFile } from '../node/lintFiles';", /core may not import node/],
      ["import { toLspDiagnostic } from '../lsp/convert';", /core may not import lsp/],
      ["import { DEFAULT_SETTINGS } from '../../../shared/protocol';", /core may not import shared \(only with `import type`\)/],
    ];
    for (const [line, re] of cases) {
      const report = checkLayers(withFile('server/src/core/hover.ts', `${line}\n${sources.get('server/src/core/hover.ts')}`));
      assert.equal(report.violations.length, 1, line);
      assert.match(report.violations[0], re);
    }
    const typeOnly = checkLayers(withFile('server/src/core/hover.ts', `import type { Settings } from '../../../shared/protocol';\n${sources.get('server/src/core/hover.ts')}`));
    assert.deepEqual(typeOnly.violations, [], 'the core may name the protocol shapes it produces');
  });

  it('fails when the client imports the server, or the CLI the LSP layer outside cli/lsp.ts', () => {
    const client = checkLayers(withFile('client/src/extension.ts', `import { lintText } from '../../server/src/core/engine';\n${sources.get('client/src/extension.ts')}`));
    assert.match(client.violations.join('\n'), /client may not import core/);
    const cli = checkLayers(withFile('server/src/cli/main.ts', `import { startServer } from '../lsp/start';\n${sources.get('server/src/cli/main.ts')}`));
    assert.match(cli.violations.join('\n'), /cli may not import lsp/);
  });

  it('fails on a new cycle, type-only imports included (as lsp/server.ts ↔ lsp/convert.ts once was)', () => {
    const convert = sources.get('server/src/lsp/convert.ts')!;
    const report = checkLayers(withFile('server/src/lsp/convert.ts', `import type { CadreServer } from './server';\n${convert}`));
    assert.deepEqual(report.violations, []);
    assert.equal(report.cycles.length, 1);
    assert.ok(report.cycles[0].includes('server/src/lsp/convert.ts') && report.cycles[0].includes('server/src/lsp/server.ts'), report.cycles[0].join(', '));
  });

  it('finds cycles of any length and self-imports, and none in a tree', () => {
    const g = (edges: Record<string, string[]>) => new Map(Object.entries(edges));
    assert.deepEqual(findCycles(g({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] })), [['a', 'b', 'c']]);
    assert.deepEqual(findCycles(g({ a: ['a'] })), [['a']]);
    assert.deepEqual(findCycles(g({ a: ['b', 'c'], b: ['c'], c: [] })), []);
  });

  it('reads every kind of import', () => {
    const refs = importsOf(
      [
        "import a from 'a';",
        "import type { B } from 'b';",
        "import { type C } from 'c';",
        "export { d } from 'd';",
        "export type { E } from 'e';",
        "const f = require('f');",
        "const g = import('g');",
        "import h = require('h');",
        "let i: typeof import('i');",
        "import 'j';",
      ].join('\n'),
    );
    assert.deepEqual(
      refs.map((r) => `${r.spec}${r.typeOnly ? ':type' : ''}`),
      ['a', 'b:type', 'c:type', 'd', 'e:type', 'f', 'g', 'h', 'i:type', 'j'],
    );
  });
});
