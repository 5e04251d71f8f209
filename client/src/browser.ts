// Entry of dist/web/client.js (`browser`): web extension hosts — VS Code for the Web, GitLab's
// Web IDE, github.dev, code-server's web worker host. The language server runs in a web worker.
import type * as vscode from 'vscode';
import { activateWith, deactivateServer, type CadreIaApi } from './activate';
import { browserClient } from './browserClient';

export type { CadreIaApi } from './activate';

export function activate(context: vscode.ExtensionContext): CadreIaApi {
  return activateWith(context, browserClient);
}

export function deactivate(): Promise<void> {
  return deactivateServer();
}
