import * as vscode from 'vscode';
import type { PDocumentVerdicts, PEngagementVerdict, PFinding, PFramework, PPrinciple, PRange, PVerdict, VerdictsResult } from '../../shared/protocol';
import { t } from './l10n';
import { isDeclaration, uriKey } from './languageClient';
import { breakdown, severityIcon, summaryText, verdictIcon, verdictWord, WORKSPACE, type VerdictStore } from './verdicts';

export type Scope = 'document' | 'workspace';

/**
 * A node of the view. In workspace mode, when the declarations are judged by several frameworks
 * (a city's, its métropole's, the legal baseline), the roots are the frameworks (`cadre` set on
 * the nodes beneath), each with its principles and engagements.
 */
export type ChecklistNode =
  | { kind: 'framework'; framework: PFramework }
  | { kind: 'principle'; principle: PPrinciple; scope: Scope; cadre?: string }
  | { kind: 'engagement'; doc: PDocumentVerdicts; e: PEngagementVerdict }
  | { kind: 'finding'; finding: PFinding; parent: ChecklistNode }
  | { kind: 'wsEngagement'; id: string; title: string; principle: string; entries: { doc: PDocumentVerdicts; e: PEngagementVerdict }[]; cadre?: string }
  | { kind: 'wsDeclaration'; doc: PDocumentVerdicts; e: PEngagementVerdict; parent: ChecklistNode };

const SCOPE_KEY = 'cadreIa.checklistScope';

/** Order of verdicts from the worst; an engagement across the workspace shows its worst. */
const SEVERITY_RANK: Record<PVerdict, number> = { non_conforme: 0, a_completer: 1, derogation: 2, conforme: 3, non_applicable: 4 };

/**
 * The "Engagements" view: the principles of the catalogue, each with its engagements and
 * their verdict for the active declaration; or, in workspace mode, how many declarations
 * conform to each engagement, with the declarations beneath.
 */
