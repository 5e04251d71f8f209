import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import type { ClientFactory } from './languageClient';

/** Desktop VS Code (and any Node extension host): the bundled server `dist/server.js` over Node IPC. */
export const nodeClient: ClientFactory = {
  platform: 'desktop',
  create(context: vscode.ExtensionContext, options) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    return new LanguageClient('cadreIa', 'Cadre IA', serverOptions, options);
  },
};
