import type { Locale } from './types';

const MONTHS: Record<Locale, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `2027-12-02` → `2 décembre 2027` / `2 December 2027` (`1er` for the first day in French). Other strings as they are. */
export function longDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  return `${locale === 'fr' && day === 1 ? '1er' : day} ${MONTHS[locale][Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
