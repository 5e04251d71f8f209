// Entry of dist/client.js (`main`): desktop VS Code and every Node extension host.
import type * as vscode from 'vscode';
import { activateWith, deactivateServer, type CadreIaApi } from './activate';
import { nodeClient } from './nodeClient';

export type { CadreIaApi } from './activate';

export function activate(context: vscode.ExtensionContext): CadreIaApi {
  return activateWith(context, nodeClient);
}

export function deactivate(): Promise<void> {
  return deactivateServer();
}
