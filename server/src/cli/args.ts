/**
 * The command line's argument parser and usage errors, shared by every command (lint, diff,
 * init, report…). Usage errors are localized, short, and end with a pointer to `--help`
 * (the help is not printed after each one). Exit code 2 for every usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Catalogue } from '../core/catalogue';
import { loadCatalogueFile } from '../node/catalogue';
import { knownRuleIds } from '../core/engine';
import { frameworkSet, type FrameworkSet } from '../core/framework';
import { t } from '../core/i18n';
import { closest } from '../core/text';
import { LOCALES, type Locale, type Localized } from '../core/types';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY?: boolean;
  /** The working folder (defaults to process.cwd()). */
  cwd?: string;
}

/** One option of a command: `--name VALUE` (string), `--name` (boolean), `--name N` (integer). */
export interface OptionSpec {
  type: 'string' | 'boolean' | 'integer';
  short?: string;
  /** May be given several times (the values are collected in an array). */
  multiple?: boolean;
  /** For strings: the accepted values (anything else is a usage error listing them). */
  choices?: readonly string[];
}

export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValue = string | boolean | number | string[] | undefined;

export const USAGE_MSG: Record<string, Localized> = {
  unknownOption: { fr: 'option inconnue « {v} »', en: "unknown option '{v}'" },
  didYouMean: { fr: ' (vouliez-vous dire « {v} » ?)', en: " (did you mean '{v}'?)" },
  missingValue: { fr: 'l’option {v} attend une valeur', en: 'option {v} needs a value' },
  noValue: { fr: 'l’option {v} ne prend pas de valeur', en: 'option {v} takes no value' },
  badChoice: { fr: 'valeur « {v} » refusée pour {opt} (valeurs admises : {choices})', en: "value '{v}' is not accepted for {opt} (accepted: {choices})" },
  badInteger: { fr: 'l’option {opt} attend un entier positif ou nul, pas « {v} »', en: "option {opt} needs a non-negative integer, not '{v}'" },
  repeated: { fr: 'l’option {v} est donnée plusieurs fois', en: 'option {v} is given more than once' },
  badDate: { fr: 'date invalide « {v} » (une date réelle au format AAAA-MM-JJ, par exemple 2026-06-01)', en: "invalid date '{v}' (a real date as YYYY-MM-DD, for example 2026-06-01)" },
  badLocale: { fr: 'langue inconnue « {v} » (valeurs admises : {choices})', en: "unknown language '{v}' (accepted: {choices})" },
  badCatalogue: { fr: 'catalogue inutilisable {file} : {why}', en: 'unusable catalogue {file}: {why}' },
  seeHelp: { fr: 'Voir « cadre-ia {cmd}--help ».', en: "See 'cadre-ia {cmd}--help'." },
};

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
  }
}

/** Prints a usage error (one line, then where to find the help) and returns exit code 2. */
export function usageError(io: Io, locale: Locale, command: string, message: string): number {
  io.stderr(`cadre-ia: ${message}\n${t(USAGE_MSG.seeHelp, locale, { cmd: command ? command + ' ' : '' })}\n`);
  return 2;
}

/**
 * Parses arguments against option specs. Throws `UsageError` (localized) on an unknown option
 * (with "did you mean"), a missing or unexpected value, a value outside `choices`, a bad integer
 * or a repeated single option. `--no-NAME` sets a boolean NAME to false. `--` ends the options.
 */