export class ChecklistProvider implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  // biome-ignore lint/suspicious/noConfusingVoidType: TreeDataProvider's event type; `void` lets fire() take no argument
  private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private view: vscode.TreeView<ChecklistNode> | undefined;
  private scopeValue: Scope;
  /** The declaration shown in document mode (kept while it stays open, even when a preview takes the focus). */
  private tracked: string | undefined;
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fired after the view's data changed (tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly store: VerdictStore,
    private readonly state: vscode.Memento,
  ) {
    this.scopeValue = state.get<Scope>(SCOPE_KEY) === 'workspace' ? 'workspace' : 'document';
    this.disposables.push(
      this.updated,
      store.onDidChange((key) => {
        if ((this.scopeValue === 'document' && key === this.tracked) || (this.scopeValue === 'workspace' && key === WORKSPACE)) this.fireChanged();
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => this.follow(ed?.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.tracked && uriKey(doc.uri) === this.tracked) {
          const next = vscode.window.visibleTextEditors.map((e) => e.document).find(isDeclaration);
          this.setTracked(next ? uriKey(next.uri) : undefined);
        }
      }),
    );
    void vscode.commands.executeCommand('setContext', 'cadreIa.scope', this.scopeValue);
    void vscode.commands.executeCommand('setContext', 'cadreIa.hasDeclaration', false);
    this.follow(vscode.window.activeTextEditor?.document);
    if (this.scopeValue === 'workspace') {
      this.store.watch(WORKSPACE);
      void this.store.fetch(WORKSPACE);
    }
  }

  attach(view: vscode.TreeView<ChecklistNode>): void {
    this.view = view;
    this.updateViewTexts();
    // The whole workspace is re-asked only while the view shows it (it can be large).
    this.disposables.push(
      view.onDidChangeVisibility((e) => {
        if (this.scopeValue !== 'workspace') return;
        if (e.visible) {
          this.store.watch(WORKSPACE);
          void this.store.fetch(WORKSPACE);
        } else {
          this.store.unwatch(WORKSPACE);
        }
      }),
    );
  }

  get scope(): Scope {
    return this.scopeValue;
  }

  /** The URI (string) of the declaration shown in document mode. */
  get trackedUri(): string | undefined {
    return this.tracked;
  }

  async setScope(scope: Scope): Promise<void> {
    this.scopeValue = scope;
    await this.state.update(SCOPE_KEY, scope);
    await vscode.commands.executeCommand('setContext', 'cadreIa.scope', scope);
    if (scope === 'workspace') {
      this.store.watch(WORKSPACE);
      this.fireChanged();
      await this.store.fetch(WORKSPACE);
    } else {
      this.store.unwatch(WORKSPACE);
      this.fireChanged();
      if (this.tracked) await this.store.fetch(this.tracked);
    }
  }

  /** Asks the server again for what the view shows. */
  async refresh(): Promise<void> {
    if (this.scopeValue === 'workspace') await this.store.fetch(WORKSPACE);
    else if (this.tracked) await this.store.fetch(this.tracked);
    else this.fireChanged();
  }

  private follow(doc: vscode.TextDocument | undefined): void {
    if (isDeclaration(doc)) this.setTracked(uriKey(doc.uri));
  }

  private setTracked(uri: string | undefined): void {
    if (uri === this.tracked) return;
    if (this.tracked) this.store.unwatch(this.tracked);
    this.tracked = uri;
    void vscode.commands.executeCommand('setContext', 'cadreIa.hasDeclaration', !!uri);
    if (uri) {
      this.store.watch(uri);
      if (this.scopeValue === 'document') {
        this.fireChanged();
        void this.store.fetch(uri);
        return;
      }
    }
    this.fireChanged();
  }

  private fireChanged(): void {
    this.updateViewTexts();
    this.changed.fire();
    this.updated.fire();
  }

  /** The verdicts the view shows in document mode. */
  currentDocument(): PDocumentVerdicts | undefined {
    return this.tracked ? this.store.document(this.tracked) : undefined;
  }

  private currentResult(): { result?: VerdictsResult; error?: string } {
    const key = this.scopeValue === 'workspace' ? WORKSPACE : this.tracked;
    if (!key) return {};
    return this.store.get(key) ?? {};
  }

  private updateViewTexts(): void {
    const view = this.view;
    if (!view) return;
    const { result, error } = this.currentResult();
    if (error) {
      view.description = undefined;
      view.message = t('The Cadre IA server did not answer: {0}', error);
      return;
    }
    if (this.scopeValue === 'workspace') {
      const n = result?.documents.length ?? 0;
      view.description = result ? (n === 1 ? t('1 declaration') : t('{0} declarations', n)) : undefined;
      const full = result?.documents.filter((d) => d.summary.non_conforme === 0 && d.summary.a_completer === 0).length ?? 0;
      view.message = result && n > 0 ? t('Workspace: {0} of {1} declarations without any non-compliant or incomplete engagement.', full, n) : undefined;
      return;
    }
    const doc = this.currentDocument();
    if (!doc) {
      view.description = undefined;
      view.message = this.tracked ? t('Checking the declaration against the framework…') : undefined;
      return;
    }
    view.description = summaryText(doc.summary);
    const name = basename(vscode.Uri.parse(doc.uri).path);
    const more = breakdown(doc.summary);
    const line = more ? `${name} — ${more}` : name;
    // While the file has syntax errors the verdicts are not final: the view says so first.
    view.message = doc.provisional ? `${t('Provisional: the file has syntax errors, these verdicts are not final.')} ${line}` : line;
  }

  // ---------------------------------------------------------------------------------------
  // TreeDataProvider
  // ---------------------------------------------------------------------------------------

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'framework':
        return node.framework.principles.map((principle) => ({ kind: 'principle', principle, scope: 'workspace', cadre: node.framework.cadre }));
      case 'principle':
        return this.engagementsOf(node.principle, node.scope, node.cadre);
      case 'engagement':
        return node.e.findings.map((finding) => ({ kind: 'finding', finding, parent: node }));
      case 'wsEngagement':
        return [...node.entries]
          .sort((a, b) => SEVERITY_RANK[a.e.verdict] - SEVERITY_RANK[b.e.verdict] || a.doc.uri.localeCompare(b.doc.uri))
          .map(({ doc, e }) => ({ kind: 'wsDeclaration', doc, e, parent: node }));
      case 'wsDeclaration':
        return node.e.findings.map((finding) => ({ kind: 'finding', finding, parent: node }));
      default:
        return [];
    }
  }

  getParent(node: ChecklistNode): ChecklistNode | undefined {
    switch (node.kind) {
      case 'finding':
      case 'wsDeclaration':
        return node.parent;
      case 'engagement':
      case 'wsEngagement': {
        const id = node.kind === 'engagement' ? node.e.id : node.id;
        const scope: Scope = node.kind === 'engagement' ? 'document' : 'workspace';
        const cadre = node.kind === 'wsEngagement' ? node.cadre : undefined;
        const result = this.currentResult().result;
        const principles = cadre ? result?.frameworks?.find((f) => f.cadre === cadre)?.principles : result?.catalogue.principles;
        const p = principles?.find((x) => x.engagements.includes(id));
        return p ? { kind: 'principle', principle: p, scope, cadre } : undefined;
      }
      case 'principle': {
        const f = node.cadre ? this.currentResult().result?.frameworks?.find((x) => x.cadre === node.cadre) : undefined;
        return f ? { kind: 'framework', framework: f } : undefined;
      }
      default:
        return undefined;
    }
  }

  private roots(): ChecklistNode[] {
    const { result } = this.currentResult();
    if (!result) return [];
    if (this.scopeValue === 'document' && !this.currentDocument()) return [];
    if (this.scopeValue === 'workspace' && result.documents.length === 0) return [];
    // Several frameworks in the workspace: one group each.
    if (this.scopeValue === 'workspace' && (result.frameworks?.length ?? 0) > 1) return result.frameworks!.map((framework) => ({ kind: 'framework', framework }));
    return result.catalogue.principles.map((principle) => ({ kind: 'principle', principle, scope: this.scopeValue }));
  }

  private engagementsOf(p: PPrinciple, scope: Scope, cadre?: string): ChecklistNode[] {
    if (scope === 'document') {
      const doc = this.currentDocument();
      if (!doc) return [];
      return p.engagements
        .map((id) => doc.engagements.find((e) => e.id === id))
        .filter((e): e is PEngagementVerdict => !!e)
        .map((e) => ({ kind: 'engagement', doc, e }));
    }
    const result = this.currentResult().result;
    if (!result) return [];
    return p.engagements.map((id) => {
      const entries: { doc: PDocumentVerdicts; e: PEngagementVerdict }[] = [];
      let title = id;
      for (const doc of result.documents) {
        // Grouped by framework: only the declarations that name it.
        if (cadre && doc.framework?.cadre !== cadre) continue;
        const e = doc.engagements.find((x) => x.id === id);
        if (e) {
          entries.push({ doc, e });
          title = e.title;
        }
      }
      return { kind: 'wsEngagement', id, title, principle: p.id, entries, cadre };
    });
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    switch (node.kind) {
      case 'framework':
        return frameworkItem(node.framework, this.currentResult().result);
      case 'principle':
        return this.principleItem(node.principle, node.scope, node.cadre);
      case 'engagement':
        return engagementItem(node.e, node.doc.framework?.cadre);
      case 'finding':
        return findingItem(node.finding, node.parent);
      case 'wsEngagement':
        return wsEngagementItem(node);
      case 'wsDeclaration':
        return wsDeclarationItem(node.doc, node.e);
    }
  }

  private principleItem(p: PPrinciple, scope: Scope, cadre?: string): vscode.TreeItem {
    const item = new vscode.TreeItem(p.title, vscode.TreeItemCollapsibleState.Expanded);
    item.id = cadre ? `${scope}:principle:${cadre}:${p.id}` : `${scope}:principle:${p.id}`;
    item.contextValue = 'principle';
    if (scope === 'document') {
      const doc = this.currentDocument();
      const mine = doc ? doc.engagements.filter((e) => p.engagements.includes(e.id)) : [];
      const ok = mine.filter((e) => e.verdict === 'conforme').length;
      item.description = t('{0}/{1} compliant', ok, mine.length);
      item.tooltip = `${p.title} — ${item.description}`;
    } else {
      item.tooltip = p.title;
    }
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** A framework of the workspace (when several are used): its name, how many declarations name it. */
function frameworkItem(f: PFramework, result: VerdictsResult | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(f.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `workspace:framework:${f.cadre}`;
  const n = result?.documents.filter((d) => d.framework?.cadre === f.cadre).length ?? 0;
  item.description = `${f.cadre} · ${n === 1 ? t('1 declaration') : t('{0} declarations', n)}`;
  item.tooltip = `${f.name} (${f.cadre})`;
  item.contextValue = 'framework';
  return item;
}

function toRange(r: PRange | undefined): vscode.Range | undefined {
  if (!r) return undefined;
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** `contextValue` of an engagement: the inline actions it offers (see package.json `view/item/context`). */
export function engagementContext(e: PEngagementVerdict): string {
  const parts = ['engagement', `verdict-${e.verdict}`];
  if (e.missingSection) parts.push('missing');
  if (e.derogationOffered) parts.push('derogable');
  if (e.range) parts.push('located');
  return parts.join(' ');
}

/** A message as one Markdown list item's text (no line breaks, no HTML). */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

function engagementTooltip(e: PEngagementVerdict): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${e.id} — `).appendText(e.title).appendMarkdown('**\n\n');
  md.appendText(t('Verdict: {0}', e.verdictLabel));
  if (!e.derogable) md.appendMarkdown('\n\n').appendText(t('This engagement admits no derogation.'));
  if (e.appliesFrom) md.appendMarkdown('\n\n').appendText(t('Not in force yet: applies from {0}.', e.appliesFrom));
  if (e.findings.length) {
    md.appendMarkdown('\n\n');
    // The server's messages use Markdown code spans for field names (`usagers.interaction_directe`).
    for (const f of e.findings.slice(0, 8)) md.appendMarkdown(`- ${oneLine(f.message)} \`${f.code}\`\n`);
    if (e.findings.length > 8) md.appendText(t('… and {0} more', e.findings.length - 8));
  }
  md.appendMarkdown('\n\n').appendText(t('Click to read the engagement (principle, source, references).'));
  return md;
}

