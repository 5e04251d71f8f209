import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { ClientFactory } from './server';
import { serveWorkspaceFiles } from './workspaceFs';

/**
 * Browser-hosted editors (VS Code for the Web, GitLab's Web IDE, github.dev, code-server's web
 * extension host): the bundled server `dist/web/server.js` in a web worker; the workspace's
 * files reach it through `vscode.workspace.fs` (workspaceFs.ts).
 */
export const browserClient: ClientFactory = {
  platform: 'web',
  create(context: vscode.ExtensionContext, options) {
    const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    // `Worker` is the web extension host's global (this file is bundled for the browser only).
    const WorkerCtor = (globalThis as unknown as { Worker: new (url: string) => unknown }).Worker;
    const worker = new WorkerCtor(main.toString(true));
    const client = new LanguageClient('cadreIa', 'Cadre IA', worker as never, options);
    context.subscriptions.push(...serveWorkspaceFiles(client));
    return client;
  },
};
