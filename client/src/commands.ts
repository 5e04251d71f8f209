import * as vscode from 'vscode';
import {
  CatalogueRequest,
  NewDeclarationRequest,
  ReportRequest,
  VerdictsRequest,
  EngagementRequest,
  type CatalogueInfo,
  type CatalogueParams,
  type EngagementResult,
  type NewDeclarationParams,
  type NewDeclarationResult,
  type PEngagementVerdict,
  type PRange,
  type ReportParams,
  type ReportResult,
  type VerdictsResult,
} from '../../shared/protocol';
import type { ChecklistNode, ChecklistProvider } from './checklist';
import { t } from './l10n';
import { isDeclaration, uriKey, type CadreServer } from './server';
import { findDerogationSnippet, findSectionSnippet, freeFileName, parseSnippetFile, planAppend, planDerogation, safeFileName } from './text';
import { catalogueUri, engagementUri, type CadreDocuments } from './virtualDocs';
import type { VerdictStore } from './verdicts';

export interface CommandDeps {
  context: vscode.ExtensionContext;
  server: CadreServer;
  store: VerdictStore;
  checklist: ChecklistProvider;
  docs: CadreDocuments;
}

/** Arguments accepted by `cadreIa.newDeclaration` (all optional: missing ones are asked for). */
export interface NewDeclarationArgs {
  nom?: string;
  direction?: string;
  /** Folder to write into (path or URI); the active declaration's folder or the workspace folder otherwise. */
  folder?: string | vscode.Uri;
}

/** Arguments accepted by `cadreIa.generateReport` (all optional). */
export interface ReportArgs {
  outDir?: string;
  year?: number;
  /** Offer to open the HTML once written (default true). */
  open?: boolean;
}

/** Where an engagement action applies: a checklist node, or `{ uri, id }`. */
type EngagementTarget = ChecklistNode | { uri: string; id: string } | undefined;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function isMethodNotFound(e: unknown): boolean {
  return (e as { code?: number } | null)?.code === -32601;
}

function toRange(r: PRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function eolOf(doc: vscode.TextDocument): string {
  return doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { server, checklist, docs } = deps;
  const reg = (id: string, fn: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(t('Cadre IA: {0}', message(e)));
        return undefined;
      }
    });
  return [
    reg('cadreIa.newDeclaration', (args?: NewDeclarationArgs) => newDeclaration(deps, args)),
    reg('cadreIa.showEngagement', (arg?: string | ChecklistNode) => showEngagement(deps, arg)),
    reg('cadreIa.generateReport', (args?: ReportArgs) => generateReport(deps, args)),
    reg('cadreIa.openCatalogue', () => openCatalogue(deps)),
    reg('cadreIa.restartServer', async () => {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Restarting the Cadre IA server…') }, () => server.restart());
      docs.refreshAll();
      await checklist.refresh();
      return true;
    }),
    reg('cadreIa.refresh', () => checklist.refresh()),
    reg('cadreIa.showWorkspace', () => checklist.setScope('workspace')),
    reg('cadreIa.showDocument', () => checklist.setScope('document')),
    reg('cadreIa.openFinding', (uri: string, range?: PRange) => openAt(uri, range)),
    reg('cadreIa.revealEngagement', async (node?: ChecklistNode) => {
      if (node?.kind === 'engagement') return openAt(node.doc.uri, node.e.range);
      if (node?.kind === 'wsDeclaration') return openAt(node.doc.uri, node.e.range);
      return undefined;
    }),
    reg('cadreIa.insertSection', (target?: EngagementTarget) => insertSection(deps, target)),
    reg('cadreIa.declareDerogation', (target?: EngagementTarget) => declareDerogation(deps, target)),
  ];
}

// -------------------------------------------------------------------------------------------
// Navigation
// -------------------------------------------------------------------------------------------

/** Opens a document and selects a range, in the column where it is already shown if any. */
export async function openAt(uri: string, range?: PRange): Promise<vscode.TextEditor> {
  const target = vscode.Uri.parse(uri);
  const visible = vscode.window.visibleTextEditors.find((ed) => uriKey(ed.document.uri) === uriKey(target));
  const doc = await vscode.workspace.openTextDocument(target);
  const selection = range ? toRange(range) : undefined;
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, selection, preview: false });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

// -------------------------------------------------------------------------------------------
// New declaration
// -------------------------------------------------------------------------------------------

