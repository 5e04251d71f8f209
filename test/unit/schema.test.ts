import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), 'utf8');

type Node = Record<string, any>;
type Path = (string | number)[];

const schema: Node = JSON.parse(read('schemas', 'declaration.schema.json'));
const catalogueSchema: Node = JSON.parse(read('schemas', 'catalogue.schema.json'));
const catalogue: Node = parse(read('schemas', 'frameworks', 'lyon-2025.yaml'), { uniqueKeys: true });
const templates: Node = parse(read('schemas', 'templates.yaml'), { uniqueKeys: true });
const completeText = read('test', 'fixtures', 'schema', 'complete.ia.yaml');

const ANNOTATIONS = ['x-description-en', 'x-title-en', 'x-enum-descriptions'];

function createAjv(): Ajv2020 {
  // allowUnionTypes: a few fields take a text or a number (`cible`, `version`), as in the server.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
  return ajv;
}

const ajv = createAjv();
const validate: ValidateFunction = ajv.compile(schema);
const validateCatalogue: ValidateFunction = ajv.compile(catalogueSchema);

function errorsOf(v: ValidateFunction, data: unknown): ErrorObject[] {
  return v(data) ? [] : [...(v.errors ?? [])];
}

const completeData: Node = parse(completeText);
const complete = (): Node => structuredClone(completeData);

/** Sets a value at a data path (creating objects on the way). */
function setIn(data: Node, p: Path, value: unknown): Node {
  let cur: any = data;
  for (const seg of p.slice(0, -1)) {
    if (cur[seg] === undefined || cur[seg] === null) cur[seg] = {};
    cur = cur[seg];
  }
  cur[p[p.length - 1]] = value;
  return data;
}

function deleteIn(data: Node, p: Path): Node {
  let cur: any = data;
  for (const seg of p.slice(0, -1)) cur = cur[seg];
  delete cur[p[p.length - 1]];
  return data;
}

/** Asserts that `data` fails with `keyword` at `instancePath` (and returns that error). */
function expectError(data: unknown, keyword: string, instancePath: string): ErrorObject {
  const errors = errorsOf(validate, data);
  const hit = errors.find((e) => e.keyword === keyword && e.instancePath === instancePath);
  assert.ok(hit, `expected ${keyword} at ${instancePath || '/'}; got ${JSON.stringify(errors.map((e) => [e.keyword, e.instancePath, e.params]))}`);
  return hit;
}

/** Every property schema of the declaration schema, with its path (items are `[]`, pattern keys `<pattern>`). */
function properties(node: Node = schema, at: string[] = []): { path: string[]; node: Node }[] {
  const out: { path: string[]; node: Node }[] = [];
  for (const [k, v] of Object.entries<Node>(node.properties ?? {})) {
    out.push({ path: [...at, k], node: v }, ...properties(v, [...at, k]));
  }
  for (const [k, v] of Object.entries<Node>(node.patternProperties ?? {})) {
    out.push({ path: [...at, `<${k}>`], node: v }, ...properties(v, [...at, `<${k}>`]));
  }
  if (node.items) out.push(...properties(node.items, [...at, '[]']));
  return out;
}

/** Every schema node (properties, pattern properties, items, $defs), the root included. */
function allNodes(node: Node = schema, at = '#'): { at: string; node: Node }[] {
  const out = [{ at, node }];
  for (const key of ['properties', 'patternProperties', '$defs']) {
    for (const [k, v] of Object.entries<Node>(node[key] ?? {})) out.push(...allNodes(v, `${at}/${key}/${k}`));
  }
  if (node.items) out.push(...allNodes(node.items, `${at}/items`));
  return out;
}

function schemaAt(p: Path, root: Node = schema): Node | undefined {
  let cur: Node | undefined = root;
  for (const seg of p) {
    if (!cur) return undefined;
    if (typeof seg === 'number') {
      cur = cur.items;
      continue;
    }
    let next: Node | undefined = cur.properties?.[seg];
    if (!next && cur.patternProperties) {
      for (const [re, s] of Object.entries<Node>(cur.patternProperties)) if (new RegExp(re, 'u').test(seg)) next = s;
    }
    cur = next;
  }
  return cur;
}

/** Every leaf of a data tree, with its path. */
function leaves(data: unknown, at: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => leaves(v, [...at, i]));
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [{ path: at, value: data }];
}

