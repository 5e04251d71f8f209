/** Applies an edit the server planned (`cadreIa/insertSection`, `cadreIa/declareDerogation`): the client computes none. */
import * as vscode from 'vscode';
import type { EngagementActionResult } from '../../../shared/protocol';
import { toRange } from './openFinding';

/**
 * Applies the server's edits to the editor's document, when they were computed on its current
 * version (else nothing is applied: the user typed meanwhile), then selects `reveal`.
 */
export async function applyServerEdit(editor: vscode.TextEditor, result: EngagementActionResult): Promise<boolean> {
  const doc = editor.document;
  if (result.status !== 'edit' || !result.edits.length) return false;
  if (result.version !== undefined && result.version !== doc.version) return false;
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.replace(doc.uri, toRange(e.range), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  reveal(editor, result);
  return true;
}

/** Selects and shows the range the server pointed at (the key written, or the one already there). */
export function reveal(editor: vscode.TextEditor, result: EngagementActionResult): void {
  if (!result.reveal) return;
  const range = editor.document.validateRange(toRange(result.reveal));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
