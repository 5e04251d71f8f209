import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseDocument } from 'yaml';

type Generator = typeof import('../../scripts/gen-snippets.mjs');

const ROOT = path.join(__dirname, '..', '..');
const SNIPPETS = path.join(ROOT, 'snippets', 'declaration-ia.code-snippets');

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
  isFileTemplate?: boolean;
}

/**
 * The text VS Code inserts for a snippet body when the user accepts every default: tab stops
 * (`$1`, `${1}`, `${1:default}`, `${1|first,second|}`) become their default text, escapes are
 * resolved. Also returns the tab stop numbers met, in order.
 */
function expand(body: string): { text: string; stops: number[] } {
  let i = 0;
  const stops: number[] = [];
  const digits = (): number => {
    const start = i;
    while (i < body.length && /[0-9]/.test(body[i])) i++;
    assert.ok(i > start, `tab stop without a number at ${start}: ${body.slice(start - 10, start + 20)}`);
    return Number(body.slice(start, i));
  };
  const choices = (): string[] => {
    const options: string[] = [];
    let cur = '';
    for (;;) {
      assert.ok(i < body.length, 'unterminated choice');
      const c = body[i];
      if (c === '\\' && ',|\\'.includes(body[i + 1])) {
        cur += body[i + 1];
        i += 2;
      } else if (c === ',') {
        options.push(cur);
        cur = '';
        i++;
      } else if (c === '|' && body[i + 1] === '}') {
        options.push(cur);
        i += 2;
        return options;
      } else {
        assert.notEqual(c, '|', 'unescaped | in a choice');
        cur += c;
        i++;
      }
    }
  };
  const text = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        i++;
        return out;
      } else if (c === '$' && /[0-9]/.test(body[i + 1] ?? '')) {
        i++;
        stops.push(digits());
      } else if (c === '$' && body[i + 1] === '{') {
        i += 2;
        stops.push(digits());
        if (body[i] === '}') i++;
        else if (body[i] === ':') {
          i++;
          out += text(true);
        } else if (body[i] === '|') {
          i++;
          out += choices()[0];
        } else assert.fail(`unexpected ${body[i]} in a tab stop`);
      } else {
        assert.ok(c !== '$', `unescaped $ at ${i}: ${body.slice(i, i + 20)}`);
        assert.ok(c !== '}' || inPlaceholder, `unescaped } at ${i}`);
        out += c;
        i++;
      }
    }
    assert.ok(!inPlaceholder, 'unterminated placeholder');
    return out;
  };
  return { text: text(false), stops };
}

describe('snippets', () => {
  let gen: Generator;
  let snippets: Record<string, Snippet>;

  before(async () => {
    gen = await import('../../scripts/gen-snippets.mjs');
    snippets = JSON.parse(fs.readFileSync(SNIPPETS, 'utf8'));
  });

  it('the committed file is what scripts/gen-snippets.mjs generates', () => {
    const expected = gen.generateSnippets(gen.readInputs());
    assert.equal(fs.readFileSync(SNIPPETS, 'utf8'), expected, 'run: node scripts/gen-snippets.mjs');
  });

  it('has a whole declaration, every section and every derogable engagement', () => {
    const templates = parse(fs.readFileSync(path.join(ROOT, 'schemas', 'templates.yaml'), 'utf8'));
    const catalogue = parse(fs.readFileSync(path.join(ROOT, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8'));
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    const expected = [
      'declaration-ia',
      ...Object.keys(templates.sections),
      'mention-ia',
      'mention-crpa',
      ...catalogue.engagements.filter((e: { derogable: boolean }) => e.derogable).map((e: { id: string }) => `derogation-${e.id}`),
    ];
    assert.deepEqual(prefixes, expected);
    assert.ok(prefixes.includes('reversibilite'));
    assert.ok(prefixes.includes('derogation-E01'));
    assert.ok(!prefixes.includes('derogation-E02'), 'E02 is not derogable');
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  });

  it('every body, with each tab stop at its default, is valid YAML', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.description.length > 0, name);
      const { text, stops } = expand(s.body.join('\n'));
      const doc = parseDocument(text + '\n');
      assert.deepEqual(
        doc.errors.map((e) => e.message),
        [],
        `${name}:\n${text}`,
      );
      assert.ok(stops.length > 0, `${name} has tab stops`);
      // Tab stops are numbered 1..n in order of first appearance.
      const firsts = [...new Set(stops)];
      assert.deepEqual(
        firsts,
        firsts.map((_, k) => k + 1),
        name,
      );
      assert.ok(!/\{\{\w+\}\}/.test(text), `${name} keeps a {{variable}}`);
    }
  });

  it('a derogation snippet is an entry of `engagements:`', () => {
    const { text } = expand(snippets['Dérogation E09'].body.join('\n'));
    const data = parse(text);
    assert.deepEqual(Object.keys(data), ['E09']);
    assert.equal(data.E09.statut, 'derogation');
    assert.match(data.E09.echeance, /^A COMPLETER : /);
  });

  it('booleans and short enums are choices that start with the placeholder', () => {
    const body = snippets['Section usagers'].body.join('\n');
    assert.match(body, /interaction_directe: \$\{1\|"A COMPLETER : [^|]*",false,true\|\}/);
    assert.match(body, /public_concerne: \$\{2\|"A COMPLETER : [^|]*",agents,usagers,mixte\|\}/);
  });

  it('escapes $, } and \\ in literal text and in placeholders', () => {
    const body = gen.toSnippetBody('a: "A COMPLETER : coût en $ {x}"\nb: ${c}\n', {}).join('\n');
    assert.equal(body, 'a: ${1:"A COMPLETER : coût en \\$ {x\\}"}\nb: \\${c\\}');
    assert.equal(expand(body).text, 'a: "A COMPLETER : coût en $ {x}"\nb: ${c}');
  });
});
