/**
 * The custom requests and notifications between the Cadre IA client and server, in one place.
 * Plain types only (no `vscode`, no LSP package): both sides import this file.
 * Ranges are LSP ranges (0-based lines, UTF-16 characters). Texts are already localized by
 * the server in the locale it was told at initialization (`initializationOptions.locale`).
 */

export interface PRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type PVerdict = 'conforme' | 'non_conforme' | 'a_completer' | 'non_applicable' | 'derogation';

/** `cadreIa/verdicts`: the verdict of each engagement, for one document or for the workspace. */
export const VerdictsRequest = 'cadreIa/verdicts';
export interface VerdictsParams {
  /** One document (open or on disk); absent: every declaration of the workspace. */
  uri?: string;
}
export interface PFinding {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  uri: string;
  range: PRange;
}
export interface PEngagementVerdict {
  id: string;
  principle: string;
  title: string;
  verdict: PVerdict;
  /** Localized verdict word ("conforme", "à compléter"…). */
  verdictLabel: string;
  findings: PFinding[];
  /** Where to jump to for this engagement in the document. */
  range?: PRange;
  /** Section to insert when the engagement's section is missing (for the checklist's inline action). */
  missingSection?: string;
  derogable: boolean;
}
export interface PDocumentVerdicts {
  uri: string;
  /** The document version the verdicts were computed for (open documents). */
  version?: number;
  /** e.g. { conforme: 11, total: 14 } */
  summary: Record<PVerdict, number> & { total: number };
  engagements: PEngagementVerdict[];
}
export interface PPrinciple {
  id: string;
  title: string;
  engagements: string[];
}
export interface VerdictsResult {
  catalogue: { id: string; version: string; name: string; principles: PPrinciple[] };
  documents: PDocumentVerdicts[];
}

/** `cadreIa/verdictsChanged` (server → client): verdicts of a document changed; the client re-asks. */
export const VerdictsChangedNotification = 'cadreIa/verdictsChanged';
export interface VerdictsChangedParams {
  uri: string;
}

/** `cadreIa/engagement`: an engagement explained (principle, source, references), as Markdown. */
export const EngagementRequest = 'cadreIa/engagement';
export interface EngagementParams {
  id: string;
}
export interface EngagementResult {
  id: string;
  title: string;
  markdown: string;
}

/** `cadreIa/newDeclaration`: the text of a complete declaration skeleton. */
export const NewDeclarationRequest = 'cadreIa/newDeclaration';
export interface NewDeclarationParams {
  nom: string;
  direction: string;
  /** Slug; derived from `nom` when absent. */
  id?: string;
}
export interface NewDeclarationResult {
  text: string;
  /** Suggested file name, e.g. `transcription-conseils.ia.yaml`. */
  fileName: string;
}

/** `cadreIa/catalogue`: where the catalogue in use is, and whether it is the bundled one. */
export const CatalogueRequest = 'cadreIa/catalogue';
export interface CatalogueParams {
  uri?: string;
}
export interface CatalogueInfo {
  file: string;
  bundled: boolean;
  id: string;
  version: string;
  name: string;
  /** Why a configured catalogue was not used (the server fell back to the bundled one). */
  fallbackReason?: string;
}

/** `cadreIa/report`: writes the annual report of the workspace's declarations (see the report issue). */
export const ReportRequest = 'cadreIa/report';
export interface ReportParams {
  /** Folder to write into (a file-system path). */
  outDir: string;
  year: number;
  /** Folders to read declarations from; the workspace folders when absent. */
  roots?: string[];
}
export interface ReportResult {
  files: string[];
  /** The HTML file, to open. */
  html?: string;
}

/**
 * Command of the verdict code lenses (`E11 · conforme` above a section); arguments:
 * `[engagementId: string, uri: string]`. The client implements it (e.g. reveal the engagement
 * in the checklist, or show `cadreIa/engagement`).
 */
export const ShowEngagementCommand = 'cadreIa.showEngagement';

/** Settings section read through `workspace/configuration`. */
export const SETTINGS_SECTION = 'cadreIa';
export interface Settings {
  /** `auto` follows the editor's display language. */
  locale: 'auto' | 'fr' | 'en';
  /** Path to another city's catalogue (YAML); empty: the bundled Lyon catalogue. */
  catalogue: string;
  /** Per-code severity overrides: { "E12-souverainete": "warning", "E13-sobriete": "off" }. */
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  /** Debounce before validating after an edit, in milliseconds. */
  debounceMs: number;
  /** Files larger than this (characters) get one diagnostic instead of a full check. */
  maxFileSize: number;
  /** Show verdicts above sections (code lens). */
  codeLens: boolean;
}
export const DEFAULT_SETTINGS: Settings = {
  locale: 'auto',
  catalogue: '',
  rules: {},
  debounceMs: 150,
  maxFileSize: 5 * 1024 * 1024,
  codeLens: true,
};
