import type { Catalogue } from './catalogue';
import { frameworkOf } from './framework';
import { RULES_BY_ID } from './rules/index';
import type { Localized, Severity } from './types';

export interface CodeInfo {
  id: string;
  engagement?: string;
  /** What the framework says of this rule (its catalogue's `note`). */
  note?: Localized;
  /** The rule's options under this framework (filled into its texts). */
  options?: Record<string, unknown>;
  title: Localized;
  description: Localized;
  howToFix?: Localized;
  defaultSeverity: Severity;
  references: string[];
}

const SCHEMA_KEYWORDS: Record<string, Localized> = {
  required: { fr: 'Champ obligatoire manquant', en: 'Missing required field' },
  additionalProperties: { fr: 'Clé inconnue (faute de frappe ?)', en: 'Unknown key (typo?)' },
  enum: { fr: 'Valeur hors de la liste admise', en: 'Value not in the allowed list' },
  type: { fr: 'Type de valeur incorrect', en: 'Wrong value type' },
  format: { fr: 'Format incorrect (date, e-mail, URL)', en: 'Wrong format (date, e-mail, URL)' },
  pattern: { fr: 'Valeur au format incorrect', en: 'Value in the wrong format' },
  maxLength: { fr: 'Texte trop long', en: 'Text too long' },
  minLength: { fr: 'Texte trop court', en: 'Text too short' },
  minimum: { fr: 'Valeur trop petite', en: 'Value too small' },
  maximum: { fr: 'Valeur trop grande', en: 'Value too large' },
  minItems: { fr: 'Liste trop courte', en: 'List too short' },
  placeholder: { fr: 'Texte provisoire « A COMPLETER » laissé dans un champ', en: "Placeholder 'A COMPLETER' left in a field" },
  uniqueItems: { fr: 'Doublons dans une liste', en: 'Duplicates in a list' },
  truncated: { fr: 'Trop d’écarts au schéma : les suivants ne sont pas affichés', en: 'Too many schema problems: the next ones are not shown' },
};

/** Fills a rule text's `{option}` placeholders with the effective options, in both languages. */
function withOptions(text: Localized, options: Record<string, unknown>): Localized {
  const f = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in options ? (Array.isArray(options[k]) ? (options[k] as unknown[]).join(', ') : String(options[k])) : m));
  return { fr: f(text.fr), en: f(text.en) };
}

/** Engine-level codes (not rules): what they mean. */
const ENGINE_CODES: Record<string, Omit<CodeInfo, 'id'>> = {
  'cadre-inconnu': {
    title: { fr: 'Cadre inconnu', en: 'Unknown framework' },
    description: {
      fr: 'La ligne `cadre:` nomme le cadre qui juge la déclaration (`lyon-ia/v1`, `socle-ia/v1`, ou celui d’un catalogue configuré). Aucun catalogue connu ne porte ce nom : la déclaration n’est pas jugée, et le message liste les cadres connus.',
      en: 'The `cadre:` line names the framework that judges the declaration (`lyon-ia/v1`, `socle-ia/v1`, or that of a configured catalogue). No known catalogue has this name: the declaration is not judged, and the message lists the known frameworks.',
    },
    howToFix: {
      fr: 'Corrigez la valeur de `cadre:` ou configurez le catalogue de ce cadre (`--catalogue`, réglage `cadreIa.catalogue`).',
      en: 'Fix the `cadre:` value or configure that framework’s catalogue (`--catalogue`, setting `cadreIa.catalogue`).',
    },
    defaultSeverity: 'error',
    references: ['schemas/catalogue.schema.json'],
  },
  'cadre-condition': {
    title: { fr: 'Champ dont dépend un engagement', en: 'Field an engagement depends on' },
    description: {
      fr: 'Un engagement du cadre ne s’applique que sous une condition lue dans la déclaration (par exemple un système à haut risque). Tant que le champ n’est pas renseigné, l’engagement reste à compléter.',
      en: 'An engagement of the framework applies only under a condition read in the declaration (for example a high-risk system). Until the field is given, the engagement stays incomplete.',
    },
    howToFix: { fr: 'Renseignez le champ nommé par le message.', en: 'Fill in the field the message names.' },
    defaultSeverity: 'warning',
    references: ['schemas/catalogue.schema.json (applies_when)'],
  },
  'cadre-section-manquante': {
    title: { fr: 'Section absente', en: 'Missing section' },
    description: {
      fr: 'Le catalogue dit quelles sections servent chaque engagement (`fields`). Une section absente est signalée une fois, par le moteur, là où elle se place ; les engagements qui en ont besoin restent à compléter, quelles que soient les règles activées.',
      en: 'The catalogue says which sections serve each engagement (`fields`). A missing section is reported once, by the engine, where it belongs; the engagements that need it stay incomplete, whatever rules are on.',
    },
    howToFix: {
      fr: 'Ajoutez la section (correctif « Ajouter la section », qui l’insère à sa place depuis le modèle) puis remplacez chaque « A COMPLETER ».',
      en: 'Add the section (quick fix "Add the section", which inserts it in its place from the template), then replace each "A COMPLETER".',
    },
    defaultSeverity: 'warning',
    references: ['schemas/catalogue.schema.json (fields)', 'schemas/templates.yaml'],
  },
};

