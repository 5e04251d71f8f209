/**
 * docs/catalogue-guide.md, followed step by step: from the template catalogue to a city's first
 * lint. The guide's French part carries hidden directives (HTML comments, invisible on GitHub)
 * before the blocks a reader would type or copy:
 *
 *   <!-- guide:run exit=N -->              the next ```sh block: each `cadre-ia …` line, run in a
 *                                          scratch folder; the last exit code must be N
 *   <!-- guide:output -->                  the next ```text block: each line appears in that output
 *   <!-- guide:set FILE -->                the next ```yaml block: its top-level keys replace FILE's
 *   <!-- guide:append FILE KEY -->         the next ```yaml block: appended to FILE's KEY list
 *   <!-- guide:replace FILE A => B -->     A replaced by B in FILE (A must be there)
 *   <!-- guide:file FILE -->               the next ```yaml block: written as FILE
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { main, type Io } from '../../server/src/cli/main';
import '../../server/src/cli/catalogue';

const ROOT = path.join(__dirname, '..', '..');
const GUIDE = fs.readFileSync(path.join(ROOT, 'docs', 'catalogue-guide.md'), 'utf8');

interface Step {
  directive: string;
  block?: { lang: string; body: string };
}

/** The French part's directives, each with the code block that follows it (when it needs one). */
function steps(markdown: string): Step[] {
  const french = markdown.split(/^## English$/m)[0];
  const lines = french.split('\n');
  const out: Step[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^<!-- guide:(.+?) -->$/.exec(lines[i]);
    if (!m) continue;
    const step: Step = { directive: m[1] };
    if (!/^replace /.test(m[1])) {
      let j = i + 1;
      while (j < lines.length && !lines[j].startsWith('```') && !/^<!-- guide:/.test(lines[j])) j++;
      if (j < lines.length && lines[j].startsWith('```')) {
        const lang = lines[j].slice(3).trim();
        const end = lines.indexOf('```', j + 1);
        step.block = { lang, body: lines.slice(j + 1, end).join('\n') };
      }
    }
    out.push(step);
  }
  return out;
}

async function run(commandLine: string, cwd: string): Promise<{ code: number; out: string }> {
  const args = commandLine.trim().split(/\s+/);
  assert.equal(args[0], 'cadre-ia', `a guide command starts with cadre-ia: ${commandLine}`);
  let out = '';
  const io: Io = { stdout: (s) => (out += s), stderr: (s) => (out += s), env: { CADRE_IA_DATE: '2026-12-02', LANG: 'fr_FR.UTF-8' }, isTTY: false, cwd };
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return { code: await main(args.slice(1), io), out };
  } finally {
    process.chdir(before);
  }
}

describe('docs/catalogue-guide.md, followed step by step', () => {
  it('goes from the template catalogue to the first lint of a declaration of the city', async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-guide-'));
    const all = steps(GUIDE);
    let last: { code: number; out: string } | undefined;
    let runs = 0;
    try {
      for (const s of all) {
        const [verb, ...rest] = s.directive.split(' ');
        const file = (p: string) => path.join(dir, p);
        if (verb === 'run') {
          assert.equal(s.block?.lang, 'sh', s.directive);
          const expected = Number(/exit=(\d+)/.exec(s.directive)?.[1]);
          for (const line of s.block!.body.split('\n').filter((l) => l.trim())) last = await run(line, dir);
          assert.equal(last!.code, expected, `${s.block!.body} exited ${last!.code}:\n${last!.out}`);
          runs++;
        } else if (verb === 'output') {
          assert.ok(last, 'an output with no command before it');
          for (const line of s.block!.body.split('\n').filter((l) => l.trim())) assert.ok(last.out.includes(line.trim()), `output lacks ${JSON.stringify(line)}:\n${last.out}`);
        } else if (verb === 'set') {
          const target = file(rest[0]);
          const doc = parseDocument(fs.readFileSync(target, 'utf8'));
          const values = parseDocument(s.block!.body).toJS() as Record<string, unknown>;
          for (const [k, v] of Object.entries(values)) doc.set(k, v);
          fs.writeFileSync(target, doc.toString());
        } else if (verb === 'append') {
          const [name, key] = rest;
          const text = fs.readFileSync(file(name), 'utf8').split('\n');
          const start = text.indexOf(`${key}:`);
          assert.ok(start >= 0, `${name} has no top-level ${key}:`);
          let end = start + 1;
          while (end < text.length && !/^[A-Za-z_#]/.test(text[end])) end++;
          // Before the comment lines that introduce the next key, after the list's last item.
          while (end > start + 1 && text[end - 1].trim() === '') end--;
          text.splice(end, 0, '', ...s.block!.body.split('\n'));
          fs.writeFileSync(file(name), text.join('\n'));
        } else if (verb === 'replace') {
          const m = /^(\S+) (.+?) => (.+)$/.exec(rest.join(' '));
          assert.ok(m, s.directive);
          const text = fs.readFileSync(file(m[1]), 'utf8');
          assert.ok(text.includes(m[2]), `${m[1]} lacks ${m[2]}`);
          fs.writeFileSync(file(m[1]), text.replace(m[2], m[3]));
        } else if (verb === 'file') {
          fs.mkdirSync(path.dirname(file(rest[0])), { recursive: true });
          fs.writeFileSync(file(rest[0]), s.block!.body + '\n');
        } else assert.fail(`unknown guide directive ${s.directive}`);
      }
      assert.ok(runs >= 6, `${runs} commands run`);
      assert.equal(last?.code, 0, 'the guide ends with a clean lint');
      assert.match(last!.out, /assistant-mairie\.ia\.yaml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names only files and commands that exist', () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'schemas', 'modele.catalogue.yaml')));
    assert.ok(fs.existsSync(path.join(ROOT, 'schemas', 'catalogue.schema.json')));
    assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'socle-ia', 'README.md')));
    assert.match(GUIDE, /## English/);
  });
});
