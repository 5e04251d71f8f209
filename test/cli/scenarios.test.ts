/**
 * CLI scenarios, in the spirit of Spectral's: each `*.scenario` file under test/cli/scenarios/
 * holds the input documents, the command, and the expected exit status and output.
 *
 *   ====test====                 a title
 *   ====document:NAME====        a file written in a fresh temporary folder (NAME may hold folders)
 *   ====copy:NAME====            a file copied from the repository; the body is its path (e.g. examples/x.ia.yaml)
 *   ====replace:NAME====         `FROM => TO` lines applied to NAME (once each, in order; each must match)
 *   ====binary:NAME====          a file written from hex bytes
 *   ====symlink:NAME====         a symbolic link; the body is the target
 *   ====fifo:NAME====            a named pipe (a path that is not a regular file)
 *   ====env====                  KEY=VALUE lines
 *   ====git====                  git commands run in the folder at that point, one per line (argument
 *                                words, no shell): e.g. `init -q -b main`, `add .`, `commit -q -m base`,
 *                                `mv a.ia.yaml b.ia.yaml`; fixed author, committer and dates, so commits
 *                                have the same sha on every run
 *   ====user====                 `nobody` runs the command as an unprivileged user (to test unreadable files as root)
 *   ====mode:NAME====            an octal mode for NAME (e.g. 000)
 *   ====command====              arguments of `cadre-ia` (shell-like words, "quotes" allowed)
 *   ====status====               expected exit code
 *   ====stdout==== / ====stderr====                  exact expected output (UPDATE_SNAPSHOTS=1 rewrites it)
 *   ====stdout-contains==== / ====stderr-contains====  lines that must each appear
 *   ====stdout-json====          a JS expression over `out` (the parsed stdout) that must be true, one per line
 *   ====file:NAME====            exact expected content of NAME after the command (UPDATE_SNAPSHOTS=1 rewrites it)
 *   ====file-json:NAME====       JS expressions over `out` (NAME parsed as JSON) that must be true
 *   ====env==== may use <tmp> for the scenario's folder.
 *
 * The bin under test is the built one (bin/cadre-ia.js → dist/cli.js): run `npm run build` first.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'cadre-ia.js');
const DIR = path.join(__dirname, 'scenarios');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

interface Section {
  name: string;
  arg?: string;
  body: string;
}

function parseScenario(text: string): Section[] {
  const sections: Section[] = [];
  const re = /^====([a-z-]+)(?::([^=]+))?====\n/gm;
  const marks: { name: string; arg?: string; start: number; headerStart: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) marks.push({ name: m[1], arg: m[2], start: m.index + m[0].length, headerStart: m.index });
  marks.forEach((mk, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].headerStart : text.length;
    sections.push({ name: mk.name, arg: mk.arg, body: text.slice(mk.start, end) });
  });
  return sections;
}

function words(cmd: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(cmd); m; m = re.exec(cmd)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** git's identity and dates for the ====git==== sections: the same commits, the same shas. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Cadre IA',
  GIT_AUTHOR_EMAIL: 'tests@cadre-ia.invalid',
  GIT_COMMITTER_NAME: 'Cadre IA',
  GIT_COMMITTER_EMAIL: 'tests@cadre-ia.invalid',
  GIT_AUTHOR_DATE: '2026-06-01T12:00:00Z',
  GIT_COMMITTER_DATE: '2026-06-01T12:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;

describe('CLI scenarios', function () {
  this.timeout(30000);
  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` before the CLI scenarios');
  });

  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.scenario'))
    .sort();
  for (const file of files) {
    const full = path.join(DIR, file);
    const text = fs.readFileSync(full, 'utf8');
    const sections = parseScenario(text);
    const title = sections.find((s) => s.name === 'test')?.body.trim() ?? file;
    it(`${file}: ${title}`, () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-cli-'));
      fs.chmodSync(tmp, 0o755);
      try {
        // GIT_CEILING_DIRECTORIES: the folder is never taken for part of a repository above it.
        const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmp, CADRE_IA_DATE: '2026-06-01', GIT_CEILING_DIRECTORIES: path.dirname(tmp) };
        let asNobody = false;
        for (const s of sections) {
          const target = s.arg ? path.join(tmp, s.arg) : '';
          if (s.arg) fs.mkdirSync(path.dirname(target), { recursive: true });
          if (s.name === 'document') fs.writeFileSync(target, s.body);
          else if (s.name === 'binary') fs.writeFileSync(target, Buffer.from(s.body.replace(/\s+/g, ''), 'hex'));
          else if (s.name === 'symlink') fs.symlinkSync(s.body.trim(), target);
          else if (s.name === 'fifo') assert.equal(spawnSync('mkfifo', [target]).status, 0, 'mkfifo failed');
          else if (s.name === 'copy') fs.copyFileSync(path.join(ROOT, s.body.trim()), target);
          else if (s.name === 'replace') {
            let content = fs.readFileSync(target, 'utf8');
            for (const line of s.body.split('\n').filter((l) => l.includes(' => '))) {
              const [from, to] = [line.slice(0, line.indexOf(' => ')), line.slice(line.indexOf(' => ') + 4)];
              assert.ok(content.includes(from), `replace: «${from}» is not in ${s.arg}`);
              content = content.replace(from, to.replace(/\\n/g, '\n'));
            }
            fs.writeFileSync(target, content);
          } else if (s.name === 'env')
            for (const line of s.body.split('\n').filter(Boolean))
              env[line.slice(0, line.indexOf('='))] = line
                .slice(line.indexOf('=') + 1)
                .split('<tmp>')
                .join(tmp);
          else if (s.name === 'user') asNobody = s.body.trim() === 'nobody';
          else if (s.name === 'git') {
            for (const line of s.body.split('\n').filter((l) => l.trim())) {
              const g = spawnSync('git', words(line), { cwd: tmp, env: { ...env, ...GIT_ENV }, encoding: 'utf8' });
              assert.equal(g.status, 0, `git ${line} failed: ${g.stderr}`);
            }
          }
        }
        for (const s of sections) if (s.name === 'mode') fs.chmodSync(path.join(tmp, s.arg!), parseInt(s.body.trim(), 8));
        const args = words(sections.find((s) => s.name === 'command')!.body.trim());
        let cmd = process.execPath;
        let argv = [BIN, ...args];
        if (asNobody) {
          if (!isRoot) {
            // Not root: the file modes alone make the file unreadable.
          } else {
            assert.ok(hasSetpriv, 'setpriv (util-linux) is needed to run this scenario as an unprivileged user');
            argv = ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...argv];
            cmd = 'setpriv';
          }
        }
        const r = spawnSync(cmd, argv, { cwd: tmp, env, encoding: 'utf8', timeout: 20000 });
        assert.equal(r.error, undefined, String(r.error));
        let updated = text;
        for (const s of sections) {
          if (s.name === 'status') assert.equal(r.status, Number(s.body.trim()), `exit status\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
          if (s.name === 'stdout' || s.name === 'stderr') {
            const actual = (s.name === 'stdout' ? r.stdout : r.stderr).split(tmp).join('<tmp>');
            if (UPDATE) updated = updated.replace(`====${s.name}====\n${s.body}`, `====${s.name}====\n${actual}`);
            else assert.equal(actual, s.body, `${s.name} differs (UPDATE_SNAPSHOTS=1 to accept)`);
          }
          if (s.name === 'stdout-contains' || s.name === 'stderr-contains') {
            const actual = s.name === 'stdout-contains' ? r.stdout : r.stderr;
            for (const line of s.body.split('\n').filter((l) => l.trim())) assert.ok(actual.includes(line), `${s.name}: missing «${line}» in:\n${actual}`);
          }
          if (s.name === 'file') {
            const actual = fs.readFileSync(path.join(tmp, s.arg!), 'utf8').split(tmp).join('<tmp>');
            if (UPDATE) updated = updated.replace(`====file:${s.arg}====\n${s.body}`, `====file:${s.arg}====\n${actual}`);
            else assert.equal(actual, s.body, `${s.arg} differs (UPDATE_SNAPSHOTS=1 to accept)`);
          }
          if (s.name === 'file-json') {
            const out = JSON.parse(fs.readFileSync(path.join(tmp, s.arg!), 'utf8'));
            for (const expr of s.body.split('\n').filter((l) => l.trim())) {
              const ok = new Function('out', `return (${expr});`)(out);
              assert.ok(ok, `file-json ${s.arg}: ${expr} is false for:\n${JSON.stringify(out, null, 1).slice(0, 3000)}`);
            }
          }
          if (s.name === 'stdout-json') {
            const out = JSON.parse(r.stdout);
            for (const expr of s.body.split('\n').filter((l) => l.trim())) {
              const ok = new Function('out', `return (${expr});`)(out);
              assert.ok(ok, `stdout-json: ${expr} is false for:\n${JSON.stringify(out, null, 1).slice(0, 3000)}`);
            }
          }
        }
        if (UPDATE && updated !== text) fs.writeFileSync(full, updated);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
});
