import { RULES_BY_ID } from './rules/index';
import type { Localized, Severity } from './types';

export interface CodeInfo {
  id: string;
  engagement?: string;
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

/** Metadata of any diagnostic code: a rule's own, or that of `syntax` and `schema-*`. */
export function codeInfo(code: string): CodeInfo {
  const rule = RULES_BY_ID.get(code);
  if (rule) return { ...rule.meta };
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
      engagement: 'E03',
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
