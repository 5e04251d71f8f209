/**
 * The public register in the field names of the Eurocities Algorithmic Transparency Standard
 * v0.3.1 (Amsterdam, Helsinki…). The field list is data (eurocities-fields.json, taken from the
 * standard's own schema-v0_3_1.yaml); every record has every field, empty ("") when no
 * declaration field maps to it, and `validateEurocities` checks records against the list.
 */
import { t } from '../i18n';
import { hexBytes, sha1, toHex, utf8Bytes } from '../sha1';
import type { Locale, Localized } from '../types';
import FIELDS_DOC from './eurocities-fields.json';
import { enumLabel, listSep } from './labels';
import type { ReportModel, ReportProject } from './model';

export interface EurocitiesField {
  attribute: string;
  category: string;
  type: 'const' | 'uuid' | 'string' | 'date' | 'email' | 'url' | 'enum';
  required: boolean;
  const?: string;
  enum?: string[];
  maxLength?: number;
}

export const EUROCITIES_VERSION: string = FIELDS_DOC.version;
export const EUROCITIES_FIELDS: readonly EurocitiesField[] = FIELDS_DOC.fields as EurocitiesField[];

export type EurocitiesRecord = Record<string, string>;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const STATUS: Record<string, string> = {
  idee: 'planned',
  conception: 'design',
  experimentation: 'pilot',
  production: 'operational',
  retire: 'retired',
};

const RISK: Record<string, string> = {
  minimal: 'minimal risk',
  transparence: 'limited risk',
  haut_risque: 'high risk',
  interdit: 'unacceptable',
};

const W = {
  country: { fr: 'France', en: 'France' },
  benefits: { fr: 'Bénéfices attendus : {v}.', en: 'Expected benefits: {v}.' },
  indicators: { fr: 'Indicateurs : {v}.', en: 'Indicators: {v}.' },
  public: { fr: 'Public concerné : {v}.', en: 'People concerned: {v}.' },
  individual: {
    fr: 'Le système concourt à des décisions individuelles (CRPA L311-3-1).',
    en: 'The system contributes to individual decisions (French CRPA L311-3-1).',
  },
  noIndividual: { fr: 'Le système ne concourt à aucune décision individuelle.', en: 'The system contributes to no individual decision.' },
  mention: { fr: 'Les productions indiquent qu’elles sont faites avec l’IA.', en: 'Outputs state that they are made with AI.' },
  riskAnalysis: { fr: 'Analyse de risques : {v}.', en: 'Risk analysis: {v}.' },
  aiAct: { fr: 'Classe AI Act : {v}.', en: 'AI Act class: {v}.' },
  sobriety: { fr: 'Sobriété : {v}', en: 'Sobriety: {v}' },
  alternatives: { fr: 'Alternatives étudiées : {v}.', en: 'Alternatives studied: {v}.' },
  personal: { fr: 'Données personnelles : {v}.', en: 'Personal data: {v}.' },
  yes: { fr: 'oui', en: 'yes' },
  no: { fr: 'non', en: 'no' },
  sensitive: { fr: 'Données sensibles (RGPD art. 9) : {v}.', en: 'Sensitive data (GDPR art. 9): {v}.' },
  dpia: { fr: 'AIPD réalisée{ref}.', en: 'DPIA carried out{ref}.' },
  dpiaNo: { fr: 'AIPD non réalisée.', en: 'No DPIA carried out.' },
  biasMethod: { fr: 'Méthode : {v}.', en: 'Method: {v}.' },
  biasResults: { fr: 'Résultats : {v}.', en: 'Results: {v}.' },
  exitPlan: { fr: 'Plan de sortie{ref}.', en: 'Exit plan{ref}.' },
  noExitPlan: { fr: 'Pas de plan de sortie.', en: 'No exit plan.' },
  fallback: { fr: 'Solution de repli : {v}.', en: 'Fallback: {v}.' },
  formats: { fr: 'Formats d’export : {v}.', en: 'Export formats: {v}.' },
  switchDays: { fr: 'Bascule en {v} jours.', en: 'Switch-over in {v} days.' },
  clause: { fr: 'Clause de réversibilité au contrat.', en: 'Reversibility clause in the contract.' },
  oversight: { fr: '{level}. {how}', en: '{level}. {how}' },
} satisfies Record<string, Localized>;