async function newDeclaration(deps: CommandDeps, args: NewDeclarationArgs = {}): Promise<vscode.Uri | undefined> {
  const nom =
    args.nom ??
    (await vscode.window.showInputBox({
      title: t('New AI project declaration (1/2)'),
      prompt: t('Name of the project'),
      placeHolder: t('e.g. Transcription of the city council meetings'),
      ignoreFocusOut: true,
      validateInput: (v) => (!v.trim() ? t('Give the project a name.') : v.length > 100 ? t('100 characters at most.') : undefined),
    }));
  if (nom === undefined || !nom.trim()) return undefined;
  const direction =
    args.direction ??
    (await vscode.window.showInputBox({
      title: t('New AI project declaration (2/2)'),
      prompt: t('Department (direction) in charge of the project'),
      placeHolder: t('e.g. Direction of general administration'),
      ignoreFocusOut: true,
      validateInput: (v) => (!v.trim() ? t('Name the department in charge.') : undefined),
    }));
  if (direction === undefined || !direction.trim()) return undefined;

  const params: NewDeclarationParams = { nom: nom.trim(), direction: direction.trim() };
  const res = await deps.server.request<NewDeclarationResult>(NewDeclarationRequest, params);
  if (!res || typeof res.text !== 'string') throw new Error(t('The server did not return a declaration skeleton.'));

  const folder = await targetFolder(args.folder);
  if (!folder) {
    // No folder open: an unsaved document, which the user saves where they want.
    const doc = await vscode.workspace.openTextDocument({ language: 'declaration-ia', content: res.text });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc.uri;
  }
  const wanted = safeFileName(res.fileName || 'declaration.ia.yaml');
  const taken = new Set<string>();
  try {
    for (const [name] of await vscode.workspace.fs.readDirectory(folder)) taken.add(name.toLowerCase());
  } catch {
    await vscode.workspace.fs.createDirectory(folder);
  }
  const name = freeFileName(wanted, (n) => taken.has(n.toLowerCase()));
  const target = vscode.Uri.joinPath(folder, name);
  if (await exists(target)) throw new Error(t('{0} already exists.', target.fsPath));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(res.text));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { preview: false });
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function targetFolder(given: string | vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return typeof given === 'string' ? (/^[a-z][\w+.-]+:/i.test(given) && !/^[a-z]:[\\/]/i.test(given) ? vscode.Uri.parse(given) : vscode.Uri.file(given)) : given;
  const active = vscode.window.activeTextEditor?.document;
  if (isDeclaration(active) && active.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active.uri)) {
    return vscode.Uri.joinPath(active.uri, '..');
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  if (folders.length === 1) return folders[0].uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: t('Where should the declaration be written?') });
  return picked?.uri;
}

// -------------------------------------------------------------------------------------------
// Engagements
// -------------------------------------------------------------------------------------------

async function showEngagement(deps: CommandDeps, arg?: string | ChecklistNode): Promise<vscode.Uri | undefined> {
  let id: string | undefined;
  if (typeof arg === 'string') id = arg;
  else if (arg?.kind === 'engagement' || arg?.kind === 'wsDeclaration') id = arg.e.id;
  else if (arg?.kind === 'wsEngagement') id = arg.id;
  id ??= await pickEngagement(deps, t('Which engagement?'));
  if (!id) return undefined;
  // The Markdown page itself, read-only, beside the declaration: no webview (previews are one
  // click away with VS Code's own "Open Preview" button on Markdown editors).
  const uri = engagementUri(id);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  return uri;
}

