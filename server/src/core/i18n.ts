import type { Locale, Localized } from './types';

/** Picks the text of a locale (French when a translation is missing) and fills `{name}` placeholders. */
export function t(text: Localized | string, locale: Locale, data?: Record<string, unknown>): string {
  const raw = typeof text === 'string' ? text : (text[locale] ?? text.fr);
  if (!data) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in data ? String(data[name]) : m));
}

/** Resolves a locale from a free string such as `fr-FR`, `en_US.UTF-8` or a VS Code display language. */
export function resolveLocale(value: string | undefined | null, fallback: Locale = 'fr'): Locale {
  if (!value) return fallback;
  const v = value.toLowerCase();
  if (v.startsWith('en')) return 'en';
  if (v.startsWith('fr')) return 'fr';
  return fallback;
}

/** The locale from the environment (LC_ALL, LC_MESSAGES, LANG); French otherwise. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['CADRE_IA_LOCALE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v && v !== 'C' && v !== 'POSIX' && !v.startsWith('C.')) return resolveLocale(v);
  }
  return 'fr';
}

/** Localized words for verdicts and severities, shared by the CLI, the server and the report. */
export const VERDICT_LABELS: Record<string, Localized> = {
  conforme: { fr: 'conforme', en: 'compliant' },
  non_conforme: { fr: 'non conforme', en: 'non-compliant' },
  a_completer: { fr: 'à compléter', en: 'incomplete' },
  non_applicable: { fr: 'non applicable', en: 'not applicable' },
  derogation: { fr: 'dérogation', en: 'derogation' },
};

export const SEVERITY_LABELS: Record<string, Localized> = {
  error: { fr: 'erreur', en: 'error' },
  warning: { fr: 'avertissement', en: 'warning' },
  information: { fr: 'information', en: 'information' },
  hint: { fr: 'suggestion', en: 'hint' },
};