function w(key: keyof typeof W, locale: Locale, data?: Record<string, unknown>): string {
  return t(W[key], locale, data);
}

/** Joins sentences, dropping the empty ones. */
function sentences(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}

function dot(s: string): string {
  return /[.!?…]$/.test(s) ? s : `${s}.`;
}

/** Shortens to at most `max` characters at a word boundary, with an ellipsis. */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A name-based (version 5) UUID: the same project of the same framework keeps its uuid from year to year. */
export function uuidV5(name: string, namespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'): string {
  const ns = hexBytes(namespace.replace(/-/g, ''));
  const bytes = utf8Bytes(name);
  const input = new Uint8Array(ns.length + bytes.length);
  input.set(ns);
  input.set(bytes, ns.length);
  const hash = sha1(input);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = toHex(hash.subarray(0, 16));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function toEurocities(p: ReportProject, model: ReportModel): EurocitiesRecord {
  const L = model.locale;
  const yn = (b: boolean | undefined) => (b === undefined ? undefined : w(b ? 'yes' : 'no', L));
  const r = p.reversibilite;
  const values: Record<string, string | undefined> = {
    standard_version: EUROCITIES_VERSION,
    uuid: uuidV5(`cadre-ia:${model.catalogue.id}:${p.id}`),
    lang: L,
    publication_date: model.header.publicationDate,
    last_change_date: model.header.publicationDate,
    revision_date: p.dateRevue && /^\d{4}-\d{2}-\d{2}$/.test(p.dateRevue) ? p.dateRevue : undefined,
    name: p.nom,
    organization: model.organization,
    department: p.direction,
    country: w('country', L),
    contact_email: p.responsable.email && EMAIL_RE.test(p.responsable.email) ? p.responsable.email : undefined,
    description_short: p.description ? shorten(p.description, 150) : undefined,
    website: undefined,
    status: p.statut ? STATUS[p.statut] : undefined,
    remark: undefined,
    decision_making_process: p.niveauControle ? enumLabel(['controle_humain', 'niveau'], p.niveauControle, L) : undefined,
    area: model.catalogue.city,
    goal: sentences(p.finalite && dot(p.finalite), p.benefices.length > 0 && w('benefits', L, { v: p.benefices.join(listSep(L)) })),
    monitoring: p.indicateurs.length ? w('indicators', L, { v: p.indicateurs.map((i) => (i.cible ? `${i.nom} (${i.cible})` : i.nom)).join(listSep(L)) }) : undefined,
    impact: sentences(
      p.publicConcerne && w('public', L, { v: enumLabel(['usagers', 'public_concerne'], p.publicConcerne, L) }),
      p.decisionsIndividuelles === true && w('individual', L),
      p.decisionsIndividuelles === false && w('noIndividual', L),
      p.mentionIa === true && w('mention', L),
    ),
    risks: sentences(
      p.aiActCategorie && w('aiAct', L, { v: enumLabel(['droits', 'ai_act', 'categorie'], p.aiActCategorie, L) }),
      p.analyseRisques && w('riskAnalysis', L, { v: p.analyseRisques }),
      p.risques.map((x) => (x.mesure ? `${x.risque}${L === 'fr' ? ' : ' : ': '}${dot(x.mesure)}` : dot(x.risque))).join(' '),
    ),
    risk_category: p.aiActCategorie ? RISK[p.aiActCategorie] : undefined,
    proportionality: p.sobriete ? w('sobriety', L, { v: dot(p.sobriete) }) : undefined,
    lawful_basis: p.donnees.baseLegale ? enumLabel(['donnees', 'base_legale'], p.donnees.baseLegale, L) : undefined,
    documentation: p.publicationUrl && /^https?:\/\//.test(p.publicationUrl) ? p.publicationUrl : undefined,
    source_data: sentences(
      p.donnees.personnelles !== undefined && w('personal', L, { v: yn(p.donnees.personnelles) }),
      p.donnees.sensibles !== undefined && w('sensitive', L, { v: yn(p.donnees.sensibles) }),
    ),
    data_bias: sentences(p.biais.methode && w('biasMethod', L, { v: p.biais.methode }), p.biais.resultats && w('biasResults', L, { v: p.biais.resultats })),
    DPIA_description:
      p.donnees.aipdRealisee === true ? w('dpia', L, { ref: p.donnees.aipdReference ? ` (${p.donnees.aipdReference})` : '' }) : p.donnees.aipdRealisee === false ? w('dpiaNo', L) : undefined,
    description: p.description,
    methods_and_models: p.modeles
      .map((m) => [m.nom, m.version].filter(Boolean).join(' ') + (m.fournisseur || m.licence ? ` (${[m.fournisseur, m.licence].filter(Boolean).join(', ')})` : ''))
      .join(listSep(L)),
    alternatives_considered: p.alternatives.length ? w('alternatives', L, { v: p.alternatives.join(listSep(L)) }) : undefined,
    human_intervention:
      p.niveauControle || p.validation ? sentences(p.niveauControle && dot(enumLabel(['controle_humain', 'niveau'], p.niveauControle, L)), p.validation && dot(p.validation)) : undefined,
    objection_procedure: p.recours,
    rollback: sentences(
      r.planSortie === true && w('exitPlan', L, { ref: r.reference ? ` (${r.reference})` : '' }),
      r.planSortie === false && w('noExitPlan', L),
      r.repli && w('fallback', L, { v: r.repli }),
      r.formats.length > 0 && w('formats', L, { v: r.formats.join(', ') }),
      r.delaiJours !== undefined && w('switchDays', L, { v: r.delaiJours }),
      r.clause === true && w('clause', L),
    ),
  };
  const record: EurocitiesRecord = {};
  for (const f of EUROCITIES_FIELDS) record[f.attribute] = values[f.attribute] ?? '';
  return record;
}

/** The register: the counted projects, then the projects under study. */
export function renderEurocities(model: ReportModel): EurocitiesRecord[] {
  return [...model.projects, ...model.studied].map((p) => toEurocities(p, model));
}

export function renderEurocitiesJson(model: ReportModel): string {
  return JSON.stringify(renderEurocities(model), null, 2) + '\n';
}

/**
 * Checks records against the field list: no unknown key, every required key present, values
 * are strings; when not empty, enumerations, constants, dates, e-mails, URLs, uuids and maximum
 * lengths are respected. Returns readable problems (`[0].status: "x" is not one of …`).
 */
export function validateEurocities(records: unknown, fields: readonly EurocitiesField[] = EUROCITIES_FIELDS): string[] {
  const problems: string[] = [];
  if (!Array.isArray(records)) return ['the register is not a JSON array'];
  const known = new Map(fields.map((f) => [f.attribute, f]));
  records.forEach((rec, i) => {
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      problems.push(`[${i}]: not an object`);
      return;
    }
    const r = rec as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!known.has(key)) problems.push(`[${i}].${key}: unknown field`);
    for (const f of fields) {
      const at = `[${i}].${f.attribute}`;
      if (!(f.attribute in r)) {
        if (f.required) problems.push(`${at}: required field missing`);
        continue;
      }
      const v = r[f.attribute];
      if (typeof v !== 'string') {
        problems.push(`${at}: not a string`);
        continue;
      }
      if (v === '') continue;
      if (f.type === 'const' && v !== f.const) problems.push(`${at}: must be "${f.const}"`);
      if (f.type === 'enum' && !(f.enum ?? []).includes(v)) problems.push(`${at}: "${v}" is not one of ${(f.enum ?? []).join(', ')}`);
      if (f.type === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)))) problems.push(`${at}: not a date (YYYY-MM-DD)`);
      if (f.type === 'email' && !EMAIL_RE.test(v)) problems.push(`${at}: not an e-mail address`);
      if (f.type === 'url' && !/^https?:\/\/\S+$/.test(v)) problems.push(`${at}: not an http(s) URL`);
      if (f.type === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(v)) problems.push(`${at}: not a uuid`);
      if (f.maxLength !== undefined && [...v].length > f.maxLength) problems.push(`${at}: longer than ${f.maxLength} characters`);
    }
  });
  return problems;
}