function engagementItem(e: PEngagementVerdict, cadre?: string): vscode.TreeItem {
  const hasFindings = e.findings.length > 0;
  const item = new vscode.TreeItem(
    `${e.id} · ${e.title}`,
    !hasFindings ? vscode.TreeItemCollapsibleState.None : e.verdict === 'non_conforme' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  // The verdict is part of the id: VS Code keeps an item's expansion by id, and an engagement
  // that becomes non-compliant should open on its findings.
  item.id = `document:engagement:${e.id}:${e.verdict}:${hasFindings ? 'f' : 'n'}`;
  const label = e.appliesFrom ? `${e.verdictLabel} · ${t('from {0}', e.appliesFrom)}` : e.verdictLabel;
  item.description = hasFindings ? `${label} · ${e.findings.length}` : label;
  item.iconPath = verdictIcon(e.verdict);
  item.tooltip = engagementTooltip(e);
  item.contextValue = engagementContext(e);
  item.accessibilityInformation = { label: `${e.id} ${e.title}: ${label}` };
  item.command = { command: 'cadreIa.showEngagement', title: t('Show the engagement'), arguments: [e.id, cadre] };
  return item;
}

function findingItem(f: PFinding, parent: ChecklistNode): vscode.TreeItem {
  const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
  const parentId = parent.kind === 'engagement' ? parent.e.id : parent.kind === 'wsDeclaration' ? `${parent.e.id}:${parent.doc.uri}` : '';
  item.id = `finding:${parentId}:${f.uri}:${f.range.start.line}:${f.range.start.character}:${f.code}`;
  item.description = `${f.code} · ${t('line {0}', f.range.start.line + 1)}`;
  item.iconPath = severityIcon(f.severity);
  item.tooltip = new vscode.MarkdownString().appendText(f.message).appendMarkdown(`\n\n\`${f.code}\``);
  item.contextValue = 'finding';
  item.command = { command: 'cadreIa.openFinding', title: t('Go to the field'), arguments: [f.uri, f.range] };
  return item;
}

function wsEngagementItem(node: Extract<ChecklistNode, { kind: 'wsEngagement' }>): vscode.TreeItem {
  const n = node.entries.length;
  const ok = node.entries.filter((x) => x.e.verdict === 'conforme').length;
  const item = new vscode.TreeItem(`${node.id} · ${node.title}`, n ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = node.cadre ? `workspace:engagement:${node.cadre}:${node.id}` : `workspace:engagement:${node.id}`;
  item.description = t('{0}/{1} compliant', ok, n);
  const worst = node.entries.map((x) => x.e.verdict).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0];
  item.iconPath = worst ? verdictIcon(worst) : undefined;
  const counts = new Map<PVerdict, number>();
  for (const x of node.entries) counts.set(x.e.verdict, (counts.get(x.e.verdict) ?? 0) + 1);
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${node.id} — `).appendText(node.title).appendMarkdown('**\n\n');
  for (const [v, c] of counts)
    md.appendMarkdown('- ')
      .appendText(t('{0}: {1}', verdictWord(v), c))
      .appendMarkdown('\n');
  item.tooltip = md;
  item.contextValue = 'wsEngagement';
  item.command = { command: 'cadreIa.showEngagement', title: t('Show the engagement'), arguments: [node.id, node.cadre] };
  return item;
}

function wsDeclarationItem(doc: PDocumentVerdicts, e: PEngagementVerdict): vscode.TreeItem {
  const uri = vscode.Uri.parse(doc.uri);
  const item = new vscode.TreeItem(basename(uri.path), e.findings.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `workspace:declaration:${doc.framework?.cadre ?? ''}:${e.id}:${doc.uri}`;
  const rel = vscode.workspace.asRelativePath(uri, false);
  const dir = dirname(rel);
  item.description = dir && dir !== '.' ? `${e.verdictLabel} · ${dir}` : e.verdictLabel;
  item.iconPath = verdictIcon(e.verdict);
  item.tooltip = new vscode.MarkdownString().appendText(`${rel} — ${e.id}: ${e.verdictLabel}`);
  item.contextValue = 'wsDeclaration';
  item.command = { command: 'cadreIa.openFinding', title: t('Open the declaration'), arguments: [doc.uri, e.range] };
  return item;
}

export { toRange };

/** The last segment of a `/`-separated path (URIs: the same on every platform, the browser included). */
function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The `/`-separated path without its last segment (`.` when there is none), as `path.posix.dirname`. */
function dirname(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i);
}