/** Every key path (objects only, arrays walked through) of a data tree. */
function keyPaths(data: unknown, at: Path = []): Path[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => keyPaths(v, [...at, i]));
  if (data !== null && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => [[...at, k], ...keyPaths(v, [...at, k])]);
  return [];
}

const SECTION_ENGAGEMENT: Record<string, string> = {
  interet_general: 'E01',
  usagers: 'E02',
  bilan_annuel: 'E03',
  controle_humain: 'E04',
  donnees: 'E05',
  droits: 'E06',
  transparence: 'E07',
  agents: 'E08',
  securite: 'E09',
  reversibilite: 'E11',
  souverainete: 'E12',
  environnement: 'E13',
};
const FIELD_ENGAGEMENT: Record<string, string> = {
  'donnees.classification': 'E10',
  'donnees.reutilisation_par_fournisseur': 'E10',
  'environnement.justification_sobriete': 'E13',
  'environnement.mesure': 'E14',
  'environnement.estimation_annuelle': 'E14',
};
/** The sections of format v1, in their canonical order (`cadre` and `engagements` aside). */
const SECTIONS = [
  'projet',
  'interet_general',
  'usagers',
  'controle_humain',
  'transparence',
  'bilan_annuel',
  'agents',
  'donnees',
  'droits',
  'securite',
  'souverainete',
  'reversibilite',
  'environnement',
];

