// `npm run package`: builds the bundles, then packages the VS Code extension into
// dist/cadre-ia.vsix with @vscode/vsce, and prints its size.
//
// vsce runs in a staged copy of the extension (.cache/vsix-stage/): the root package.json
// has an npm `files` list (for the CLI package), and vsce refuses a `files` list next to a
// .vscodeignore. The staged package.json is the root one without `files`, `bin`, `scripts` and `private`
// (nothing to run at packaging time: the bundles are built here first).
//
// Fails when vsce prints any warning, or when the .vsix would hold a file outside the allowed
// list (dist/*.js and dist/web/*.js — the Node and the web extension —, schemas/, snippets/, l10n/, syntaxes/, images/, package.nls*.json, README,
// CHANGELOG, LICENSE, package.json).
//
// Options: --no-build (package the current dist/), --out FILE.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = path.resolve(root, outIdx >= 0 ? args[outIdx + 1] : 'dist/cadre-ia.vsix');
const stage = path.join(root, '.cache', 'vsix-stage');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

function fail(msg) {
  console.error(`package: ${msg}`);
  process.exit(1);
}

function run(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}`, error: r.error };
}

// 1. Bundles.
if (!args.includes('--no-build')) {
  const b = run(process.execPath, [path.join(root, 'scripts', 'build.mjs')], root);
  process.stdout.write(b.output);
  if (b.status !== 0) fail('the build failed');
}
for (const f of ['dist/client.js', 'dist/server.js', 'dist/server-full.js', 'dist/web/client.js', 'dist/web/server.js']) {
  if (!fs.existsSync(path.join(root, f))) fail(`${f} is missing (the build did not produce it)`);
}

// 2. Stage.
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
const copy = (rel) => {
  const from = path.join(root, rel);
  if (!fs.existsSync(from)) return false;
  fs.cpSync(from, path.join(stage, rel), { recursive: true });
  return true;
};
for (const rel of ['schemas', 'snippets', 'l10n', 'syntaxes', 'images', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) {
  if (!copy(rel)) fail(`${rel} is missing`);
}
for (const f of fs.readdirSync(root)) if (/^package\.nls(\.[\w-]+)?\.json$/.test(f)) copy(f);
fs.mkdirSync(path.join(stage, 'dist', 'web'), { recursive: true });
for (const f of fs.readdirSync(path.join(root, 'dist'))) if (f.endsWith('.js')) copy(path.join('dist', f));
for (const f of fs.readdirSync(path.join(root, 'dist', 'web'))) if (f.endsWith('.js')) copy(path.join('dist', 'web', f));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
delete manifest.files;
delete manifest.bin;
delete manifest.scripts;
delete manifest.private; // npm's flag (the CLI package is not published from here): meaningless in a .vsix
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// 3. What would be packaged: only allowed paths.
const allowed = [/^package\.json$/, /^dist\/(web\/)?[^/]+\.js$/, /^(schemas|snippets|l10n|syntaxes|images)\//, /^package\.nls(\.[\w-]+)?\.json$/, /^(README\.md|CHANGELOG\.md|LICENSE)$/];
const ls = run(process.execPath, [vsce, 'ls', '--no-dependencies'], stage);
if (ls.status !== 0) fail(`vsce ls failed:\n${ls.output}`);
const listed = ls.output
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !/^(WARNING|INFO|DONE|ERROR)\b/.test(l));
const stray = listed.filter((f) => !allowed.some((re) => re.test(f)));
if (stray.length) fail(`files outside the allowed list would be packaged:\n  ${stray.join('\n  ')}`);

// 4. Package; any warning is a failure.
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
const p = run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], stage);
process.stdout.write(p.output);
if (p.status !== 0 || !fs.existsSync(out)) fail(`vsce package failed (exit ${p.status})`);
const warnings = p.output.split('\n').filter((l) => /\bWARNING\b|\bwarn(ing)?:/i.test(l));
if (warnings.length) {
  fs.rmSync(out, { force: true });
  fail(`vsce printed warnings (the .vsix must package cleanly):\n${warnings.join('\n')}`);
}
const size = fs.statSync(out).size;
console.log(`package: ${path.relative(root, out)} — ${listed.length} files, ${(size / 1024).toFixed(1)} KiB (${size} bytes)`);
