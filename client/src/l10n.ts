import * as vscode from 'vscode';
// Bundled into the client (no file read at run time: the same code runs in web extension hosts).
import FRENCH from '../../l10n/bundle.l10n.fr.json';

/**
 * The client's strings. Source strings are English (VS Code's convention: `vscode.l10n` loads
 * no bundle for English); `l10n/bundle.l10n.fr.json` holds the French.
 *
 * French is the product's default language: the client speaks French unless the user's
 * language is English (`cadreIa.locale`, or VS Code's display language when it is `auto`).
 * When VS Code has loaded our French bundle (display language French) we go through
 * `vscode.l10n.t`; otherwise (French chosen in the setting under an English or German UI…)
 * the same bundle, embedded in the client at build time, is used, so that the client and the
 * server always agree.
 */

export type ClientLocale = 'fr' | 'en';

let ownFrench: Record<string, string> | undefined;
let current: ClientLocale = 'fr';

export function initL10n(): void {
  current = resolveClientLocale();
}

/** Re-reads the locale (after a change of `cadreIa.locale`). */
export function refreshLocale(): ClientLocale {
  current = resolveClientLocale();
  return current;
}

export function clientLocale(): ClientLocale {
  return current;
}

/** `auto` follows VS Code's display language; anything that is not English is French. */
export function localeOf(setting: string | undefined, displayLanguage: string): ClientLocale {
  const v = (!setting || setting === 'auto' ? displayLanguage : setting).toLowerCase();
  return v.startsWith('en') ? 'en' : 'fr';
}

function resolveClientLocale(): ClientLocale {
  const setting = vscode.workspace.getConfiguration('cadreIa').get<string>('locale', 'auto');
  return localeOf(setting, vscode.env.language);
}

/** `{0}`, `{1}`… placeholders, as `vscode.l10n.t`. */
export function format(message: string, args: readonly (string | number | boolean)[]): string {
  return message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** Translates an English source string into the client's locale. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  if (current === 'en') return format(message, args);
  if (vscode.l10n.bundle && vscode.l10n.bundle[message] !== undefined) return vscode.l10n.t(message, ...args);
  const fr = frenchBundle()[message];
  return format(fr ?? message, args);
}

function frenchBundle(): Record<string, string> {
  if (ownFrench) return ownFrench;
  ownFrench = {};
  for (const [k, v] of Object.entries(FRENCH as Record<string, unknown>)) {
    if (typeof v === 'string') ownFrench[k] = v;
    else if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') ownFrench[k] = (v as { message: string }).message;
  }
  return ownFrench;
}
