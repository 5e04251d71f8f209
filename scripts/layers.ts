// The layering of the code, checked from the import graph (test/unit/layering.test.ts runs it;
// `npx tsx scripts/layers.ts` prints the same report). Every `import`, `export … from`,
// `require()` and `import()` of the source folders is read with the TypeScript parser, type-only
// imports included: a layer may only import what LAYERS allows, and no import cycle may exist.
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';

export type Layer = 'core' | 'node' | 'lsp' | 'browser' | 'cli' | 'shared' | 'client';

export interface LayerRule {
  /** Folder (from the repository root, with `/`) whose `.ts` files form the layer. */
  folder: string;
  /** Layers it may import (itself included). */
  layers: Layer[];
  /** Layers it may import with `import type` only (erased at build time). */
  typeOnlyLayers?: Layer[];
  /** npm packages it may import (a package's subpaths included). */
  packages: string[];
  /** May it import Node built-ins (`fs`, `node:path`…)? */
  nodeBuiltins: boolean;
  /** Files of the layer allowed one more layer, with the reason. */
  exceptions?: { file: string; layer: Layer; why: string }[];
}

const LSP_PACKAGES = ['vscode-languageserver', 'vscode-languageserver-textdocument', 'vscode-languageserver-protocol', 'vscode-jsonrpc'];

/** Who may import what. ARCHITECTURE.md ("Invariants") states the same in words. */
export const LAYERS: Record<Layer, LayerRule> = {
  // Functions of text and data: runs anywhere, a browser worker included.
  core: { folder: 'server/src/core', layers: ['core'], typeOnlyLayers: ['shared'], packages: ['yaml', 'ajv', 'ajv-formats'], nodeBuiltins: false },
  // The disk: reading declarations, catalogues and data files; writing the report.
  node: { folder: 'server/src/node', layers: ['node', 'core'], packages: [], nodeBuiltins: true },
  // The language server: adapts the core (and the Node adapter) to LSP.
  lsp: { folder: 'server/src/lsp', layers: ['lsp', 'core', 'node', 'shared'], packages: LSP_PACKAGES, nodeBuiltins: true },
  // The language server in a web worker (dist/web/server.js): the lsp layer's server and
  // handlers with a browser host; no disk. `cadre-ia:resources` is the build's virtual module of
  // the data files (scripts/build.mjs). The web build also fails on a Node built-in reached
  // through the files it imports.
  browser: { folder: 'server/src/browser', layers: ['browser', 'core', 'lsp', 'shared'], packages: [...LSP_PACKAGES, 'cadre-ia:resources'], nodeBuiltins: false },
  // The command line: the core and the Node adapter; the server only for `cadre-ia lsp`.
  cli: {
    folder: 'server/src/cli',
    layers: ['cli', 'core', 'node'],
    packages: [],
    nodeBuiltins: true,
    exceptions: [{ file: 'server/src/cli/lsp.ts', layer: 'lsp', why: '`cadre-ia lsp` starts the language server' }],
  },
  // What client and server say to each other: requests, notifications, settings.
  shared: { folder: 'shared', layers: ['shared'], packages: ['vscode-jsonrpc', 'vscode-languageserver-protocol'], nodeBuiltins: false },
  // The VS Code extension: UI only, talks to the server through LSP and shared/. No Node
  // built-in: the same client runs in web extension hosts (client/src/browser.ts).
  client: { folder: 'client/src', layers: ['client', 'shared'], packages: ['vscode', 'vscode-languageclient'], nodeBuiltins: false },
};

export interface ImportRef {
  /** The module specifier as written. */
  spec: string;
  typeOnly: boolean;
  line: number;
}

