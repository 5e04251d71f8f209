import * as vscode from 'vscode';
import { InsertSectionRequest } from '../../../shared/protocol';
import { t } from '../l10n';
import { uriKey } from '../languageClient';
import { resolveTarget, type EngagementTarget } from './engagementTarget';
import type { Command } from './types';
import { openAt } from './openFinding';
import { applyServerEdit, reveal } from './serverEdit';

/** `cadreIa.insertSection` (checklist inline action): writes the engagement's missing section, as the server plans it. */
export const command: Command = {
  id: 'cadreIa.insertSection',
  run: async (deps, target?: EngagementTarget): Promise<boolean> => {
    const r = await resolveTarget(deps, target, t('Insert the missing section of which engagement?'), (e) => !!e.missingSection);
    if (!r) return false;
    if (!r.e.missingSection) {
      void vscode.window.showInformationMessage(t('{0}: no section is missing.', r.e.id));
      return false;
    }
    const editor = await openAt(r.uri);
    const result = await deps.server.request(InsertSectionRequest, { uri: uriKey(editor.document.uri), engagement: r.e.id });
    if (result.status === 'edit') return applyServerEdit(editor, result);
    reveal(editor, result);
    if (result.status === 'nothingMissing' || result.status === 'exists') void vscode.window.showInformationMessage(t('{0}: no section is missing.', r.e.id));
    else void vscode.window.showWarningMessage(t('The missing section of {0} cannot be inserted here: add it by hand.', r.e.id));
    return false;
  },
};
