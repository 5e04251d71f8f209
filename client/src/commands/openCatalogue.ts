import * as vscode from 'vscode';
import { CatalogueRequest, type CatalogueParams } from '../../../shared/protocol';
import { t } from '../l10n';
import { catalogueUri } from '../virtualDocs';
import type { Command, CommandDeps } from './types';

/** `cadreIa.openCatalogue`: the catalogue in use (the bundled one read-only). */
export const command: Command = { id: 'cadreIa.openCatalogue', run: (deps) => openCatalogue(deps) };

async function openCatalogue(deps: CommandDeps): Promise<vscode.Uri> {
  const params: CatalogueParams = { uri: deps.checklist.trackedUri };
  const info = await deps.server.request(CatalogueRequest, params);
  if (info.fallbackReason) {
    void vscode.window.showWarningMessage(t('The configured catalogue is not used ({0}): the bundled Lyon catalogue applies.', info.fallbackReason));
  }
  const file = vscode.Uri.file(info.file);
  // The bundled catalogue opens read-only: editing it inside the extension would be lost on update.
  const uri = info.bundled ? catalogueUri(file) : file;
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return uri;
}