/** Engine-level codes, for docs and SARIF. */
export const ENGINE_CODES_LIST = Object.keys(ENGINE_CODES);

/**
 * Metadata of any diagnostic code: a rule's own (under `catalogue`, a code names a rule as that
 * framework uses it: `AIA-27-fria`), that of the engine (`cadre-inconnu`…), `syntax` or `schema-*`.
 */
export function codeInfo(code: string, catalogue?: Catalogue): CodeInfo {
  const bound = catalogue ? frameworkOf(catalogue).byCode.get(code) : undefined;
  if (bound) {
    const m = bound.rule.meta;
    const o = bound.options;
    return {
      id: code,
      engagement: bound.engagement?.id ?? m.engagement,
      title: withOptions(m.title, o),
      description: withOptions(m.description, o),
      howToFix: withOptions(m.howToFix, o),
      defaultSeverity: bound.severity === 'off' ? m.defaultSeverity : bound.severity,
      references: [...(bound.ref?.references ?? []), ...m.references],
      note: bound.ref?.note,
      options: Object.keys(o).length ? o : undefined,
    };
  }
  const rule = RULES_BY_ID.get(code);
  if (rule) {
    const o = rule.meta.options?.defaults ?? {};
    const m = rule.meta;
    return {
      id: m.id,
      engagement: m.engagement,
      title: withOptions(m.title, o),
      description: withOptions(m.description, o),
      howToFix: withOptions(m.howToFix, o),
      defaultSeverity: m.defaultSeverity,
      references: m.references,
      options: Object.keys(o).length ? o : undefined,
    };
  }
  if (ENGINE_CODES[code]) return { id: code, ...ENGINE_CODES[code] };
  if (code === 'syntax') {
    return {
      id: code,
      title: { fr: 'Erreur de syntaxe YAML', en: 'YAML syntax error' },
      description: {
        fr: 'Le fichier n’est pas du YAML valide, ou il ne peut pas être lu (binaire, trop volumineux, bombe d’alias). Le reste est vérifié là où l’arbre le permet.',
        en: 'The file is not valid YAML, or cannot be read (binary, too large, alias bomb). The rest is checked where the tree allows.',
      },
      defaultSeverity: 'error',
      references: ['YAML 1.2'],
    };
  }
  if (code === 'projet-id-duplique') {
    return {
      id: code,
      ...(catalogue?.register_engagement ? { engagement: catalogue.register_engagement } : {}),
      title: { fr: 'Identifiant de projet en double', en: 'Duplicate project identifier' },
      description: {
        fr: 'Deux déclarations portent le même `projet.id`. Le registre public ne peut pas porter deux entrées sous un même identifiant : le bilan les écarte toutes deux tant que l’une n’a pas été renommée. Vérification entre fichiers (lint sur un dossier, diagnostics de l’espace de travail).',
        en: 'Two declarations share one `projet.id`. The public register cannot hold two entries under one identifier: the report leaves both out until one is renamed. A cross-file check (lint on a folder, workspace diagnostics).',
      },
      howToFix: { fr: 'Donnez à chaque projet un identifiant unique (un slug).', en: 'Give each project a unique identifier (a slug).' },
      defaultSeverity: 'error',
      references: ['docs/report.md'],
    };
  }
  if (code.startsWith('schema-')) {
    const kw = code.slice(7);
    const title = SCHEMA_KEYWORDS[kw] ?? { fr: `Schéma : ${kw}`, en: `Schema: ${kw}` };
    return {
      id: code,
      title,
      description: {
        fr: `La déclaration ne respecte pas le schéma (declaration.schema.json) : ${title.fr.toLowerCase()}.`,
        en: `The declaration does not follow the schema (declaration.schema.json): ${title.en.toLowerCase()}.`,
      },
      defaultSeverity: 'error',
      references: ['schemas/declaration.schema.json'],
    };
  }
  return { id: code, title: { fr: code, en: code }, description: { fr: code, en: code }, defaultSeverity: 'warning', references: [] };
}

export const SCHEMA_CODES = Object.keys(SCHEMA_KEYWORDS).map((k) => `schema-${k}`);
