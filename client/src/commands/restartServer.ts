import * as vscode from 'vscode';
import { t } from '../l10n';
import type { Command } from './types';

/** `cadreIa.restartServer`. */
export const command: Command = {
  id: 'cadreIa.restartServer',
  run: async ({ server, checklist, docs }) => {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Restarting the Cadre IA server…') }, () => server.restart());
    docs.refreshAll();
    await checklist.refresh();
    return true;
  },
};
