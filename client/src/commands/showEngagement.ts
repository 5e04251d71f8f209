import * as vscode from 'vscode';
import type { ChecklistNode } from '../checklist';
import { t } from '../l10n';
import { engagementUri } from '../virtualDocs';
import { pickEngagement } from './engagementTarget';
import type { Command } from './types';

/** `cadreIa.showEngagement` (also the verdict code lenses' command): the engagement's page, beside the declaration. */
export const command: Command = {
  id: 'cadreIa.showEngagement',
  run: async (deps, arg?: string | ChecklistNode, framework?: unknown): Promise<vscode.Uri | undefined> => {
    let id: string | undefined;
    // The framework the engagement belongs to (`socle-ia/v1`…); the default one when absent.
    let cadre = typeof framework === 'string' ? framework : undefined;
    if (typeof arg === 'string') id = arg;
    else if (arg?.kind === 'engagement' || arg?.kind === 'wsDeclaration') {
      id = arg.e.id;
      cadre ??= arg.doc.framework?.cadre;
    } else if (arg?.kind === 'wsEngagement') {
      id = arg.id;
      cadre ??= arg.cadre;
    }
    id ??= await pickEngagement(deps, t('Which engagement?'));
    if (!id) return undefined;
    // The Markdown page itself, read-only, beside the declaration: no webview (previews are one
    // click away with VS Code's own "Open Preview" button on Markdown editors).
    const uri = engagementUri(id, cadre);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return uri;
  },
};
