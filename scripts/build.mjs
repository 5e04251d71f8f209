// Bundles the CLI, the language server and the VS Code client with esbuild.
// Usage: node scripts/build.mjs [--watch] [--dev]  (--dev: no minification)
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev') || watch;

const entries = [
  { in: 'server/src/cli/index.ts', out: 'dist/cli.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
];

const contexts = [];
for (const e of entries) {
  if (!existsSync(e.in)) {
    console.log(`build: ${e.in} does not exist yet, skipped`);
    continue;
  }
  contexts.push(
    await esbuild.context({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: e.external ?? [],
      minify: !dev,
      sourcemap: dev ? 'inline' : 'linked',
      legalComments: 'none',
      logLevel: 'warning',
    }),
  );
}
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('build: watching…');
} else {
  const t0 = Date.now();
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  console.log(`build: ${contexts.length} bundle(s) in ${Date.now() - t0} ms`);
}
