/**
 * The README's "In CI" and "Other editors" snippets say what the repository really holds: the
 * YAML and JSON snippets parse; the GitLab variables, the action's inputs and the pre-commit hook
 * id they use exist in the templates; the Neovim snippet starts the server as the Neovim test
 * (test/nvim/test.lua) does; the yaml-language-server modeline points into the npm package at a
 * file the package ships. The templates themselves run with the real tools in
 * test/integrations/templates.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The body of a `## title` section, up to the next `## `. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has no "## ${title}" section`);
  const end = README.indexOf('\n## ', start + 4);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The fenced blocks of a text, with their language. */
function blocks(text: string): { lang: string; body: string }[] {
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2] }));
}

describe('README: In CI and Other editors', () => {
  const ci = section('In CI');
  const editors = section('Other editors');

  it('every YAML and JSON snippet parses', () => {
    const all = [...blocks(ci), ...blocks(editors)];
    assert.ok(all.filter((b) => b.lang === 'yaml').length >= 4);
    for (const b of all) {
      if (b.lang === 'yaml') assert.doesNotThrow(() => parse(b.body), b.body);
      if (b.lang === 'json') assert.doesNotThrow(() => JSON.parse(b.body), b.body);
    }
  });

  it('GitLab: the included file exists and the variables shown are the template’s', () => {
    const snippet = parse(blocks(ci).find((b) => b.body.includes('include:'))!.body) as { include: { file: string }[]; 'cadre-ia': { variables: Record<string, string> } };
    const file = snippet.include[0].file;
    assert.ok(fs.existsSync(path.join(ROOT, file)), file);
    const template = parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, { variables: Record<string, string> }>;
    for (const v of Object.keys(snippet['cadre-ia'].variables)) assert.ok(v in template['cadre-ia'].variables, `${v} is not a variable of the template`);
    for (const v of ci.match(/\bCADRE_IA_[A-Z_]+/g) ?? []) assert.ok(v in template['cadre-ia'].variables, `${v} (named in the README) is not a variable of the template`);
  });

  it('GitHub: the action’s inputs shown exist, and the example workflow named exists', () => {
    const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const steps = parse(blocks(ci).find((b) => b.body.includes('uses: cadre-ia/cadre-ia'))!.body) as { steps: { uses: string; with?: Record<string, unknown> }[] };
    const step = steps.steps.find((s) => s.uses.startsWith('cadre-ia/cadre-ia'))!;
    for (const k of Object.keys(step.with ?? {})) assert.ok(k in action.inputs, `input ${k}`);
    for (const m of ci.matchAll(/`([a-z-]+): '(?:true|false)'`/g)) assert.ok(m[1] in action.inputs, `input ${m[1]}`);
    assert.ok(fs.existsSync(path.join(ROOT, 'ci/github/cadre-ia.yml')));
  });

  it('pre-commit: the hook id is the one .pre-commit-hooks.yaml defines', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    const config = parse(blocks(ci).find((b) => b.body.includes('repos:'))!.body) as { repos: { hooks: { id: string }[] }[] };
    for (const h of config.repos[0].hooks)
      assert.ok(
        hooks.some((x) => x.id === h.id),
        h.id,
      );
  });

  it('Neovim: the plain snippet starts the server as test/nvim/test.lua does', () => {
    const lua = blocks(editors).find((b) => b.lang === 'lua' && b.body.includes('vim.lsp.start_client'))!.body;
    const test = fs.readFileSync(path.join(ROOT, 'test/nvim/test.lua'), 'utf8');
    for (const part of ['vim.lsp.start_client({', "name = 'cadre-ia',", "'lsp', '--stdio' }", 'init_options = { locale = ', 'vim.lsp.buf_attach_client(']) {
      assert.ok(lua.includes(part), `README snippet lacks ${part}`);
      assert.ok(test.includes(part), `test/nvim/test.lua lacks ${part}`);
    }
  });

  it('the server settings named are the ones the server reads', () => {
    const protocol = fs.readFileSync(path.join(ROOT, 'shared/protocol.ts'), 'utf8');
    const settings = /export interface Settings \{([\s\S]*?)\n\}/.exec(protocol)![1];
    for (const key of ['locale', 'catalogue', 'rules', 'debounceMs', 'maxFileSize', 'codeLens']) {
      assert.match(settings, new RegExp(`\\b${key}:`), key);
      assert.ok(editors.includes(`\`${key}\``), `README does not name ${key}`);
    }
    assert.match(protocol, /SETTINGS_SECTION = 'cadreIa'/);
    assert.ok(editors.includes('section `cadreIa`'));
  });

  it('yaml-language-server: the modeline points at the schema the npm package ships', () => {
    const m = /\$schema=\.\.\/node_modules\/([^/]+)\/(\S+)/.exec(editors);
    assert.ok(m, 'no node_modules modeline');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; files: string[] };
    assert.equal(m[1], pkg.name);
    assert.ok(fs.existsSync(path.join(ROOT, m[2])), m[2]);
    assert.ok(
      pkg.files.some((f) => m[2].startsWith(f.replace(/\/$/, '') + '/') || m[2] === f),
      `${m[2]} is not in the package's files`,
    );
  });
});
