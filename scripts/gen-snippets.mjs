#!/usr/bin/env node
// Generates snippets/declaration-ia.code-snippets (VS Code snippets) from schemas/templates.yaml.
//
//   node scripts/gen-snippets.mjs           writes the file
//   node scripts/gen-snippets.mjs --check   exits 1 if the committed file is out of date
//
// Every "A COMPLETER : …" value of a template becomes a tab stop whose default text is that
// placeholder (so the inserted YAML stays valid and visibly incomplete); for a boolean or a short
// enum, the tab stop is a choice: the placeholder first, then the allowed values. `{{id}}`,
// `{{nom}}` and `{{direction}}` of the whole-declaration template become tab stops too. One
// derogation snippet per derogable engagement of the bundled catalogue. The proposed mentions
// (`mentions:` of templates.yaml: E07, CRPA) are snippets too.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPair, isScalar, isSeq, parse, parseDocument, visit } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SNIPPETS_FILE = join(ROOT, 'snippets', 'declaration-ia.code-snippets');
const PLACEHOLDER = /^A COMPLETER : /;
const MAX_CHOICES = 12;

/** Default text of the `{{…}}` variables of the whole-declaration template. */
const VARIABLES = {
  id: 'A COMPLETER : identifiant court en minuscules et tirets',
  nom: 'A COMPLETER : nom du projet',
  direction: 'A COMPLETER : direction ou service qui porte le projet',
};

/** Reads the three inputs from the repository. */
export function readInputs(root = ROOT) {
  return {
    templates: readFileSync(join(root, 'schemas', 'templates.yaml'), 'utf8'),
    catalogue: readFileSync(join(root, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8'),
    schema: JSON.parse(readFileSync(join(root, 'schemas', 'declaration.schema.json'), 'utf8')),
  };
}

/** Escapes literal snippet text. */
const escapeText = (s) => s.replace(/[\\$}]/g, (c) => '\\' + c);
/** Escapes the default text of a `${n:…}` placeholder. */
const escapePlaceholder = escapeText;
/** Escapes one option of a `${n|…|}` choice. */
const escapeChoice = (s) => s.replace(/[\\,|]/g, (c) => '\\' + c);

function schemaAt(schema, path) {
  let cur = schema;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') {
      cur = cur.items;
      continue;
    }
    let next = cur.properties?.[seg];
    if (!next && cur.patternProperties) {
      for (const [re, s] of Object.entries(cur.patternProperties)) if (new RegExp(re, 'u').test(seg)) next = s;
    }
    cur = next;
  }
  return cur;
}

/**
 * Turns a template text into snippet body lines.
 * @param text      the template (YAML at column 0, `{{var}}` allowed)
 * @param schema    the declaration schema, to make choices of booleans and enums
 * @param basePath  the data path the template's top level sits at (`['engagements']` for a derogation)
 */
export function toSnippetBody(text, schema, basePath = []) {
  if (text.includes('\\')) throw new Error('templates must not contain backslashes');
  // Same-length stand-ins keep the offsets of the parsed document equal to the text's.
  const masked = text.replace(/\{\{(\w+)\}\}/g, (m) => 'x'.repeat(m.length));
  const doc = parseDocument(masked);
  if (doc.errors.length) throw new Error(`template is not valid YAML: ${doc.errors[0].message}`);

  /** @type {{start: number, end: number, key: string, render: (n: number) => string}[]} */
  const stops = [];
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'string' || !PLACEHOLDER.test(node.value) || !node.range) return;
      const path = [...basePath];
      ancestors.forEach((anc, i) => {
        const child = ancestors[i + 1] ?? node;
        if (isPair(anc) && anc.value === child && isScalar(anc.key)) path.push(String(anc.key.value));
        if (isSeq(anc)) path.push(anc.items.indexOf(child));
      });
      const source = text.slice(node.range[0], node.range[1]);
      const s = schemaAt(schema, path);
      const types = [].concat(s?.type ?? []);
      let options;
      if (types.length === 1 && types[0] === 'boolean') options = ['false', 'true'];
      else if (Array.isArray(s?.enum) && s.enum.length <= MAX_CHOICES) options = s.enum.map(String);
      stops.push({
        start: node.range[0],
        end: node.range[1],
        key: `@${node.range[0]}`,
        render: (n) => (options ? `\${${n}|${[source, ...options].map(escapeChoice).join(',')}|}` : `\${${n}:${escapePlaceholder(source)}}`),
      });
    },
  });
  for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) {
    const name = m[1];
    if (!(name in VARIABLES)) throw new Error(`unknown template variable {{${name}}}`);
    const quoted = text[m.index - 1] === '"';
    const def = quoted ? VARIABLES[name] : `"${VARIABLES[name]}"`;
    stops.push({ start: m.index, end: m.index + m[0].length, key: name, render: (n) => `\${${n}:${escapePlaceholder(def)}}` });
  }
  stops.sort((a, b) => a.start - b.start);

  const numbers = new Map();
  let out = '';
  let at = 0;
  for (const stop of stops) {
    if (!numbers.has(stop.key)) numbers.set(stop.key, numbers.size + 1);
    out += escapeText(text.slice(at, stop.start)) + stop.render(numbers.get(stop.key));
    at = stop.end;
  }
  out += escapeText(text.slice(at));
  return out.replace(/\n$/, '').split('\n');
}