export function parseOptions(args: readonly string[], specs: OptionSpecs, locale: Locale): { values: Record<string, OptionValue>; positionals: string[] } {
  const values: Record<string, OptionValue> = {};
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, s] of Object.entries(specs)) if (s.short) byShort.set(s.short, name);
  const names = Object.keys(specs).map((n) => `--${n}`);
  const set = (name: string, shown: string, raw: string | boolean) => {
    const spec = specs[name];
    let v: string | boolean | number = raw;
    if (spec.type === 'integer') {
      if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw new UsageError(t(USAGE_MSG.badInteger, locale, { opt: shown, v: String(raw) }));
      v = Number(raw);
    }
    if (spec.type === 'string' && spec.choices && !spec.choices.includes(raw as string)) {
      throw new UsageError(t(USAGE_MSG.badChoice, locale, { v: raw, opt: shown, choices: spec.choices.join(', ') }));
    }
    if (spec.multiple) {
      const list = (values[name] as string[] | undefined) ?? [];
      list.push(String(v));
      values[name] = list;
    } else {
      if (values[name] !== undefined && spec.type !== 'boolean') throw new UsageError(t(USAGE_MSG.repeated, locale, { v: shown }));
      values[name] = v;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string | undefined;
    let inline: string | undefined;
    let shown: string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      shown = `--${key}`;
      if (specs[key]) name = key;
      else if (key.startsWith('no-') && specs[key.slice(3)]?.type === 'boolean' && inline === undefined) {
        values[key.slice(3)] = false;
        continue;
      }
    } else {
      const letter = arg.slice(1, 2);
      shown = `-${letter}`;
      name = byShort.get(letter);
      if (arg.length > 2) inline = arg.slice(2).replace(/^=/, '');
    }
    if (!name) {
      const guess = closest(
        shown.replace(/^-+/, ''),
        names.map((n) => n.slice(2)),
      );
      throw new UsageError(t(USAGE_MSG.unknownOption, locale, { v: arg.replace(/=.*$/, '') }) + (guess ? t(USAGE_MSG.didYouMean, locale, { v: `--${guess}` }) : ''));
    }
    const spec = specs[name];
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(t(USAGE_MSG.noValue, locale, { v: shown }));
      set(name, shown, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) throw new UsageError(t(USAGE_MSG.missingValue, locale, { v: shown }));
      value = next;
      i++;
    }
    set(name, shown, value);
  }
  return { values, positionals };
}

/** Options shared by lint, diff and report. */
export interface CommonOptions {
  locale: Locale;
  /** The default framework: the first --catalogue, else the bundled Lyon one (judges files without `cadre:`). */
  catalogue: Catalogue;
  /** The catalogues given with --catalogue (repeatable), in order. */
  catalogues: Catalogue[];
  /** Every framework of the run: the configured ones, then the bundled ones; each file's `cadre:` picks its own. */
  frameworks: FrameworkSet;
  now: Date;
}

/** A real calendar date `YYYY-MM-DD` (2025-02-30 is refused), as noon UTC; undefined otherwise. */
export function parseDay(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d, 12));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date;
}

/** Resolves --locale, --date (or CADRE_IA_DATE) and --catalogue. Throws `UsageError`. */
export function resolveCommon(values: { locale?: string; catalogue?: string | string[]; date?: string }, io: Io, envLocale: Locale): CommonOptions {
  let locale = envLocale;
  if (values.locale !== undefined) {
    const v = values.locale.toLowerCase();
    const found = LOCALES.find((l) => v === l || v.startsWith(l + '-') || v.startsWith(l + '_'));
    if (!found) throw new UsageError(t(USAGE_MSG.badLocale, envLocale, { v: values.locale, choices: LOCALES.join(', ') }));
    locale = found;
  }
  let now = new Date();
  const date = values.date ?? io.env.CADRE_IA_DATE;
  if (date) {
    const day = parseDay(date);
    if (!day) throw new UsageError(t(USAGE_MSG.badDate, locale, { v: date }));
    now = day;
  }
  const catalogues: Catalogue[] = [];
  const files = values.catalogue === undefined ? [] : Array.isArray(values.catalogue) ? values.catalogue : [values.catalogue];
  for (const file of files) {
    const load = loadCatalogueFile(file, knownRuleIds());
    if (!load.catalogue) throw new UsageError(t(USAGE_MSG.badCatalogue, locale, { file, why: load.errors.join('; ') }));
    catalogues.push(load.catalogue);
  }
  const frameworks = frameworkSet(catalogues);
  return { locale, catalogue: frameworks.fallback, catalogues, frameworks, now };
}

export interface ParsedCommand {
  values: Record<string, OptionValue>;
  positionals: string[];
  common: CommonOptions;
}

