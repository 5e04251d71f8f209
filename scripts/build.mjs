// Bundles the CLI, the language server and the VS Code client with esbuild, for Node, and the
// web extension (client and language server in a web worker) for the browser.
// Usage: node scripts/build.mjs [--watch] [--dev]  (--dev: no minification)
//
// Web bundles (dist/web/): platform `browser`. A Node built-in (`fs`, `node:path`…) reached from
// a web entry fails the build, naming the importer. The package's data files (`schemas/**`)
// are embedded into the web server as the virtual module `cadre-ia:resources`. The web
// server's size is printed against its budget (WEB_SERVER_BUDGET); over it, the build fails.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRECOMPILED_SCHEMAS, validatorsModule } from './build-validators.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev') || watch;

/**
 * Budget of dist/web/server.js, minified (bytes): 781 KiB at its introduction (ajv, yaml, the LSP
 * library, the core, the data files); raised to 920 KiB when the second bundled framework
 * (socle-ia/v1: its catalogue, its eight rules, the catalogue-authoring features) took it to 901 KiB.
 * A rise must say what it pays for; the precompiled validators (~150 KiB) stay out of it.
 */
export const WEB_SERVER_BUDGET = 920 * 1024;

const entries = [
  { in: 'server/src/cli/index.ts', out: 'dist/cli.js' },
  // dist/server.js answers `initialize`, then loads dist/server-full.js (server/src/lsp/main.ts).
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js', plugins: () => [serverFullExternal] },
  { in: 'server/src/lsp/full.ts', out: 'dist/server-full.js', plugins: () => [sharedLspLibrary] },
  { in: 'server/src/node/lintWorker.ts', out: 'dist/lint-worker.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/browser/main.ts', out: 'dist/web/server.js', web: 'iife' },
  { in: 'client/src/browser.ts', out: 'dist/web/client.js', external: ['vscode'], web: 'cjs' },
];

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the build when a web bundle reaches a Node built-in. */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      if (!BUILTINS.has(args.path)) return undefined;
      return { errors: [{ text: `Node built-in '${args.path}' imported by ${path.relative(root, args.importer)}: a web bundle cannot use it (move the I/O behind a host, see ARCHITECTURE.md)` }] };
    });
  },
};

/** Every file under schemas/, as text, by its path from the package root. */
const embeddedResources = {
  name: 'cadre-ia-resources',
  setup(build) {
    build.onResolve({ filter: /^cadre-ia:resources$/ }, () => ({ path: 'resources', namespace: 'cadre-ia' }));
    build.onLoad({ filter: /.*/, namespace: 'cadre-ia' }, () => {
      const files = {};
      const walk = (rel) => {
        for (const name of readdirSync(path.join(root, rel)).sort()) {
          const child = `${rel}/${name}`;
          if (statSync(path.join(root, child)).isDirectory()) walk(child);
          else if (/\.(json|ya?ml)$/.test(name)) files[child] = readFileSync(path.join(root, child), 'utf8');
        }
      };
      walk('schemas');
      return { contents: `export default ${JSON.stringify(files)};`, loader: 'js', watchFiles: Object.keys(files).map((f) => path.join(root, f)) };
    });
  },
};

/**
 * ajv's standalone validators in place of the empty `core/validators.precompiled.ts` (see
 * scripts/build-validators.mjs), in the Node bundles: no schema compile at run time for the
 * package's own schemas (~0.5 s of CPU before the first diagnostics of a fresh server or CLI).
 */
const precompiledValidators = {
  name: 'cadre-ia-precompiled-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]validators\.precompiled\.ts$/ }, () => ({
      contents: validatorsModule(root),
      loader: 'js',
      resolveDir: root,
      watchFiles: PRECOMPILED_SCHEMAS.map((f) => path.join(root, f)),
    }));
  },
};

/** dist/server.js: `require('./full')` (lsp/main.ts) stays a require, of the separate bundle dist/server-full.js. */
const serverFullExternal = {
  name: 'cadre-ia-server-full-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/full$/ }, (args) => (args.importer.endsWith(path.join('lsp', 'main.ts')) ? { path: './server-full.js', external: true } : undefined));
  },
};

/**
 * dist/server-full.js: the LSP library (vscode-languageserver, its protocol and vscode-jsonrpc)
 * is not bundled again but taken from dist/server.js, which loaded it and exports it
 * (`lspLibrary`, lsp/main.ts): one copy of its classes, so that the connection recognises the
 * handlers' `ResponseError`s, and no second compile of ~190 KB.
 */
const sharedLspLibrary = {
  name: 'cadre-ia-shared-lsp-library',
  setup(build) {
    build.onResolve({ filter: /^vscode-(languageserver|languageserver-protocol|jsonrpc)(\/.*)?$/ }, () => ({ path: 'lsp-library', namespace: 'cadre-ia-lsp' }));
    build.onResolve({ filter: /^\.\/server\.js$/ }, () => ({ path: './server.js', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'cadre-ia-lsp' }, () => ({ contents: "module.exports = require('./server.js').lspLibrary;", loader: 'js', resolveDir: root }));
  },
};

const contexts = [];
for (const e of entries) {
  if (!existsSync(e.in)) {
    console.log(`build: ${e.in} does not exist yet, skipped`);
    continue;
  }
  const common = {
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    external: e.external ?? [],
    minify: !dev,
    sourcemap: dev ? 'inline' : 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  };
  contexts.push(
    await esbuild.context(
      e.web
        ? {
            ...common,
            platform: 'browser',
            format: e.web,
            target: 'es2022',
            // Neither process nor Buffer exist in a web worker or a web extension host.
            define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
            mainFields: ['browser', 'module', 'main'],
            conditions: ['browser'],
            // No precompiled validators here: their ~150 KiB would break the budget; the worker
            // compiles the schemas once, after it has answered `initialize`.
            plugins: [noNodeBuiltins, embeddedResources],
          }
        : { ...common, platform: 'node', format: 'cjs', target: 'node20', plugins: [precompiledValidators, ...(e.plugins?.() ?? [])] },
    ),
  );
}
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching…');
} else {
  const t0 = Date.now();
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } catch {
    // esbuild has printed the errors.
    process.exitCode = 1;
  }
  await Promise.all(contexts.map((c) => c.dispose()));
  if (process.exitCode) process.exit(process.exitCode);
  console.log(`build: ${contexts.length} bundle(s) in ${Date.now() - t0} ms`);
  const web = path.join(root, 'dist/web/server.js');
  if (existsSync(web)) {
    const size = statSync(web).size;
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    const over = !dev && size > WEB_SERVER_BUDGET;
    console.log(`build: dist/web/server.js ${kib(size)} (budget ${kib(WEB_SERVER_BUDGET)}${dev ? ', not checked in --dev' : ''})${over ? ' — OVER BUDGET' : ''}`);
    if (over) process.exit(1);
  }
}