/** Builds the snippets file content (JSON text) from the inputs. */
export function generateSnippets({ templates, catalogue, schema }) {
  const t = parse(templates);
  const c = parse(catalogue);
  // The catalogue's `fields` say which engagements a section serves (a field of it, or the whole section).
  const engagementsOf = (section) => c.engagements.filter((e) => e.fields.some((f) => f.split('.')[0] === section));
  const list = (ids) => (ids.length > 1 ? `${ids.slice(0, -1).join(', ')} et ${ids[ids.length - 1]}` : ids[0]);

  const snippets = {};
  snippets['Déclaration de projet d’IA'] = {
    prefix: 'declaration-ia',
    description: `Nouvelle déclaration complète (${c.id}/${c.version}) : toutes les sections du format v1, avec les champs à compléter.`,
    isFileTemplate: true,
    body: toSnippetBody(t.declaration.text, schema),
  };
  for (const [section, tpl] of Object.entries(t.sections)) {
    const engs = engagementsOf(section);
    const about = engs.length ? `engagement${engs.length > 1 ? 's' : ''} ${list(engs.map((e) => `${e.id} « ${e.title.fr} »`))}` : 'identité du projet';
    snippets[`Section ${section}`] = {
      prefix: section,
      description: `Section « ${section} » (${about}), avec les champs à compléter.`,
      body: toSnippetBody(tpl.text, schema),
    };
  }
  const mentions = t.mentions ?? {};
  if (mentions.transparence) {
    snippets['Mention IA (E07)'] = {
      prefix: 'mention-ia',
      description: 'Section « transparence » avec une mention proposée sur les documents et contenus produits avec l’IA (engagement E07), à relire.',
      body: toSnippetBody(mentions.transparence.text, schema),
    };
  }
  if (mentions.crpa) {
    snippets['Mention CRPA (décisions individuelles)'] = {
      prefix: 'mention-crpa',
      description: 'Sous « droits: » : décisions individuelles, mention explicite (CRPA art. L311-3-1, texte en commentaire), page des règles (L312-1-3) et recours.',
      body: toSnippetBody(mentions.crpa.text, schema, ['droits']),
    };
  }
  for (const e of c.engagements) {
    if (!e.derogable) continue;
    snippets[`Dérogation ${e.id}`] = {
      prefix: `derogation-${e.id}`,
      description: `Dérogation à l’engagement ${e.id} « ${e.title.fr} » : justification, validation et échéance, à placer sous « engagements: ».`,
      body: toSnippetBody(t.derogation.text.replaceAll('{{id}}', e.id), schema, ['engagements']),
    };
  }
  return JSON.stringify(snippets, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generateSnippets(readInputs());
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SNIPPETS_FILE, 'utf8');
    } catch {
      /* missing file: out of date */
    }
    if (current !== text) {
      console.error('snippets/declaration-ia.code-snippets is out of date: run node scripts/gen-snippets.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(SNIPPETS_FILE, text);
    console.log(`wrote ${SNIPPETS_FILE}`);
  }
}
