import * as vscode from 'vscode';
import type { PDocumentVerdicts } from '../../shared/protocol';
import { t } from './l10n';
import { isDeclaration, uriKey, type CadreClient } from './languageClient';
import { breakdown, summaryText, VERDICT_ORDER, verdictWord, type VerdictStore } from './verdicts';

/**
 * The status bar item of the active declaration: "$(checklist) 11/14", the verdicts in its
 * tooltip; a click focuses the "Engagements" view. Shows the server's state while it starts
 * or when it failed (a click then restarts it).
 */
const PROVISIONAL = () => t('Provisional: the file has syntax errors, these verdicts are not final.');

export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private active: string | undefined;

  constructor(
    private readonly store: VerdictStore,
    private readonly server: CadreClient,
  ) {
    this.item = vscode.window.createStatusBarItem('cadreIa.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Cadre IA';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor((ed) => this.follow(ed?.document)),
      store.onDidChange((key) => {
        if (key === this.active) this.render();
      }),
      server.onStateChanged(() => this.render()),
    );
    this.follow(vscode.window.activeTextEditor?.document);
  }

  private follow(doc: vscode.TextDocument | undefined): void {
    const uri = isDeclaration(doc) ? uriKey(doc.uri) : undefined;
    if (uri !== this.active) {
      if (this.active) this.store.unwatch(this.active);
      this.active = uri;
      if (uri) {
        this.store.watch(uri);
        void this.store.fetch(uri);
      }
    }
    this.render();
  }

  /** The verdicts behind the item (tests). */
  get verdicts(): PDocumentVerdicts | undefined {
    return this.active ? this.store.document(this.active) : undefined;
  }

  render(): void {
    const item = this.item;
    if (!this.active) {
      item.hide();
      return;
    }
    const state = this.server.currentState;
    item.backgroundColor = undefined;
    if (state === 'failed' || state === 'stopped') {
      item.text = '$(error) Cadre IA';
      item.tooltip = t('The Cadre IA server is stopped{0}. Click to restart it.', this.server.error ? ` (${this.server.error})` : '');
      item.command = 'cadreIa.restartServer';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.show();
      return;
    }
    const doc = this.verdicts;
    if (!doc) {
      item.text = '$(loading~spin) Cadre IA';
      item.tooltip = t('Checking the declaration against the framework…');
      item.command = 'cadreIa.engagements.focus';
      item.show();
      return;
    }
    const s = doc.summary;
    // While the file has syntax errors the verdicts are not final: the item says so.
    item.text = `$(checklist) ${s.conforme ?? 0}/${s.total ?? 0}${doc.provisional ? ` $(warning) ${t('provisional')}` : ''}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**Cadre IA** — ').appendText(summaryText(s)).appendMarkdown('\n\n');
    if (doc.provisional) md.appendText(PROVISIONAL()).appendMarkdown('\n\n');
    for (const v of VERDICT_ORDER) {
      if ((s[v] ?? 0) > 0)
        md.appendMarkdown('- ')
          .appendText(t('{0}: {1}', verdictWord(v), s[v]))
          .appendMarkdown('\n');
    }
    md.appendMarkdown('\n').appendText(t('Click to open the checklist of the engagements.'));
    item.tooltip = md;
    item.command = 'cadreIa.engagements.focus';
    if ((s.non_conforme ?? 0) > 0) item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    item.accessibilityInformation = { label: `Cadre IA: ${summaryText(s)}. ${breakdown(s)}${doc.provisional ? ` ${PROVISIONAL()}` : ''}` };
    item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