/** Every module a TypeScript source imports (static, `export from`, `require()`, `import()`, `import x = require()`). */
export function importsOf(text: string, fileName = 'file.ts'): ImportRef[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: ImportRef[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    if (spec && ts.isStringLiteralLike(spec)) out.push({ spec: spec.text, typeOnly, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier, allTypes);
    } else if (ts.isExportDeclaration(node)) {
      const allTypes =
        node.isTypeOnly || (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
      add(node, node.moduleSpecifier, allTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      if ((ts.isIdentifier(node.expression) && node.expression.text === 'require') || node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The npm package of a bare specifier (`@scope/name/sub` → `@scope/name`). */
export function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

export function isBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

export function layerOf(file: string, rules: Record<Layer, LayerRule> = LAYERS): Layer | undefined {
  for (const [layer, rule] of Object.entries(rules) as [Layer, LayerRule][]) if (file === rule.folder || file.startsWith(`${rule.folder}/`)) return layer;
  return undefined;
}

/** Resolves a relative import among the known files (`.ts`, `/index.ts`, or as written: `.json`…). */
function resolve(from: string, spec: string, files: ReadonlySet<string>): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) if (files.has(candidate)) return candidate;
  return undefined;
}

export interface LayerReport {
  violations: string[];
  cycles: string[][];
  /** Files read and imports followed, for the report. */
  files: number;
  edges: number;
}

/**
 * Checks a set of sources (`path from the repository root` → text): every import against the
 * rules, and the graph of relative imports for cycles. Files outside every layer (tests, scripts)
 * are not checked, but an import into them from a layer is a violation.
 */
export function checkLayers(sources: ReadonlyMap<string, string>, rules: Record<Layer, LayerRule> = LAYERS): LayerReport {
  const files = new Set(sources.keys());
  const violations: string[] = [];
  const graph = new Map<string, string[]>();
  let edges = 0;
  for (const [file, text] of sources) {
    const layer = layerOf(file, rules);
    if (!layer || !file.endsWith('.ts')) continue;
    const rule = rules[layer];
    const targets: string[] = [];
    for (const imp of importsOf(text, file)) {
      const where = `${file}:${imp.line}`;
      if (imp.spec.startsWith('.')) {
        const target = resolve(file, imp.spec, files) ?? path.posix.normalize(path.posix.join(path.posix.dirname(file), imp.spec));
        if (files.has(target) && target.endsWith('.ts')) {
          targets.push(target);
          edges++;
        }
        const to = layerOf(target, rules);
        if (to === undefined) {
          if (!target.endsWith('.json')) violations.push(`${where}: ${layer} imports '${imp.spec}', outside every layer`);
          continue;
        }
        const allowed = rule.layers.includes(to) || (imp.typeOnly && (rule.typeOnlyLayers ?? []).includes(to)) || (rule.exceptions ?? []).some((e) => e.file === file && e.layer === to);
        if (!allowed) violations.push(`${where}: ${layer} may not import ${to}${(rule.typeOnlyLayers ?? []).includes(to) ? ' (only with `import type`)' : ''} ('${imp.spec}')`);
      } else if (isBuiltin(imp.spec)) {
        if (!rule.nodeBuiltins) violations.push(`${where}: ${layer} may not import the Node built-in '${imp.spec}'`);
      } else if (!rule.packages.includes(packageOf(imp.spec))) {
        violations.push(`${where}: ${layer} may not import the package '${imp.spec}' (allowed: ${rule.packages.join(', ') || 'none'})`);
      }
    }
    graph.set(file, targets);
  }
  return { violations, cycles: findCycles(graph), files: graph.size, edges };
}

/** The strongly connected components of more than one file (or a file importing itself), each sorted. */
export function findCycles(graph: ReadonlyMap<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative (no recursion limit on long chains).
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  for (const root of graph.keys()) {
    if (idx.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    idx.set(root, index);
    low.set(root, index++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1];
      const succ = graph.get(top.node) ?? [];
      if (top.next < succ.length) {
        const w = succ[top.next++];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(top.node, Math.min(low.get(top.node)!, idx.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === idx.get(top.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== top.node);
        if (component.length > 1 || succ.includes(top.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

/** Reads every `.ts` file of the layers' folders (paths from `root`, with `/`). */
export function readSources(root: string, rules: Record<Layer, LayerRule> = LAYERS): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (/\.(ts|json)$/.test(entry.name)) out.set(child, entry.name.endsWith('.ts') ? fs.readFileSync(path.join(root, child), 'utf8') : '');
    }
  };
  for (const rule of Object.values(rules)) walk(rule.folder);
  return out;
}

if (require.main === module) {
  const report = checkLayers(readSources(path.join(__dirname, '..')));
  for (const v of report.violations) console.log(`layering: ${v}`);
  for (const c of report.cycles) console.log(`layering: import cycle: ${c.join(' → ')}`);
  console.log(`layering: ${report.files} files, ${report.edges} imports, ${report.violations.length} violation(s), ${report.cycles.length} cycle(s)`);
  process.exitCode = report.violations.length || report.cycles.length ? 1 : 0;
}
