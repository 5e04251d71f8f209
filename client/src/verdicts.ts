import * as vscode from 'vscode';
import { VerdictsRequest, type PDocumentVerdicts, type PVerdict, type VerdictsParams, type VerdictsResult } from '../../shared/protocol';
import { t } from './l10n';
import { uriKey, type CadreClient } from './languageClient';

export interface Entry {
  result?: VerdictsResult;
  error?: string;
  /** When the result arrived (Date.now()). */
  at?: number;
}

export const WORKSPACE = '*workspace*';

/**
 * Verdicts fetched from the server (`cadreIa/verdicts`), per document and for the workspace.
 * A document is re-asked when the server says its verdicts changed; requests for the same key
 * never overlap (a change during a request triggers one more request), and a late answer never
 * overwrites a newer one.
 */
export class VerdictStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  private readonly dirty = new Set<string>();
  private readonly watched = new Set<string>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private workspaceTimer: ReturnType<typeof setTimeout> | undefined;

  /** Fired with the key (document URI or WORKSPACE) whose entry was updated. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: CadreClient) {
    this.disposables.push(
      server.onVerdictsChanged((uri) => {
        if (this.watched.has(uri)) void this.fetch(uri);
        if (this.watched.has(WORKSPACE)) this.scheduleWorkspace();
      }),
      server.onStateChanged((s) => {
        if (s === 'running') for (const k of this.watched) void this.fetch(k);
      }),
    );
  }

  /** Keeps `key` up to date (a document URI, or WORKSPACE). */
  watch(key: string): void {
    this.watched.add(key);
  }

  unwatch(key: string): void {
    this.watched.delete(key);
  }

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  /** The entry of one document, or of the workspace. */
  document(uri: string): PDocumentVerdicts | undefined {
    const e = this.entries.get(uri);
    return e?.result?.documents.find((d) => uriKey(d.uri) === uri) ?? e?.result?.documents[0];
  }

  private scheduleWorkspace(): void {
    if (this.workspaceTimer) clearTimeout(this.workspaceTimer);
    this.workspaceTimer = setTimeout(() => {
      this.workspaceTimer = undefined;
      void this.fetch(WORKSPACE);
    }, 300);
  }

  /** Asks the server now (or once more after the request in flight). */
  fetch(key: string): Promise<Entry> {
    const running = this.inFlight.get(key);
    if (running) {
      this.dirty.add(key);
      return running;
    }
    const p = (async (): Promise<Entry> => {
      let entry: Entry;
      try {
        const params: VerdictsParams = key === WORKSPACE ? {} : { uri: key };
        const result = await this.server.request(VerdictsRequest, params);
        entry = isResult(result) ? { result, at: Date.now() } : { error: t('The server sent verdicts in an unexpected form.'), at: Date.now() };
      } catch (e) {
        entry = { error: e instanceof Error ? e.message : String(e), at: Date.now() };
      }
      return entry;
    })().then((entry) => {
      this.inFlight.delete(key);
      this.entries.set(key, entry);
      this.changed.fire(key);
      if (this.dirty.delete(key)) return this.fetch(key);
      return entry;
    });
    this.inFlight.set(key, p);
    return p;
  }

  dispose(): void {
    if (this.workspaceTimer) clearTimeout(this.workspaceTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function isResult(r: unknown): r is VerdictsResult {
  const v = r as VerdictsResult | null;
  return !!v && typeof v === 'object' && Array.isArray(v.documents) && !!v.catalogue && Array.isArray(v.catalogue.principles);
}

/** Localized verdict words for counts (the server localizes the per-engagement ones). */
export function verdictWord(v: PVerdict): string {
  switch (v) {
    case 'conforme':
      return t('compliant');
    case 'non_conforme':
      return t('non-compliant');
    case 'a_completer':
      return t('incomplete');
    case 'non_applicable':
      return t('not applicable');
    case 'derogation':
      return t('derogation');
  }
}

export const VERDICT_ORDER: PVerdict[] = ['non_conforme', 'a_completer', 'derogation', 'non_applicable', 'conforme'];

/** "non-compliant: 1 · incomplete: 2" (verdicts other than compliant that occur). */
export function breakdown(summary: PDocumentVerdicts['summary']): string {
  return VERDICT_ORDER.filter((v) => v !== 'conforme' && (summary[v] ?? 0) > 0)
    .map((v) => t('{0}: {1}', verdictWord(v), summary[v]))
    .join(' · ');
}

export function summaryText(summary: PDocumentVerdicts['summary']): string {
  return t('{0}/{1} compliant', summary.conforme ?? 0, summary.total ?? 0);
}

const ICONS: Record<PVerdict, [string, string]> = {
  conforme: ['pass-filled', 'testing.iconPassed'],
  non_conforme: ['error', 'problemsErrorIcon.foreground'],
  a_completer: ['warning', 'problemsWarningIcon.foreground'],
  non_applicable: ['circle-slash', 'disabledForeground'],
  derogation: ['law', 'charts.purple'],
};

export function verdictIcon(v: PVerdict): vscode.ThemeIcon {
  const [id, color] = ICONS[v] ?? ['question', 'foreground'];
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
}

export function severityIcon(s: string): vscode.ThemeIcon {
  switch (s) {
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'information':
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
    default:
      return new vscode.ThemeIcon('lightbulb');
  }
}
