import type * as vscode from 'vscode';
import type { ChecklistProvider } from '../checklist';
import type { CadreClient } from '../languageClient';
import type { VerdictStore } from '../verdicts';
import type { CadreDocuments } from '../virtualDocs';

export interface CommandDeps {
  context: vscode.ExtensionContext;
  server: CadreClient;
  store: VerdictStore;
  checklist: ChecklistProvider;
  docs: CadreDocuments;
}

export interface Command {
  /** The command id, as contributed in package.json. */
  id: string;
  run: (deps: CommandDeps, ...args: never[]) => unknown;
}