/** The options every command that lints accepts. */
export const COMMON_OPTIONS: OptionSpecs = {
  locale: { type: 'string', short: 'l' },
  catalogue: { type: 'string', short: 'c', multiple: true },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * Parses a command's arguments: its own options plus the shared --locale, --catalogue, --date
 * and --help. Returns the exit code to use when the command must stop here (help: 0, usage
 * error: 2, printed). `command` names the command in the "see --help" line.
 */
export function parseCommand(args: string[], options: OptionSpecs, usage: Localized, io: Io, envLocale: Locale, command = ''): ParsedCommand | number {
  // The --locale given on the line localizes its own usage errors when it can.
  let locale = envLocale;
  const li = args.findIndex((a) => a === '--locale' || a === '-l' || a.startsWith('--locale='));
  if (li >= 0) {
    const v = args[li].includes('=') ? args[li].slice(args[li].indexOf('=') + 1) : args[li + 1];
    if (v && LOCALES.some((l) => v.toLowerCase().startsWith(l))) locale = v.toLowerCase().startsWith('en') ? 'en' : 'fr';
  }
  const cmd = command || /cadre-ia (\w+)/.exec(usage.en)?.[1] || '';
  try {
    const parsed = parseOptions(args, { ...options, ...COMMON_OPTIONS }, locale);
    if (parsed.values.help) {
      io.stdout(t(usage, locale));
      return 0;
    }
    const str = (k: string) => (typeof parsed.values[k] === 'string' ? (parsed.values[k] as string) : undefined);
    const cat = parsed.values.catalogue;
    const common = resolveCommon({ locale: str('locale'), catalogue: Array.isArray(cat) ? cat : typeof cat === 'string' ? cat : undefined, date: str('date') }, io, envLocale);
    return { values: parsed.values, positionals: parsed.positionals, common };
  } catch (e) {
    if (e instanceof UsageError) return usageError(io, locale, cmd, e.message);
    throw e;
  }
}

/** Plural forms: French uses the singular for 0 and 1, English only for 1. */
export function plural(n: number, forms: Record<Locale, [string, string]>, locale: Locale): string {
  const [one, other] = forms[locale];
  const singular = locale === 'fr' ? Math.abs(n) < 2 : n === 1;
  return `${n} ${singular ? one : other}`;
}

const WRITE_ERRORS: Record<string, Localized> = {
  ENOTDIR: { fr: 'un élément du chemin n’est pas un dossier', en: 'a part of the path is not a folder' },
  EEXIST: { fr: 'un élément du chemin existe déjà et n’est pas un dossier', en: 'a part of the path exists and is not a folder' },
  EISDIR: { fr: 'c’est un dossier', en: 'is a folder' },
  EACCES: { fr: 'écriture refusée (droits insuffisants)', en: 'permission denied' },
  EPERM: { fr: 'écriture refusée (droits insuffisants)', en: 'permission denied' },
  EROFS: { fr: 'système de fichiers en lecture seule', en: 'read-only file system' },
  ENOSPC: { fr: 'disque plein', en: 'no space left on the disk' },
  ENOENT: { fr: 'dossier introuvable', en: 'no such folder' },
};

/** What `--output FILE` says, in every command that has it. */
export const OUTPUT_MSG: Record<'error' | 'written', Localized> = {
  error: { fr: 'écriture impossible de {file} : {why}', en: 'cannot write {file}: {why}' },
  written: { fr: 'Rapport {format} écrit dans {file}.', en: '{format} report written to {file}.' },
};

/**
 * Writes `text` to `file` (absolute), making its folder; returns the errno code on failure.
 * `flag: 'wx'` never replaces a file (EEXIST), even one that appears between a check and the write.
 */
export function writeTextFile(file: string, text: string, flag: 'w' | 'wx' = 'w'): string | undefined {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { encoding: 'utf8', flag });
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}

/** A localized reason for a failed write (an errno code). */
export function writeMessage(code: string, locale: Locale): string {
  const m = WRITE_ERRORS[code];
  return m ? t(m, locale) : code;
}
