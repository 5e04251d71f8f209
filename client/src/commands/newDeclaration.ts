import * as vscode from 'vscode';
import { NewDeclarationRequest, type NewDeclarationParams } from '../../../shared/protocol';
import { freeFileName, safeFileName } from '../fileNames';
import { t } from '../l10n';
import { isDeclaration } from '../languageClient';
import type { Command, CommandDeps } from './types';

/** Arguments accepted by `cadreIa.newDeclaration` (all optional: missing ones are asked for). */
export interface NewDeclarationArgs {
  nom?: string;
  direction?: string;
  /** Folder to write into (path or URI); the active declaration's folder or the workspace folder otherwise. */
  folder?: string | vscode.Uri;
}

/** `cadreIa.newDeclaration`: asks for a name and a department, writes the server's skeleton into a free file name. */
export const command: Command = {
  id: 'cadreIa.newDeclaration',
  run: (deps, args?: NewDeclarationArgs) => newDeclaration(deps, args),
};

async function newDeclaration(deps: CommandDeps, args: NewDeclarationArgs = {}): Promise<vscode.Uri | undefined> {
  const nom =
    args.nom ??
    (await vscode.window.showInputBox({
      title: t('New AI project declaration (1/2)'),
      prompt: t('Name of the project'),
      placeHolder: t('e.g. Transcription of the city council meetings'),
      ignoreFocusOut: true,
      validateInput: (v) => (!v.trim() ? t('Give the project a name.') : v.length > 100 ? t('100 characters at most.') : undefined),
    }));
  if (nom === undefined || !nom.trim()) return undefined;
  const direction =
    args.direction ??
    (await vscode.window.showInputBox({
      title: t('New AI project declaration (2/2)'),
      prompt: t('Department (direction) in charge of the project'),
      placeHolder: t('e.g. Direction of general administration'),
      ignoreFocusOut: true,
      validateInput: (v) => (!v.trim() ? t('Name the department in charge.') : undefined),
    }));
  if (direction === undefined || !direction.trim()) return undefined;

  const params: NewDeclarationParams = { nom: nom.trim(), direction: direction.trim() };
  const res = await deps.server.request(NewDeclarationRequest, params);
  if (!res || typeof res.text !== 'string') throw new Error(t('The server did not return a declaration skeleton.'));

  const folder = await targetFolder(args.folder);
  if (!folder) {
    // No folder open: an unsaved document, which the user saves where they want.
    const doc = await vscode.workspace.openTextDocument({ language: 'declaration-ia', content: res.text });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc.uri;
  }
  const wanted = safeFileName(res.fileName || 'declaration.ia.yaml');
  const taken = new Set<string>();
  try {
    for (const [name] of await vscode.workspace.fs.readDirectory(folder)) taken.add(name.toLowerCase());
  } catch {
    await vscode.workspace.fs.createDirectory(folder);
  }
  const name = freeFileName(wanted, (n) => taken.has(n.toLowerCase()));
  const target = vscode.Uri.joinPath(folder, name);
  if (await exists(target)) throw new Error(t('{0} already exists.', target.fsPath));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(res.text));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { preview: false });
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function targetFolder(given: string | vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return typeof given === 'string' ? (/^[a-z][\w+.-]+:/i.test(given) && !/^[a-z]:[\\/]/i.test(given) ? vscode.Uri.parse(given) : vscode.Uri.file(given)) : given;
  const active = vscode.window.activeTextEditor?.document;
  if (isDeclaration(active) && active.uri.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active.uri)) {
    return vscode.Uri.joinPath(active.uri, '..');
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  if (folders.length === 1) return folders[0].uri;
  const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: t('Where should the declaration be written?') });
  return picked?.uri;
}
