// The extension manifest (package.json `contributes`), its translations and the client's
// strings agree with each other and with the code: every setting of shared/protocol.ts is
// contributed with its default, every command the client registers is contributed (with a
// category and an icon) and every contributed one is registered, every `%key%` has an English
// and a French text, and every `t('…')` string of client/src has its French translation.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../shared/protocol';
import { CLIENT_SRC, extractClientStrings, placeholders } from './l10nStrings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
const pkg = read('package.json');
const nlsEn: Record<string, string> = read('package.nls.json');
const nlsFr: Record<string, string> = read('package.nls.fr.json');
const bundleFr: Record<string, string> = read('l10n/bundle.l10n.fr.json');

function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%]+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) for (const v of value) nlsKeys(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) nlsKeys(v, out);
  return out;
}

/** Command ids the client registers (`reg('id', …)` or `registerCommand('id', …)`). */
/**
 * The commands the client registers: one file per command under client/src/commands/, named after
 * it (`cadreIa.insertSection` → `insertSection.ts`, `id: 'cadreIa.insertSection'`) and listed in
 * `COMMANDS` (commands/index.ts); or a direct `registerCommand('cadreIa.…')` elsewhere.
 */
function registeredCommands(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const file of walk(CLIENT_SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bregisterCommand\(\s*'(cadreIa\.[\w.]+)'/g)) ids.add(m[1]);
  }
  const dir = path.join(CLIENT_SRC, 'commands');
  const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
    const m = /\bid: '(cadreIa\.[\w.]+)'/.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
    if (!m) continue; // a helper shared by commands
    const name = f.replace(/\.ts$/, '');
    assert.equal(m[1], `cadreIa.${name}`, `commands/${f} is named after its command`);
    assert.match(index, new RegExp(`import \\{ command as ${name} \\} from './${name}';`), `commands/index.ts imports ${f}`);
    assert.match(index, new RegExp(`^  ${name},$`, 'm'), `COMMANDS lists ${name}`);
    ids.add(m[1]);
  }
  return ids;
}

describe('client: extension manifest', () => {
  it('targets VS Code 1.91 to 1.139, starts dist/client.js, activates only on declarations and catalogues', () => {
    const m = /^\^1\.(\d+)\.\d+$/.exec(pkg.engines.vscode);
    assert.ok(m, `engines.vscode ${pkg.engines.vscode}`);
    assert.ok(Number(m[1]) >= 91 && Number(m[1]) <= 139, pkg.engines.vscode);
    assert.equal(pkg.main, './dist/client.js');
    // Declarations, and the framework catalogues being written (*.catalogue.yaml).
    assert.deepEqual(pkg.activationEvents, ['onLanguage:declaration-ia', 'onLanguage:catalogue-ia']);
    assert.equal(pkg.l10n, './l10n');
    assert.ok(fs.existsSync(path.join(ROOT, pkg.icon)), `icon ${pkg.icon}`);
  });

  it('declares the language, its grammar, configuration, snippets and schema files that exist', () => {
    const c = pkg.contributes;
    const lang = c.languages.find((l: { id: string }) => l.id === 'declaration-ia');
    assert.deepEqual(lang.extensions, ['.ia.yaml', '.ia.yml']);
    const files = [
      lang.configuration,
      lang.icon.light,
      lang.icon.dark,
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.snippets.map((s: { path: string }) => s.path),
      ...c.yamlValidation.map((v: { url: string }) => v.url),
      c.viewsContainers.activitybar[0].icon,
    ];
    for (const f of files) assert.ok(fs.existsSync(path.join(ROOT, f)), `missing ${f}`);
    const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, c.grammars[0].path), 'utf8'));
    assert.equal(grammar.scopeName, c.grammars[0].scopeName);
    assert.ok(JSON.stringify(grammar.patterns).includes('source.yaml'), 'the grammar includes source.yaml');
  });

  it('contributes every setting of shared/protocol.ts, with its default and a resource scope', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { default: unknown; scope: string; markdownDescription: string }>;
    for (const [key, def] of Object.entries(DEFAULT_SETTINGS)) {
      const p = props[`cadreIa.${key}`];
      assert.ok(p, `cadreIa.${key} is not contributed`);
      assert.deepEqual(p.default, def, `default of cadreIa.${key}`);
      assert.equal(p.scope, 'resource', `scope of cadreIa.${key}`);
      assert.match(p.markdownDescription, /^%config\.\w+%$/);
    }
    const extra = Object.keys(props).filter((k) => !(k.slice('cadreIa.'.length) in DEFAULT_SETTINGS));
    assert.deepEqual(extra, ['cadreIa.trace.server']);
  });

  it('restricts the catalogue path in untrusted workspaces and says what virtual workspaces lack', () => {
    const caps = pkg.capabilities;
    assert.equal(caps.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(caps.untrustedWorkspaces.restrictedConfigurations, ['cadreIa.catalogue']);
    assert.equal(caps.virtualWorkspaces.supported, 'limited');
    assert.ok(nlsEn[caps.virtualWorkspaces.description.replace(/%/g, '')]);
  });

  it('is a web extension too: a browser entry, and both extension kinds', () => {
    assert.equal(pkg.main, './dist/client.js');
    assert.equal(pkg.browser, './dist/web/client.js');
    assert.deepEqual(pkg.extensionKind, ['workspace', 'ui']);
  });

  it('registers every contributed command and contributes every registered one, with category and icon', () => {
    const contributed = new Map<string, { category?: string; icon?: string; title: string }>(pkg.contributes.commands.map((c: { command: string }) => [c.command, c]));
    const registered = registeredCommands();
    assert.deepEqual([...registered].sort(), [...contributed.keys()].sort());
    for (const [id, c] of contributed) {
      assert.equal(c.category, 'Cadre IA', `${id} category`);
      assert.match(c.icon ?? '', /^\$\([\w-]+\)$/, `${id} icon`);
      assert.match(c.title, /^%command\.\w+%$/, `${id} title`);
    }
    for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, { command: string }[]>)) {
      for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command} is not a contributed command`);
    }
  });

  it('has an English and a French text for every %key% of the manifest, and no unused one', () => {
    const used = nlsKeys(pkg);
    assert.deepEqual([...used].sort(), Object.keys(nlsEn).sort());
    assert.deepEqual(Object.keys(nlsFr).sort(), Object.keys(nlsEn).sort());
    for (const [k, v] of Object.entries(nlsFr)) {
      assert.ok(v.trim(), `empty French text for ${k}`);
      assert.ok(nlsEn[k].trim(), `empty English text for ${k}`);
    }
    // The command titles are really translated (not copied).
    for (const k of Object.keys(nlsEn).filter((k) => k.startsWith('command.'))) assert.notEqual(nlsFr[k], nlsEn[k], k);
  });

  it('has a French translation, with the same placeholders, for every client string (and no stale one)', () => {
    const { strings, nonLiteral } = extractClientStrings();
    assert.deepEqual(nonLiteral, [], 't() called with a non-literal message');
    assert.ok(strings.size > 30, `only ${strings.size} strings found: extraction broken?`);
    const missing = [...strings.keys()].filter((s) => !(s in bundleFr));
    assert.deepEqual(missing, [], 'strings without a French translation');
    const stale = Object.keys(bundleFr).filter((s) => !strings.has(s));
    assert.deepEqual(stale, [], 'translations of strings the client no longer uses');
    for (const [en, fr] of Object.entries(bundleFr)) assert.deepEqual(placeholders(fr), placeholders(en), `placeholders of "${en}"`);
  });
});
