/**
 * The extension's commands, one file per command (the file is named after the command:
 * `cadreIa.insertSection` → `insertSection.ts`). Each exports `command`: its id and what it runs
 * with the shared `CommandDeps`. Commands hold UI only: every text edit comes from the server.
 */
import * as vscode from 'vscode';
import { t } from '../l10n';
import { command as declareDerogation } from './declareDerogation';
import { command as generateNotice } from './generateNotice';
import { command as generateReport } from './generateReport';
import { command as insertSection } from './insertSection';
import { command as newDeclaration } from './newDeclaration';
import { command as openCatalogue } from './openCatalogue';
import { command as openFinding } from './openFinding';
import { command as refresh } from './refresh';
import { command as restartServer } from './restartServer';
import { command as revealEngagement } from './revealEngagement';
import { command as showDocument } from './showDocument';
import { command as showEngagement } from './showEngagement';
import { command as showWorkspace } from './showWorkspace';
import type { Command, CommandDeps } from './types';

export type { Command, CommandDeps } from './types';

/** Every command; `test/unit/client/manifest.test.ts` checks it against package.json. */
export const COMMANDS: readonly Command[] = [
  newDeclaration,
  showEngagement,
  generateReport,
  generateNotice,
  openCatalogue,
  restartServer,
  refresh,
  showWorkspace,
  showDocument,
  openFinding,
  revealEngagement,
  insertSection,
  declareDerogation,
];

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Registers every command; an exception becomes an error message, never an unhandled rejection. */
export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return COMMANDS.map((c) =>
    vscode.commands.registerCommand(c.id, async (...args: unknown[]) => {
      try {
        return await (c.run as (d: CommandDeps, ...a: unknown[]) => unknown)(deps, ...args);
      } catch (e) {
        void vscode.window.showErrorMessage(t('Cadre IA: {0}', message(e)));
        return undefined;
      }
    }),
  );
}
