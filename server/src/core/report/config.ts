/**
 * The report configuration (`bilan.yaml`, optional): what a city puts in the header of its public
 * bilan. Pure: the text is parsed here; reading it and embedding the logo file is
 * `server/src/node/report.ts`.
 *
 * ```yaml
 * ville: Ville de Lyon                 # else the catalogue's city
 * logo: logo-lyon.svg                  # relative to this file; SVG, PNG or JPEG, embedded
 * logo_alt: Ville de Lyon              # text alternative (else the city's name)
 * introduction: |                      # else a standard sentence
 *   …
 * contact: ia@mairie-lyon.fr           # an e-mail address or a web page
 * date_publication: 2026-06-30         # else the --date given, else today
 * ```
 */
import { t } from '../i18n';
import { parseDeclaration } from '../parse';
import { SYNTAX_MESSAGES } from '../syntaxMessages';
import type { Locale, Localized } from '../types';

export interface ReportConfig {
  ville?: string;
  logo?: string;
  logo_alt?: string;
  introduction?: string;
  contact?: string;
  date_publication?: string;
}

const KEYS = ['ville', 'logo', 'logo_alt', 'introduction', 'contact', 'date_publication'] as const;

const MSG = {
  notMapping: {
    fr: 'la configuration doit être un dictionnaire YAML (ville, logo, introduction, contact, date_publication)',
    en: 'the configuration must be a YAML mapping (ville, logo, introduction, contact, date_publication)',
  },
  syntax: { fr: 'YAML invalide, ligne {line} : {why}', en: 'invalid YAML, line {line}: {why}' },
  unknown: { fr: 'clé inconnue « {key} » (attendu : {keys})', en: "unknown key '{key}' (expected: {keys})" },
  notText: { fr: '« {key} » doit être un texte', en: "'{key}' must be a text" },
  badDate: { fr: '« date_publication » doit être une date AAAA-MM-JJ', en: "'date_publication' must be a date YYYY-MM-DD" },
  badContact: { fr: '« contact » doit être une adresse e-mail ou une adresse web (https://…)', en: "'contact' must be an e-mail address or a web address (https://…)" },
} satisfies Record<string, Localized>;

/** Parses a report configuration. Never throws: problems are returned, localized. */
export function parseReportConfig(text: string, locale: Locale): { config: ReportConfig; errors: string[] } {
  const parsed = parseDeclaration(text);
  const errors: string[] = [];
  if (parsed.problems.length) {
    const p = parsed.problems[0];
    return { config: {}, errors: [t(MSG.syntax, locale, { line: p.range.start.line + 1, why: SYNTAX_MESSAGES[p.code] ? t(SYNTAX_MESSAGES[p.code], locale) : p.code })] };
  }
  const v = parsed.value;
  if (v === null || v === undefined) return { config: {}, errors: [] };
  if (typeof v !== 'object' || Array.isArray(v)) return { config: {}, errors: [t(MSG.notMapping, locale)] };
  const config: ReportConfig = {};
  for (const [key, raw] of Object.entries(v as Record<string, unknown>)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      errors.push(t(MSG.unknown, locale, { key, keys: KEYS.join(', ') }));
      continue;
    }
    const value = raw instanceof Date && !Number.isNaN(raw.getTime()) ? raw.toISOString().slice(0, 10) : raw;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push(t(MSG.notText, locale, { key }));
      continue;
    }
    config[key as (typeof KEYS)[number]] = key === 'introduction' ? value.trim() : value.trim().replace(/\s+/g, ' ');
  }
  if (config.date_publication !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(config.date_publication) && !Number.isNaN(Date.parse(config.date_publication)))) {
    errors.push(t(MSG.badDate, locale));
    delete config.date_publication;
  }
  if (config.contact !== undefined && !/^([^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+|https?:\/\/[^\s<>"]+)$/.test(config.contact)) {
    errors.push(t(MSG.badContact, locale));
    delete config.contact;
  }
  return { config, errors };
}
