/**
 * `cadre-ia init` (the built CLI): the file it writes is the template VS Code's "new
 * declaration" writes (`renderDeclaration`), it lints without errors, every engagement is
 * "à compléter" until the placeholders are filled, and an existing file is never replaced.
 * Run `npm run build` first.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderDeclaration } from '../../server/src/core/templates';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'cadre-ia.js');

function run(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd, CADRE_IA_DATE: '2026-06-01', NO_COLOR: '1' } });
}

interface LintJson {
  file: string;
  diagnostics: { code: string; severity: string }[];
  engagements: Record<string, string>;
}

describe('cadre-ia init', function () {
  this.timeout(30000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-init-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const cases: { title: string; args: string[]; file: string; expected: () => string }[] = [
    {
      title: '--nom and --direction: the file is named after the project, with the editor’s template',
      args: ['init', '--nom', 'Tri du courrier : « entrant » #1', '--direction', 'Direction des relations usagers'],
      file: 'tri-du-courrier-entrant-1.ia.yaml',
      expected: () => renderDeclaration({ nom: 'Tri du courrier : « entrant » #1', direction: 'Direction des relations usagers' }).text,
    },
    {
      title: 'a file name only: projet.id from the file name, nom and direction left "A COMPLETER"',
      args: ['init', 'decl/assistant-rh.ia.yaml'],
      file: 'decl/assistant-rh.ia.yaml',
      expected: () => renderDeclaration({ id: 'assistant-rh', nom: 'A COMPLETER : nom du projet', direction: 'A COMPLETER : direction responsable du projet' }).text,
    },
  ];

  for (const c of cases) {
    it(`${c.title}; it lints without errors, every engagement "à compléter"`, () => {
      const w = run(tmp, c.args);
      assert.equal(w.status, 0, w.stderr);
      assert.match(w.stdout, new RegExp(c.file.replace(/[.]/g, '\\.')));
      const text = fs.readFileSync(path.join(tmp, c.file), 'utf8');
      assert.equal(text, c.expected());
      const lint = run(tmp, ['lint', c.file, '--format', 'json']);
      assert.equal(lint.status, 0, lint.stdout + lint.stderr);
      const [res] = JSON.parse(lint.stdout) as LintJson[];
      assert.deepEqual(
        res.diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
      assert.ok(
        res.diagnostics.some((d) => d.code === 'schema-placeholder'),
        'the placeholders are pointed at',
      );
      assert.ok(
        res.diagnostics.every((d) => d.severity === 'warning'),
        'only warnings',
      );
      assert.equal(Object.keys(res.engagements).length, 14);
      for (const [id, v] of Object.entries(res.engagements)) assert.equal(v, 'a_completer', `${id} must be à compléter`);
    });
  }

  it('never replaces an existing file (exit 2, the file unchanged), nor writes without a name', () => {
    fs.writeFileSync(path.join(tmp, 'projet.ia.yaml'), 'mon texte\n');
    const r = run(tmp, ['init', 'projet.ia.yaml', '--nom', 'Projet']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'cadre-ia: projet.ia.yaml existe déjà : rien n’est écrit (choisissez un autre nom)\n');
    assert.equal(fs.readFileSync(path.join(tmp, 'projet.ia.yaml'), 'utf8'), 'mon texte\n');
    const n = run(tmp, ['init', '--locale', 'en']);
    assert.equal(n.status, 2);
    assert.match(n.stderr, /^cadre-ia: give a file name or --nom/);
    assert.deepEqual(fs.readdirSync(tmp).sort(), ['projet.ia.yaml']);
  });
});
