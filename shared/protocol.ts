/**
 * The custom requests and notifications between the Cadre IA client and server, in one place:
 * each is a typed `RequestType`/`NotificationType` (method name, parameters, result), so both
 * sides agree at compile time. No `vscode`, no server code: only `vscode-jsonrpc`'s types.
 * Ranges are LSP ranges (0-based lines, UTF-16 characters). Texts are already localized by
 * the server in the locale it was told at initialization (`initializationOptions.locale`).
 * Every edit is computed by the server; the client applies it and holds the UI only.
 */
import { NotificationType, RequestType } from 'vscode-jsonrpc';

export interface PRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type PVerdict = 'conforme' | 'non_conforme' | 'a_completer' | 'non_applicable' | 'derogation';

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
  /** Whether "declare a derogation" is offered for it now (derogable, and not compliant yet). */
  derogationOffered: boolean;
  /** When the engagement is a duty not yet in force at today's date: the date it applies from (YYYY-MM-DD). */
  appliesFrom?: string;
}
export interface PDocumentVerdicts {
  uri: string;
  /** The document version the verdicts were computed for (open documents). */
  version?: number;
  /** e.g. { conforme: 11, total: 14 } */
  summary: Record<PVerdict, number> & { total: number };
  engagements: PEngagementVerdict[];
  /**
   * The framework that judged the document: the one its `cadre:` names (`lyon-ia/v1`,
   * `socle-ia/v1`…). `known: false` when no catalogue answers that `cadre:` (nothing judged,
   * no engagement).
   */
  framework?: { cadre: string; name: string; known: boolean };
  /** True while the document has syntax errors (a duplicate key included): the verdicts are provisional. */
  provisional?: boolean;
}
export interface PPrinciple {
  id: string;
  title: string;
  engagements: string[];
}
export interface PFramework {
  /** `cadre:` value, e.g. `lyon-ia/v1`. */
  cadre: string;
  id: string;
  version: string;
  name: string;
  principles: PPrinciple[];
}
export interface VerdictsResult {
  /** The framework of the (first) document asked for; for the workspace, the first of `frameworks`. */
  catalogue: { id: string; version: string; name: string; principles: PPrinciple[] };
  /** Every framework the documents are judged by, in order of first use: the workspace checklist groups by it. */
  frameworks?: PFramework[];
  documents: PDocumentVerdicts[];
}
/** `cadreIa/verdicts`: the verdict of each engagement, for one document or for the workspace. */
export const VerdictsRequest = new RequestType<VerdictsParams, VerdictsResult, void>('cadreIa/verdicts');

export interface VerdictsChangedParams {
  uri: string;
}
/** `cadreIa/verdictsChanged` (server → client): verdicts of a document changed; the client re-asks. */
export const VerdictsChangedNotification = new NotificationType<VerdictsChangedParams>('cadreIa/verdictsChanged');

export interface EngagementParams {
  id: string;
  /** The declaration whose framework applies (the one its `cadre:` names); the default framework otherwise. */
  uri?: string;
  /** The framework (`cadre:` value, e.g. `socle-ia/v1`), when the engagement is not read from a document. */
  cadre?: string;
}
export interface EngagementResult {
  id: string;
  title: string;
  markdown: string;
}
/** `cadreIa/engagement`: an engagement explained (principle, source, references), as Markdown. */
export const EngagementRequest = new RequestType<EngagementParams, EngagementResult, void>('cadreIa/engagement');

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
/** `cadreIa/newDeclaration`: the text of a complete declaration skeleton. */
export const NewDeclarationRequest = new RequestType<NewDeclarationParams, NewDeclarationResult, void>('cadreIa/newDeclaration');

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
/** `cadreIa/catalogue`: where the catalogue in use is, and whether it is the bundled one. */
export const CatalogueRequest = new RequestType<CatalogueParams | null, CatalogueInfo, void>('cadreIa/catalogue');

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
/** `cadreIa/report`: writes the annual report of the workspace's declarations. */
export const ReportRequest = new RequestType<ReportParams, ReportResult, void>('cadreIa/report');

export interface NoticeParams {
  /** An open declaration. */
  uri: string;
  format: 'md' | 'html';
}
export interface NoticeResult {
  /** The notice (Markdown or a self-contained HTML page), in the user's language. */
  content: string;
  /** Suggested file name: `notice-<projet.id>.md|html`. */
  fileName: string;
  /** The facts the declaration lacks, shown as "à compléter" in the notice. */
  gaps: string[];
}
/** `cadreIa/notice`: the transparency notice of an open declaration (pure: answered in the browser too). */
export const NoticeRequest = new RequestType<NoticeParams, NoticeResult, void>('cadreIa/notice');

export interface PTextEdit {
  range: PRange;
  newText: string;
}
/** Where an inline action applies: one engagement of one open declaration. */
export interface EngagementActionParams {
  uri: string;
  /** Engagement id, e.g. `E13`. */
  engagement: string;
}
/**
 * What the server planned for an inline action:
 * - `edit`: apply `edits` to `uri` (computed on `version`), then select `reveal`;
 * - `exists`: the section or `engagements.<id>` is already written: select `reveal`;
 * - `unsupported`: the text is written in a form the server does not edit (flow mapping,
 *   alias…): select `reveal`, the user edits by hand;
 * - `notDerogable`: the framework rules out a derogation on this engagement;
 * - `nothingMissing`: no section of the engagement is missing;
 * - `notOpen`: the server does not have the document open.
 */
export interface EngagementActionResult {
  status: 'edit' | 'exists' | 'unsupported' | 'notDerogable' | 'nothingMissing' | 'notOpen';
  uri: string;
  version?: number;
  edits: PTextEdit[];
  reveal?: PRange;
}
/** `cadreIa/insertSection`: the edit that writes the missing section of an engagement (from `schemas/templates.yaml`). */
export const InsertSectionRequest = new RequestType<EngagementActionParams, EngagementActionResult, void>('cadreIa/insertSection');
/** `cadreIa/declareDerogation`: the edit that declares a derogation under `engagements:` (from `schemas/templates.yaml`). */
export const DeclareDerogationRequest = new RequestType<EngagementActionParams, EngagementActionResult, void>('cadreIa/declareDerogation');

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
  /** Path to a framework catalogue (YAML) added to the bundled ones; each declaration follows its `cadre:`. Empty: the bundled frameworks only. */
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
