/**
 * The CLI as a user installs it: `npm pack` then `npm install <tarball>` into a fresh project,
 * and `npm install git+file://<clone>` (npm clones, installs the dev dependencies and runs
 * `prepare`, which builds dist/). Each time `npx cadre-ia` lints the examples from another
 * folder, so schemas and catalogues must be found from the package, not the current folder.
 *
 * The git install uses the repository's committed HEAD (a clone): uncommitted changes are not
 * part of it. Needs the npm registry (the dev dependencies of the git install).
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function run(cmd: string, args: string[], opts: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    timeout: 540_000,
    ...opts,
    env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...opts.env },
  });
  return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), error: r.error };
}

function ok(r: ReturnType<typeof run>, what: string) {
  assert.equal(r.error, undefined, `${what}: ${r.error}`);
  assert.equal(r.status, 0, `${what} exited ${r.status}\nstdout:\n${r.stdout.slice(-3000)}\nstderr:\n${r.stderr.slice(-3000)}`);
}

/** A fresh project, the examples copied to a folder beside it, and `npx cadre-ia` run there. */
function checkInstalled(project: string) {
  const decl = path.join(path.dirname(project), 'declarations');
  fs.cpSync(path.join(ROOT, 'examples'), decl, { recursive: true });
  const version = run('npx', ['--no-install', 'cadre-ia', '--version'], { cwd: project });
  ok(version, 'npx cadre-ia --version');
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  // From a third folder (not the package, not the project): nothing to find by walking up.
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-elsewhere-'));
  try {
    const lint = run(path.join(project, 'node_modules', '.bin', 'cadre-ia'), ['lint', decl, '--format', 'json', '--locale', 'en'], { cwd: elsewhere });
    assert.equal(lint.error, undefined);
    assert.ok(lint.status === 0 || lint.status === 1, `lint exited ${lint.status}: ${lint.stderr}`);
    const out = JSON.parse(lint.stdout) as { file: string; engagements: Record<string, string> }[];
    assert.equal(out.length, fs.readdirSync(decl).filter((f) => f.endsWith('.ia.yaml')).length);
    for (const f of out) assert.equal(Object.keys(f.engagements).length, 14, `${f.file}: the Lyon catalogue was not loaded`);
    const viaNpx = run('npx', ['--no-install', 'cadre-ia', 'lint', decl], { cwd: project });
    assert.ok(viaNpx.status === 0 || viaNpx.status === 1, `npx cadre-ia lint exited ${viaNpx.status}: ${viaNpx.stderr}`);
    assert.match(viaNpx.stdout, /Engagements/);
  } finally {
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
}

function freshProject(tmp: string): string {
  const project = path.join(tmp, 'projet');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'projet-essai', version: '1.0.0', private: true }) + '\n');
  return project;
}

describe('installable CLI', function () {
  this.timeout(600_000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-install-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('npm install <the npm pack tarball> gives a working npx cadre-ia', () => {
    const pack = run('npm', ['pack', '--pack-destination', tmp, '--json'], { cwd: ROOT });
    ok(pack, 'npm pack');
    const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const files = info[0].files.map((f) => f.path);
    for (const f of ['bin/cadre-ia.js', 'dist/cli.js', 'schemas/declaration.schema.json', 'schemas/frameworks/lyon-2025.yaml', 'schemas/templates.yaml'])
      assert.ok(files.includes(f), `${f} is not in the tarball`);
    assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('server/')), 'sources or tests in the tarball');
    const project = freshProject(tmp);
    ok(run('npm', ['install', path.join(tmp, info[0].filename)], { cwd: project }), 'npm install <tarball>');
    checkInstalled(project);
  });

  it('npm install git+file://<a clone> builds on install and gives a working npx cadre-ia', () => {
    const clone = path.join(tmp, 'clone');
    ok(run('git', ['clone', '--quiet', '--no-local', ROOT, clone], { cwd: tmp }), 'git clone');
    assert.ok(!fs.existsSync(path.join(clone, 'dist')), 'a clone has no dist/: the install must build it');
    const project = freshProject(tmp);
    ok(run('npm', ['install', `git+file://${clone}`], { cwd: project }), 'npm install git+file://');
    checkInstalled(project);
  });
});
