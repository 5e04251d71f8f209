import * as vscode from 'vscode';
import { DeclareDerogationRequest } from '../../../shared/protocol';
import { t } from '../l10n';
import { uriKey } from '../languageClient';
import { resolveTarget, type EngagementTarget } from './engagementTarget';
import type { Command } from './types';
import { openAt } from './openFinding';
import { applyServerEdit, reveal } from './serverEdit';

/** `cadreIa.declareDerogation` (checklist inline action): a derogation under `engagements:`, as the server plans it. */
export const command: Command = {
  id: 'cadreIa.declareDerogation',
  run: async (deps, target?: EngagementTarget): Promise<boolean> => {
    const r = await resolveTarget(deps, target, t('Declare a derogation on which engagement?'), (e) => e.derogationOffered);
    if (!r) return false;
    if (!r.e.derogable) {
      void vscode.window.showWarningMessage(t('{0} admits no derogation (the framework rules it out).', r.e.id));
      return false;
    }
    const editor = await openAt(r.uri);
    const result = await deps.server.request(DeclareDerogationRequest, { uri: uriKey(editor.document.uri), engagement: r.e.id });
    if (result.status === 'edit') return applyServerEdit(editor, result);
    reveal(editor, result);
    if (result.status === 'exists') void vscode.window.showInformationMessage(t('{0} already has an explicit status under `engagements:`.', r.e.id));
    else if (result.status === 'notDerogable') void vscode.window.showWarningMessage(t('{0} admits no derogation (the framework rules it out).', r.e.id));
    else void vscode.window.showWarningMessage(t('`engagements:` is not written as a block mapping: add {0} by hand.', r.e.id));
    return false;
  },
};
