import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import type { ClientFactory } from './languageClient';
import { serveWorkspaceFiles } from './workspaceFs';

/** The web extension host's globals this file needs (it is bundled for the browser only). */
interface WebGlobals {
  Worker: new (url: string, options?: { name?: string }) => unknown;
  Blob: new (parts: unknown[], options?: { type?: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
}

/**
 * Where the worker is started from. An extension served over http(s) (VS Code for the Web,
 * GitLab's Web IDE, github.dev: the extension comes from the marketplace's CDN) gives its URL.
 * A web worker extension host refuses a `vscode-remote:` URL ("Creating workers from remote
 * extensions is currently not supported": code-server, remote windows), so there the script is
 * read through `workspace.fs` and started from a blob URL.
 */
async function workerUrl(context: vscode.ExtensionContext): Promise<string> {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  if (main.scheme === 'http' || main.scheme === 'https') return main.toString(true);
  const g = globalThis as unknown as WebGlobals;
  const bytes = await vscode.workspace.fs.readFile(main);
  return g.URL.createObjectURL(new g.Blob([bytes], { type: 'application/javascript' }));
}

/**
 * Browser-hosted editors (VS Code for the Web, GitLab's Web IDE, github.dev, code-server's web
 * extension host): the bundled server `dist/web/server.js` in a web worker; the workspace's
 * files reach it through `vscode.workspace.fs` (workspaceFs.ts).
 */
export const browserClient: ClientFactory = {
  platform: 'web',
  create(context: vscode.ExtensionContext, options) {
    const g = globalThis as unknown as WebGlobals;
    // Started by client.start(): a failure is the start's failure (shown to the user), not an exception in activate().
    // The transports are built here rather than by the library from a Worker: it recognizes one
    // with `instanceof Worker`, which the extension host's own Worker class does not pass.
    const start = async (): Promise<MessageTransports> => {
      const worker = new g.Worker(await workerUrl(context), { name: 'Cadre IA language server' });
      return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
    };
    const client = new LanguageClient('cadreIa', 'Cadre IA', start, options);
    context.subscriptions.push(...serveWorkspaceFiles(client));
    return client;
  },
};
