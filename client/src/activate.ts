import * as vscode from 'vscode';
import { ChecklistProvider, type ChecklistNode } from './checklist';
import { registerCommands } from './commands';
import { initL10n, refreshLocale, t } from './l10n';
import { CadreClient, type ClientFactory } from './languageClient';
import { StatusBar } from './statusBar';
import { CadreDocuments, SCHEME } from './virtualDocs';
import { VerdictStore } from './verdicts';

/** What `activate` returns; `testing` is for the integration suite only. */
export interface CadreIaApi {
  testing: {
    server: CadreClient;
    store: VerdictStore;
    checklist: ChecklistProvider;
    view: vscode.TreeView<ChecklistNode>;
    statusBar: StatusBar;
    documents: CadreDocuments;
  };
}

let server: CadreClient | undefined;

/**
 * Activation, the same on every platform: the entries `extension.ts` (Node: desktop VS Code,
 * code-server) and `browser.ts` (web extension hosts) only choose how the server runs.
 */
export function activateWith(context: vscode.ExtensionContext, factory: ClientFactory): CadreIaApi {
  initL10n();
  server = new CadreClient(context, factory);
  const store = new VerdictStore(server);
  const documents = new CadreDocuments(server);
  const checklist = new ChecklistProvider(store, context.workspaceState);
  const view = vscode.window.createTreeView('cadreIa.engagements', { treeDataProvider: checklist, showCollapseAll: true });
  checklist.attach(view);
  const statusBar = new StatusBar(store, server);

  context.subscriptions.push(
    server,
    store,
    documents,
    checklist,
    view,
    statusBar,
    vscode.workspace.registerFileSystemProvider(SCHEME, documents, {
      isCaseSensitive: true,
      isReadonly: new vscode.MarkdownString(t('Cadre IA pages and the bundled catalogue are read-only. To adapt the framework, copy the catalogue into your workspace and set `cadreIa.catalogue`.')),
    }),
    ...registerCommands({ context, server, store, checklist, docs: documents }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cadreIa.locale')) {
        refreshLocale();
        documents.refreshAll();
        void checklist.refresh();
        statusBar.render();
      }
    }),
  );

  server.start().catch((e: unknown) => {
    const restart = t('Restart');
    const log = t('Show the log');
    void vscode.window.showErrorMessage(t('The Cadre IA language server could not start: {0}', e instanceof Error ? e.message : String(e)), restart, log).then((choice) => {
      if (choice === restart) void vscode.commands.executeCommand('cadreIa.restartServer');
      else if (choice === log) server?.showOutput();
    });
  });

  return { testing: { server, store, checklist, view, statusBar, documents } };
}

export async function deactivateServer(): Promise<void> {
  await server?.stop();
}
