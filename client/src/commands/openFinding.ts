import * as vscode from 'vscode';
import type { PRange } from '../../../shared/protocol';
import { uriKey } from '../languageClient';
import type { Command } from './types';

export function toRange(r: PRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** Opens a document and selects a range, in the column where it is already shown if any. */
export async function openAt(uri: string, range?: PRange): Promise<vscode.TextEditor> {
  const target = vscode.Uri.parse(uri);
  const visible = vscode.window.visibleTextEditors.find((ed) => uriKey(ed.document.uri) === uriKey(target));
  const doc = await vscode.workspace.openTextDocument(target);
  const selection = range ? toRange(range) : undefined;
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn, selection, preview: false });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** `cadreIa.openFinding` (a finding of the checklist): `(uri, range?)`. */
export const command: Command = {
  id: 'cadreIa.openFinding',
  run: (_deps, uri: string, range?: PRange) => openAt(uri, range),
};