async function pickEngagement(deps: CommandDeps, title: string, only?: (e: PEngagementVerdict) => boolean): Promise<string | undefined> {
  const tracked = deps.checklist.trackedUri;
  const result = await deps.server.request<VerdictsResult>(VerdictsRequest, tracked ? { uri: tracked } : {});
  const doc = tracked ? result.documents.find((d) => uriKey(d.uri) === tracked) ?? result.documents[0] : result.documents[0];
  const items: (vscode.QuickPickItem & { id?: string })[] = [];
  for (const p of result.catalogue.principles) {
    items.push({ label: p.title, kind: vscode.QuickPickItemKind.Separator });
    for (const id of p.engagements) {
      const e = doc?.engagements.find((x) => x.id === id);
      if (only && (!e || !only(e))) continue;
      let title = e?.title;
      if (!title) {
        try {
          title = (await deps.server.request<EngagementResult>(EngagementRequest, { id })).title;
        } catch {
          title = id;
        }
      }
      items.push({ label: `${id} · ${title}`, description: e?.verdictLabel, id });
    }
  }
  const choices = items.filter((i, k) => i.id || (items[k + 1] && items[k + 1].id));
  if (!choices.some((i) => i.id)) {
    void vscode.window.showInformationMessage(t('No engagement needs this action in the active declaration.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(choices, { title, matchOnDescription: true });
  return picked?.id;
}

/** The document and engagement an inline action applies to (asks when run from the palette). */
async function resolveTarget(deps: CommandDeps, target: EngagementTarget, title: string, only: (e: PEngagementVerdict) => boolean): Promise<{ uri: string; e: PEngagementVerdict } | undefined> {
  if (target && 'kind' in target && (target.kind === 'engagement' || target.kind === 'wsDeclaration')) return { uri: target.doc.uri, e: target.e };
  let uri: string | undefined;
  let id: string | undefined;
  if (target && 'uri' in target && 'id' in target) {
    uri = uriKey(target.uri);
    id = target.id;
  } else {
    uri = deps.checklist.trackedUri;
    if (!uri) {
      void vscode.window.showInformationMessage(t('Open a declaration (*.ia.yaml) first.'));
      return undefined;
    }
    id = await pickEngagement(deps, title, only);
  }
  if (!id || !uri) return undefined;
  const result = await deps.server.request<VerdictsResult>(VerdictsRequest, { uri });
  const e = (result.documents.find((d) => uriKey(d.uri) === uri) ?? result.documents[0])?.engagements.find((x) => x.id === id);
  return e ? { uri, e } : undefined;
}

/** A code action of the server, at one of the engagement's findings, whose edit `accept` recognizes. */
async function serverFix(doc: vscode.TextDocument, e: PEngagementVerdict, accept: (newText: string) => boolean): Promise<vscode.CodeAction | undefined> {
  for (const f of e.findings) {
    if (uriKey(f.uri) !== uriKey(doc.uri)) continue;
    let actions: (vscode.CodeAction | vscode.Command)[] | undefined;
    try {
      actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        toRange(f.range),
        vscode.CodeActionKind.QuickFix.value,
        20,
      );
    } catch {
      actions = undefined;
    }
    for (const a of actions ?? []) {
      if (!('edit' in a) || !a.edit) continue;
      const texts = a.edit.get(doc.uri).map((x) => x.newText);
      if (texts.some(accept)) return a;
    }
  }
  return undefined;
}

async function applyAction(a: vscode.CodeAction): Promise<boolean> {
  const ok = a.edit ? await vscode.workspace.applyEdit(a.edit) : true;
  if (ok && a.command) await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments ?? []));
  return ok;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let snippetCache: Record<string, { prefix?: string | string[]; body?: string | string[] }>[] | undefined;

/** The snippet files the extension contributes for `declaration-ia`. */
async function contributedSnippets(context: vscode.ExtensionContext): Promise<Record<string, { prefix?: string | string[]; body?: string | string[] }>[]> {
  if (snippetCache) return snippetCache;
  const list = (context.extension.packageJSON?.contributes?.snippets ?? []) as { language?: string; path?: string }[];
  const found: Record<string, { prefix?: string | string[]; body?: string | string[] }>[] = [];
  for (const s of list) {
    if (s.language !== 'declaration-ia' || !s.path) continue;
    try {
      // Through workspace.fs: the extension's own files, on disk or served to a web extension host.
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, s.path));
      found.push(parseSnippetFile(new TextDecoder('utf-8').decode(bytes)));
    } catch {
      // A missing snippet file only loses the fallback.
    }
  }
  return (snippetCache = found);
}

async function editorFor(uri: string): Promise<vscode.TextEditor> {
  return openAt(uri);
}

/** Inserts the missing section of an engagement: the server's fix when it offers one, else the section's snippet at the end. */
async function insertSection(deps: CommandDeps, target: EngagementTarget): Promise<boolean> {
  const r = await resolveTarget(deps, target, t('Insert the missing section of which engagement?'), (e) => !!e.missingSection);
  if (!r) return false;
  const section = r.e.missingSection;
  if (!section) {
    void vscode.window.showInformationMessage(t('{0}: no section is missing.', r.e.id));
    return false;
  }
  const editor = await editorFor(r.uri);
  const doc = editor.document;
  const keyRe = new RegExp(`(^|\\n)${escapeRe(section)}\\s*:`);
  const fix = await serverFix(doc, r.e, (text) => keyRe.test(text));
  if (fix && (await applyAction(fix))) {
    revealKey(editor, section);
    return true;
  }
  const snippet = findSectionSnippet(await contributedSnippets(deps.context), section);
  const plan = planAppend(doc.getText(), snippet?.body ?? `${section}:\n  $0`, eolOf(doc));
  const position = doc.validatePosition(new vscode.Position(plan.line, 0));
  return editor.insertSnippet(new vscode.SnippetString(plan.prefix + plan.snippet), position);
}