describe('declaration schema', () => {
  it('is a self-contained draft 2020-12 schema', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, 'https://cadre-ia.github.io/schemas/declaration.schema.json');
    assert.ok(schema.title && schema['x-title-en']);
    const refs = JSON.stringify(schema).match(/"\$ref":\s*"[^"]*"/g) ?? [];
    for (const ref of refs) assert.match(ref, /"#\//, `remote $ref: ${ref}`);
    assert.deepEqual(schema.required, ['cadre', 'projet']);
    assert.deepEqual(schema.properties.projet.required, ['id', 'nom', 'description', 'direction', 'responsable', 'statut']);
    assert.deepEqual(schema.properties.projet.properties.responsable.required, ['nom', 'email']);
  });

  it('has every section of format v1, in order', () => {
    assert.deepEqual(Object.keys(schema.properties), [
      'cadre',
      'projet',
      'interet_general',
      'usagers',
      'controle_humain',
      'transparence',
      'bilan_annuel',
      'agents',
      'donnees',
      'droits',
      'securite',
      'souverainete',
      'reversibilite',
      'environnement',
      'engagements',
    ]);
  });

  it('closes every object (additionalProperties: false), the top level included', () => {
    for (const { at, node } of allNodes()) {
      if ([].concat(node.type ?? []).includes('object' as never)) assert.equal(node.additionalProperties, false, at);
    }
  });

  it('describes every property in French and English, with a short label', () => {
    for (const { path: p, node } of properties()) {
      const where = p.join('.');
      for (const key of ['description', 'x-description-en', 'title', 'x-title-en']) {
        assert.equal(typeof node[key], 'string', `${where}: ${key}`);
        assert.ok(node[key].trim().length > 0, `${where}: empty ${key}`);
      }
      assert.notEqual(node.description, node['x-description-en'], `${where}: not translated`);
    }
  });

  it('describes every enum value in both languages', () => {
    let enums = 0;
    for (const { at, node } of allNodes()) {
      if (!node.enum) continue;
      enums++;
      const d = node['x-enum-descriptions'];
      assert.ok(d, `${at}: x-enum-descriptions`);
      assert.deepEqual(Object.keys(d).sort(), node.enum.map(String).sort(), `${at}: one description per value`);
      for (const v of node.enum) {
        assert.ok(typeof d[v]?.fr === 'string' && d[v].fr.length > 0, `${at} ${v}: fr`);
        assert.ok(typeof d[v]?.en === 'string' && d[v].en.length > 0, `${at} ${v}: en`);
        assert.deepEqual(Object.keys(d[v]).sort(), ['en', 'fr'], `${at} ${v}`);
      }
    }
    assert.ok(enums >= 13, `${enums} enums`);
  });

  it('keeps the enums of format v1 exactly', () => {
    const at = (p: string) => schemaAt(p.split('.'))!.enum;
    assert.deepEqual(at('projet.statut'), ['idee', 'conception', 'experimentation', 'production', 'retire']);
    assert.deepEqual(at('usagers.public_concerne'), ['agents', 'usagers', 'mixte']);
    assert.deepEqual(at('controle_humain.niveau'), ['aide_a_la_decision', 'decision_partielle', 'decision_automatisee']);
    assert.deepEqual(at('donnees.classification'), ['publique', 'interne', 'diffusion_restreinte', 'sensible']);
    assert.deepEqual(at('donnees.base_legale'), ['consentement', 'contrat', 'obligation_legale', 'interets_vitaux', 'mission_interet_public', 'interets_legitimes']);
    assert.deepEqual(at('droits.ai_act.categorie'), ['interdit', 'haut_risque', 'transparence', 'minimal']);
    assert.deepEqual(at('securite.homologation.statut'), ['prononcee', 'en_cours', 'non_requise']);
    assert.deepEqual(at('souverainete.hebergement.qualification'), ['secnumcloud', 'hds', 'iso27001', 'aucune']);
    assert.deepEqual(at('environnement.mesure.methode'), ['codecarbon', 'ecologits', 'fournisseur', 'estimation']);
    assert.deepEqual(at('engagements.E05.statut'), ['conforme', 'non_applicable', 'derogation']);
  });

  it('lists the 249 ISO 3166-1 alpha-2 country codes', () => {
    const codes: string[] = schemaAt(['souverainete', 'hebergement', 'pays'])!.enum;
    assert.equal(codes.length, 249);
    assert.equal(new Set(codes).size, 249);
    for (const c of codes) assert.match(c, /^[A-Z]{2}$/);
    for (const c of ['FR', 'DE', 'IE', 'US', 'CH', 'GB']) assert.ok(codes.includes(c), c);
    for (const c of ['UK', 'EU', 'XK']) assert.ok(!codes.includes(c), c);
  });

  it('says nothing of engagements: which field serves which engagement is the catalogue’s `fields` (one source)', () => {
    assert.doesNotMatch(read('schemas', 'declaration.schema.json'), /x-engagement/);
    const { engagementOfPath } = require('../../server/src/core/catalogue') as typeof import('../../server/src/core/catalogue');
    const { defaultCatalogue } = require('../../server/src/core/engine') as typeof import('../../server/src/core/engine');
    const lyon = defaultCatalogue();
    for (const { path: p } of properties()) {
      const section = p[0];
      const where = p.join('.');
      const segs = p.filter((s) => s !== '[]');
      if (!(section in SECTION_ENGAGEMENT)) {
        if (section !== 'engagements') assert.equal(engagementOfPath(lyon, segs), undefined, `${where} serves no engagement`);
        continue;
      }
      const field = p.slice(0, 2).join('.');
      const expected = FIELD_ENGAGEMENT[field] ?? SECTION_ENGAGEMENT[section];
      assert.equal(engagementOfPath(lyon, segs), expected, where);
    }
  });

  it('accepts the complete fixture, which uses every field', () => {
    const data = complete();
    assert.deepEqual(errorsOf(validate, data), []);
    const used = new Set(keyPaths(data).map((p) => p.map((s) => (typeof s === 'number' ? '[]' : /^E[0-9]{2}$/.test(s) ? '<^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$>' : s)).join('.')));
    for (const { path: p } of properties()) {
      if (p[p.length - 1] === '[]') continue;
      assert.ok(used.has(p.join('.')), `the fixture does not use ${p.join('.')}`);
    }
  });

  it('accepts an explicit null for annexe_iii and a text or a number for a target', () => {
    const data = complete();
    setIn(data, ['droits', 'ai_act', 'annexe_iii'], '5(a)');
    setIn(data, ['interet_general', 'indicateurs', 0, 'cible'], 12.5);
    assert.deepEqual(errorsOf(validate, data), []);
  });

  it('needs only cadre and projet', () => {
    const d = complete();
    const minimal = { cadre: d.cadre, projet: d.projet };
    assert.deepEqual(errorsOf(validate, minimal), []);
    assert.equal(expectError({ projet: d.projet }, 'required', '').params.missingProperty, 'cadre');
  });

  describe('rejects', () => {
    it('an unknown key, at the top level or below', () => {
      const data = complete();
      data.interet_generale = { finalite: 'x' };
      assert.equal(expectError(data, 'additionalProperties', '').params.additionalProperty, 'interet_generale');
      const nested = setIn(complete(), ['reversibilite', 'plan_de_sortie'], { existe: true });
      assert.equal(expectError(nested, 'additionalProperties', '/reversibilite').params.additionalProperty, 'plan_de_sortie');
      // Engagement ids are the catalogue's (E09, AIA-27, RGPD-35…); one the file's framework lacks is a rule's finding (cadre-engagement-inconnu).
      const engagement = setIn(complete(), ['engagements', 'e09'], { statut: 'conforme' });
      assert.equal(expectError(engagement, 'additionalProperties', '/engagements').params.additionalProperty, 'e09');
      assert.deepEqual(errorsOf(validate, setIn(complete(), ['engagements', 'AIA-27'], { statut: 'conforme' })), []);
    });

    it('a value outside an enum', () => {
      expectError(setIn(complete(), ['projet', 'statut'], 'pilote'), 'enum', '/projet/statut');
      expectError(setIn(complete(), ['donnees', 'base_legale'], 'interet_public'), 'enum', '/donnees/base_legale');
      expectError(setIn(complete(), ['souverainete', 'hebergement', 'pays'], 'fr'), 'enum', '/souverainete/hebergement/pays');
      expectError(setIn(complete(), ['engagements', 'E09', 'statut'], 'exempte'), 'enum', '/engagements/E09/statut');
    });

    it('a bad date', () => {
      expectError(setIn(complete(), ['projet', 'date_revue'], '2027-02-30'), 'format', '/projet/date_revue');
      expectError(setIn(complete(), ['agents', 'formation', 'date'], '15/01/2026'), 'format', '/agents/formation/date');
      expectError(setIn(complete(), ['engagements', 'E09', 'echeance'], 'fin 2027'), 'format', '/engagements/E09/echeance');
    });

    it('a bad e-mail address or URL', () => {
      expectError(setIn(complete(), ['projet', 'responsable', 'email'], 'claire.martin@'), 'format', '/projet/responsable/email');
      expectError(setIn(complete(), ['droits', 'publication_regles_url'], 'lyon.fr/algorithmes'), 'format', '/droits/publication_regles_url');
    });

    it('a missing projet.nom or responsable.email', () => {
      assert.equal(expectError(deleteIn(complete(), ['projet', 'nom']), 'required', '/projet').params.missingProperty, 'nom');
      const noEmail = deleteIn(complete(), ['projet', 'responsable', 'email']);
      assert.equal(expectError(noEmail, 'required', '/projet/responsable').params.missingProperty, 'email');
    });

    it('texts that are too long', () => {
      expectError(setIn(complete(), ['projet', 'nom'], 'n'.repeat(101)), 'maxLength', '/projet/nom');
      expectError(setIn(complete(), ['projet', 'description'], 'd'.repeat(351)), 'maxLength', '/projet/description');
      assert.deepEqual(errorsOf(validate, setIn(complete(), ['projet', 'nom'], 'é'.repeat(100))), []);
    });

    it('bad identifiers, framework names and licences', () => {
      expectError(setIn(complete(), ['projet', 'id'], 'Transcription Conseils'), 'pattern', '/projet/id');
      expectError(setIn(complete(), ['projet', 'id'], 'transcription--conseils'), 'pattern', '/projet/id');
      expectError(setIn(complete(), ['cadre'], 'lyon-ia'), 'pattern', '/cadre');
      expectError(setIn(complete(), ['souverainete', 'modeles', 0, 'licence'], 'Apache 2.0'), 'pattern', '/souverainete/modeles/0/licence');
      for (const licence of ['Apache-2.0', 'MIT OR Apache-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-llama-3.1', 'proprietaire', 'proprietary']) {
        assert.deepEqual(errorsOf(validate, setIn(complete(), ['souverainete', 'modeles', 0, 'licence'], licence)), [], licence);
      }
    });

    it('negative or fractional counts, and negative footprints', () => {
      expectError(setIn(complete(), ['donnees', 'conservation_jours'], -1), 'minimum', '/donnees/conservation_jours');
      expectError(setIn(complete(), ['reversibilite', 'delai_bascule_jours'], 1.5), 'type', '/reversibilite/delai_bascule_jours');
      expectError(setIn(complete(), ['environnement', 'estimation_annuelle', 'co2e_kg'], -3), 'minimum', '/environnement/estimation_annuelle/co2e_kg');
    });

    it('wrong types: a string for a boolean, a scalar for a section', () => {
      expectError(setIn(complete(), ['usagers', 'interaction_directe'], 'non'), 'type', '/usagers/interaction_directe');
      expectError(setIn(complete(), ['usagers'], 'aucun'), 'type', '/usagers');
    });

    it('a template placeholder left in a free text', () => {
      expectError(setIn(complete(), ['interet_general', 'finalite'], 'A COMPLETER : objectif'), 'pattern', '/interet_general/finalite');
      expectError(setIn(complete(), ['interet_general', 'benefices', 0], 'À COMPLÉTER'), 'pattern', '/interet_general/benefices/0');
    });
  });
});

