/**
 * Core types of Cadre IA. The core imports neither `vscode` nor any LSP package:
 * these types mirror LSP's shapes (0-based lines and UTF-16 characters) so that the
 * LSP layer can pass them through, but they are our own.
 */

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];

/** A text in every supported language. */
export type Localized = Record<Locale, string>;

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 code unit offset in the line (as LSP). */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A path in the declaration's data: keys and sequence indices. */
export type DataPath = readonly (string | number)[];

export type Verdict = 'conforme' | 'non_conforme' | 'a_completer' | 'non_applicable' | 'derogation';
export const VERDICTS: readonly Verdict[] = ['conforme', 'non_conforme', 'a_completer', 'non_applicable', 'derogation'];

/**
 * What a finding means for its engagement's verdict:
 * - `non_conforme`: the declaration says something the framework forbids;
 * - `a_completer`: information the framework needs is missing or unusable;
 * - `none`: advice only, the verdict is unaffected.
 */
export type Outcome = 'non_conforme' | 'a_completer' | 'none';

export interface RelatedInfo {
  range: Range;
  message: string;
  /** Another file the information points at (cross-file checks); the diagnostic's own file otherwise. */
  file?: string;
}

/** A reference to a mechanical fix the core can compute (see fixes.ts). */
export interface FixRef {
  /** Fix kind, e.g. `insert-section`, `replace-key`, `replace-value`, `declare-derogation`. */
  kind: string;
  /** Arguments of the fix (JSON-serialisable). */
  args: Record<string, unknown>;
  /** Title shown to the user, localized at lint time. */
  title: string;
  /** Whether the fix is safe to apply in a "fix all" pass. */
  preferred?: boolean;
}

export interface Diagnostic {
  /** Stable code: a rule id (`E02-interaction-directe`), `syntax`, or `schema-<keyword>`. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The engagement (of the file's framework) this diagnostic serves, when it serves one. */
  engagement?: string;
  /** The data path of the field the diagnostic is about. */
  path?: DataPath;
  related?: RelatedInfo[];
  tags?: ('unnecessary' | 'deprecated')[];
  /** Effect on the engagement's verdict. */
  outcome: Outcome;
  fixes?: FixRef[];
  /** Documentation page of the rule (absolute URL). */
  href?: string;
}

export interface EngagementResult {
  id: string;
  verdict: Verdict;
  /** Indices into LintResult.diagnostics of the findings behind the verdict. */
  findings: number[];
  /** Where to jump to for this engagement (its first section's key, or the explicit status). */
  range?: Range;
  /** Set when the engagement is not yet in force at the run's date: the date it applies from (ISO). */
  appliesFrom?: string;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Verdict per engagement id, in catalogue order. */
  verdicts: Record<string, Verdict>;
  engagements: EngagementResult[];
  /** True while the text has syntax problems (a duplicate key included): the verdicts are provisional. */
  provisional?: boolean;
}