function revealKey(editor: vscode.TextEditor, key: string): void {
  const doc = editor.document;
  for (let i = 0; i < doc.lineCount; i++) {
    if (new RegExp(`^${escapeRe(key)}\\s*:`).test(doc.lineAt(i).text)) {
      const range = new vscode.Range(i, 0, i, key.length);
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return;
    }
  }
}

/** Declares a derogation on an engagement under `engagements:` (the server's fix when it offers one). */
async function declareDerogation(deps: CommandDeps, target: EngagementTarget): Promise<boolean> {
  const r = await resolveTarget(deps, target, t('Declare a derogation on which engagement?'), (e) => e.derogable && (e.verdict === 'non_conforme' || e.verdict === 'a_completer'));
  if (!r) return false;
  if (!r.e.derogable) {
    void vscode.window.showWarningMessage(t('{0} admits no derogation (the framework rules it out).', r.e.id));
    return false;
  }
  const editor = await editorFor(r.uri);
  const doc = editor.document;
  const fix = await serverFix(doc, r.e, (text) => text.includes(`${r.e.id}:`) && text.includes('derogation'));
  if (fix && (await applyAction(fix))) return true;
  const template = findDerogationSnippet(await contributedSnippets(deps.context), r.e.id);
  const plan = planDerogation(doc.getText(), r.e.id, new Date(), eolOf(doc), template);
  if (plan.kind !== 'insert') {
    const line = doc.lineAt(Math.min(plan.line, doc.lineCount - 1)).range;
    editor.selection = new vscode.Selection(line.start, line.end);
    editor.revealRange(line, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (plan.kind === 'exists') void vscode.window.showInformationMessage(t('{0} already has an explicit status under `engagements:`.', r.e.id));
    else void vscode.window.showWarningMessage(t('`engagements:` is not written as a block mapping: add {0} by hand.', r.e.id));
    return false;
  }
  const position = doc.validatePosition(new vscode.Position(plan.line, 0));
  return editor.insertSnippet(new vscode.SnippetString(plan.prefix + plan.snippet), position);
}

// -------------------------------------------------------------------------------------------
// Report and catalogue
// -------------------------------------------------------------------------------------------

async function generateReport(deps: CommandDeps, args: ReportArgs = {}): Promise<ReportResult | undefined> {
  const thisYear = new Date().getFullYear();
  let year = args.year;
  if (year === undefined) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: String(thisYear - 1), description: t('last year') },
        { label: String(thisYear), description: t('this year, so far') },
      ],
      { title: t('Annual report of AI uses: which year?') },
    );
    if (!picked) return undefined;
    year = Number(picked.label);
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  let outDir = args.outDir;
  if (!outDir) {
    const chosen = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: t('Write the report here'),
      title: t('Folder for the annual report {0}', year),
      defaultUri: folders[0]?.uri,
    });
    if (!chosen?.[0]) return undefined;
    outDir = chosen[0].fsPath;
  }
  const params: ReportParams = { outDir, year, roots: folders.length ? folders.map((f) => f.uri.fsPath) : undefined };
  let res: ReportResult;
  try {
    res = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Writing the annual report {0}…', year) },
      () => deps.server.request<ReportResult>(ReportRequest, params),
    );
  } catch (e) {
    if (isMethodNotFound(e)) throw new Error(t('this version of the server cannot write the annual report.'));
    throw e;
  }
  if (args.open !== false) {
    const inBrowser = t('Open in the browser');
    const inEditor = t('Open the HTML file');
    const choice = await vscode.window.showInformationMessage(
      t('Annual report {0} written: {1} file(s) in {2}.', year, res.files.length, outDir),
      ...(res.html ? [inBrowser, inEditor] : []),
    );
    if (choice === inBrowser && res.html) await vscode.env.openExternal(vscode.Uri.file(res.html));
    else if (choice === inEditor && res.html) await vscode.window.showTextDocument(vscode.Uri.file(res.html), { preview: false });
  }
  return res;
}

async function openCatalogue(deps: CommandDeps): Promise<vscode.Uri> {
  const params: CatalogueParams = { uri: deps.checklist.trackedUri };
  const info = await deps.server.request<CatalogueInfo>(CatalogueRequest, params);
  if (info.fallbackReason) {
    void vscode.window.showWarningMessage(t('The configured catalogue is not used ({0}): the bundled Lyon catalogue applies.', info.fallbackReason));
  }
  const file = vscode.Uri.file(info.file);
  // The bundled catalogue opens read-only: editing it inside the extension would be lost on update.
  const uri = info.bundled ? catalogueUri(file) : file;
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return uri;
}