describe('catalogue', () => {
  it('the Lyon catalogue is valid against the catalogue schema', () => {
    assert.deepEqual(errorsOf(validateCatalogue, catalogue), []);
    assert.equal(`${catalogue.id}/${catalogue.version}`, 'lyon-ia/v1');
    assert.equal(catalogue.adopted, '2025-09-25');
  });

  it('has the 5 principles and the 14 engagements of the Lyon framework', () => {
    assert.deepEqual(
      catalogue.principles.map((p: Node) => p.id),
      ['interet_general', 'droits_libertes', 'securite', 'souverainete', 'environnement'],
    );
    const ids = catalogue.engagements.map((e: Node) => e.id);
    assert.deepEqual(
      ids,
      Array.from({ length: 14 }, (_, i) => `E${String(i + 1).padStart(2, '0')}`),
    );
    const principleOf = Object.fromEntries(catalogue.engagements.map((e: Node) => [e.id, e.principle]));
    assert.deepEqual(principleOf, {
      E01: 'interet_general',
      E02: 'interet_general',
      E03: 'interet_general',
      E04: 'droits_libertes',
      E05: 'droits_libertes',
      E06: 'droits_libertes',
      E07: 'droits_libertes',
      E08: 'droits_libertes',
      E09: 'securite',
      E10: 'securite',
      E11: 'souverainete',
      E12: 'souverainete',
      E13: 'environnement',
      E14: 'environnement',
    });
    const lyon = catalogue.engagements.filter((e: Node) => e.source === 'official').map((e: Node) => e.id);
    assert.deepEqual(lyon, ['E02', 'E03', 'E11']);
    const fixed = catalogue.engagements.filter((e: Node) => !e.derogable).map((e: Node) => e.id);
    assert.deepEqual(fixed, ['E02']);
    for (const e of catalogue.engagements) {
      assert.ok(e.rules.length > 0, `${e.id}: at least one rule implements it`);
      for (const r of e.rules) assert.ok(r.id.startsWith(`${e.id}-`), `${e.id}: rule ${r.id} carries the engagement as its prefix`);
      assert.ok(e.references.length > 0, `${e.id}: references`);
      for (const r of e.references) {
        if (r.url) assert.match(r.url, /^https:\/\/(eur-lex\.europa\.eu|www\.legifrance\.gouv\.fr|www\.cnil\.fr|cyber\.gouv\.fr)\//, `${e.id}: ${r.url}`);
      }
    }
  });

  it('maps each engagement to fields of the declaration format, and every section to an engagement', () => {
    const { schemaAt } = require('../../server/src/core/schema') as typeof import('../../server/src/core/schema');
    for (const e of catalogue.engagements) {
      assert.ok(e.fields.length > 0, e.id);
      for (const f of e.fields) assert.ok(schemaAt(f.split('.')), `${e.id}: ${f} is not a field of the format`);
    }
    const served = new Set(catalogue.engagements.flatMap((e: Node) => e.fields.map((f: string) => f.split('.')[0])));
    for (const s of Object.keys(SECTION_ENGAGEMENT)) assert.ok(served.has(s), `section ${s} serves no engagement`);
  });

  it('accepts rule entries with a severity and refuses anything else', () => {
    const withRules = structuredClone(catalogue);
    withRules.engagements[1].rules = [{ id: 'E02-interaction-directe', severity: 'error' }, { id: 'E02-public-concerne' }];
    withRules.rules = [{ id: 'cadre-version', severity: 'off' }];
    assert.deepEqual(errorsOf(validateCatalogue, withRules), []);

    const badSeverity = structuredClone(catalogue);
    badSeverity.engagements[1].rules = [{ id: 'E02-interaction-directe', severity: 'fatal' }];
    assert.ok(errorsOf(validateCatalogue, badSeverity).some((e) => e.keyword === 'enum'));

    const smuggled = structuredClone(catalogue);
    smuggled.engagements[0].rules = [{ id: 'E01-finalite', check: 'process.exit(1)' }];
    assert.ok(errorsOf(validateCatalogue, smuggled).some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'check'));

    const topLevel = { ...structuredClone(catalogue), plugins: ['./evil.js'] };
    assert.ok(errorsOf(validateCatalogue, topLevel).some((e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'plugins'));

    const untranslated = structuredClone(catalogue);
    delete untranslated.principles[0].title.en;
    assert.ok(errorsOf(validateCatalogue, untranslated).some((e) => e.keyword === 'required'));
  });
});

describe('templates', () => {
  const sectionText = (s: string): string => templates.sections[s].text;
  const fill = (text: string) => text.replaceAll('{{id}}', 'E09').replaceAll('{{nom}}', 'Nom').replaceAll('{{direction}}', 'Direction');

  it('has one template per section, whose text is that section at column 0', () => {
    assert.deepEqual(Object.keys(templates.sections), SECTIONS);
    for (const s of SECTIONS) {
      const text = sectionText(s);
      assert.ok(text.startsWith(`${s}:\n`), s);
      assert.deepEqual(Object.keys(parse(text)), [s], s);
      assert.equal(templates.sections[s].engagement, undefined, `${s}: the catalogue, not the template, says which engagement a section serves`);
    }
  });

  it('only uses keys the schema knows, and mentions every field (commented out if conditional)', () => {
    for (const s of SECTIONS) {
      const text = sectionText(s);
      for (const p of keyPaths(parse(text))) assert.ok(schemaAt(p), `${s}: unknown key ${p.join('.')}`);
      for (const { path: p } of properties(schema.properties[s], [s])) {
        const key = p[p.length - 1];
        if (key === '[]') continue;
        assert.match(text, new RegExp(`^\\s*(# *)?(- )?${key}:`, 'm'), `${s}: ${p.join('.')} is missing`);
      }
    }
    const derogation = parse(fill(templates.derogation.text));
    for (const p of keyPaths(derogation)) assert.ok(schemaAt(['engagements', ...p]), `derogation: unknown key ${p.join('.')}`);
    assert.equal(derogation.E09.statut, 'derogation');
  });

  it('the whole declaration is cadre, projet and every other section template', () => {
    const text = templates.declaration.text;
    for (const v of ['{{id}}', '{{nom}}', '{{direction}}']) assert.ok(text.includes(v), v);
    for (const s of SECTIONS.slice(1)) assert.ok(text.includes(sectionText(s)), `declaration: section ${s} differs from its template`);
    const data = parse(fill(text));
    assert.deepEqual(Object.keys(data), ['cadre', ...SECTIONS]);
    assert.equal(data.cadre, 'lyon-ia/v1');
    for (const p of keyPaths(data)) assert.ok(schemaAt(p), `declaration: unknown key ${p.join('.')}`);
    assert.deepEqual(Object.keys(data.projet), Object.keys(parse(sectionText('projet')).projet));
  });

  it('every placeholder is refused by the schema, so nothing incomplete passes for done', () => {
    const cases: { from: string; path: Path; value: unknown }[] = [];
    const collect = (from: string, data: unknown, base: Path = []) => {
      for (const { path: p, value } of leaves(data)) {
        if (typeof value === 'string' && value.startsWith('A COMPLETER : ')) cases.push({ from, path: [...base, ...p], value });
      }
    };
    for (const s of SECTIONS) collect(s, parse(sectionText(s)));
    collect('derogation', parse(fill(templates.derogation.text)), ['engagements']);
    collect('declaration', parse(fill(templates.declaration.text)));
    assert.ok(cases.length > 100, `${cases.length} placeholders`);
    for (const c of cases) {
      const data = setIn(complete(), c.path, c.value);
      assert.ok(!validate(data), `${c.from}: placeholder at ${c.path.join('.')} passes the schema`);
    }
  });

  it('no boolean is pre-filled, and the answers that matter most say A CONFIRMER', () => {
    for (const text of [...SECTIONS.map(sectionText), templates.declaration.text, templates.derogation.text]) {
      assert.doesNotMatch(text, /^\s*[a-z_]+: (true|false)\b/m);
    }
    assert.match(sectionText('usagers'), /interaction_directe: "A COMPLETER : [^"]*" *# A CONFIRMER/);
  });
});
