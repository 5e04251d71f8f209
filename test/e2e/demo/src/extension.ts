// Throwaway extension for the e2e harness's own test: one command that shows a notification
// naming the active file, and returns what it showed (so the mocha suite can assert on it).
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('cadreIaE2eDemo.hello', () => {
      const file = vscode.window.activeTextEditor?.document.uri.path.split('/').pop() ?? 'no file';
      const message = `Bonjour de la démo Cadre IA (${file})`;
      void vscode.window.showInformationMessage(message);
      return message;
    }),
  );
}

export function deactivate(): void {}
