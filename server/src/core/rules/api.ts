import { PLACEHOLDER_RE } from '../text';
import type { Catalogue } from '../catalogue';
import type { DataPath, Localized, Outcome, Severity } from '../types';

/**
 * The metadata of a rule: the one source for its diagnostics' messages, hovers, the
 * checklist, the docs pages and SARIF.
 */
export interface RuleMeta<M extends string = string> {
  /** Stable id: `E<nn>-<kebab-name>` for an engagement's rule, `cadre-<name>` for framework-wide ones. */
  id: string;
  /** The engagement it implements; absent for framework-wide rules (they name one per finding). */
  engagement?: string;
  defaultSeverity: Severity;
  /** Short title. */
  title: Localized;
  /** Why the rule exists: what the framework asks, in plain words. */
  description: Localized;
  /** How to fix a finding. */
  howToFix: Localized;
  /** Messages by id; `{name}` placeholders are filled from the finding's data. */
  messages: Record<M, Localized>;
  /**
   * The fields it reads, as dotted paths (`donnees.aipd.realisee`; `<Exx>` stands for any key).
   * Docs, hovers and the catalogue checks rely on it; test/unit/rule-kit.test.ts checks that every
   * path a rule reads (ctx.get/ctx.has) is listed. (A rule's finding on a value the schema
   * rejected is dropped by the engine, from the finding's path.)
   */
  fields: string[];
  /** The facts it rests on: "AI Act art. 27", "RGPD art. 35", "CRPA L311-3-1"… */
  references: string[];
  /**
   * The options a catalogue may set for this rule (thresholds, variants), as ESLint's
   * `meta.schema`: a JSON Schema of the options object, and the value of each option when the
   * catalogue sets none. `{name}` placeholders in the title, description, how-to-fix and messages
   * are filled with the effective options.
   */
  options?: RuleOptionsSpec;
}

export interface RuleOptionsSpec {
  /** JSON Schema (2020-12) of the options object; `additionalProperties: false` is advised. */
  schema: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

/**
 * Every kind of fix the fix engine (fixes.ts) knows. A union, so that `fixes.ts` handles each in
 * an exhaustive `switch` and a rule cannot offer a fix nobody can apply.
 */
export type FixKind = 'insert-section' | 'insert-field' | 'declare-derogation' | 'replace-key' | 'replace-value' | 'set-value' | 'insert-skeleton';

export const FIX_KINDS: readonly FixKind[] = ['insert-section', 'insert-field', 'declare-derogation', 'replace-key', 'replace-value', 'set-value', 'insert-skeleton'];

export function isFixKind(kind: string): kind is FixKind {
  return (FIX_KINDS as readonly string[]).includes(kind);
}

export interface FixSpec {
  kind: FixKind;
  args: Record<string, unknown>;
  title: Localized;
  preferred?: boolean;
}

export interface ReportOptions<M extends string = string> {
  /** One of the rule's `meta.messages` (checked by the compiler for rules made with `defineRule`). */
  messageId: M;
  data?: Record<string, string | number>;
  /** The field the finding is about; the range is its value (scalars) or its key. */
  path: DataPath;
  at?: 'key' | 'value';
  /** Where to show the finding when it is not `path` itself (e.g. a missing field: show its present sibling). */
  rangePath?: DataPath;
  /** Default `non_conforme`. Missing information is `a_completer` (shown at most as a warning). */
  outcome?: Outcome;
  /** Other fields involved, shown as related information. */
  related?: { path: DataPath; messageId: M; data?: Record<string, string | number> }[];
  fixes?: FixSpec[];
  /** For framework-wide rules: the engagement this finding is about. */
  engagement?: string;
  tags?: ('unnecessary' | 'deprecated')[];
}

export interface RuleContext<M extends string = string> {
  /** The declaration's data (merges applied); `{}` when the document is not a mapping. */
  readonly data: Record<string, unknown>;
  /** Reads a value by path; `undefined` when absent. */
  get(path: DataPath): unknown;
  /** Whether the path is present (even with a null value). */
  has(path: DataPath): boolean;
  /** `projet.statut` when it is a string. */
  readonly statut: string | undefined;
  /** Today, injectable for tests. ISO date `YYYY-MM-DD` in `today`. */
  readonly now: Date;
  readonly today: string;
  readonly catalogue: Catalogue;
  /** The rule's options: its defaults, overridden by the catalogue's. */
  readonly options: Readonly<Record<string, unknown>>;
  report(options: ReportOptions<M>): void;
  /** Says the rule does not apply to this declaration (e.g. no personal data). */
  notApplicable(): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): void;
}

/**
 * Defines a rule. The message ids the rule reports are checked against its `meta.messages`:
 * write the meta as `const meta = { … } satisfies RuleMeta;` (not `const meta: RuleMeta`, which
 * would forget the ids), and `ctx.report({ messageId: 'typo' })` does not compile.
 */
export function defineRule<M extends string>(rule: { meta: RuleMeta<M>; check(ctx: RuleContext<M>): void }): Rule {
  return rule as unknown as Rule;
}

/** True for a non-empty trimmed string that is not a template placeholder ("A COMPLETER…", "A CONFIRMER"). */
export function filled(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '' && !PLACEHOLDER_RE.test(v);
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined && v !== null;
}
