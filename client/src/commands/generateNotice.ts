import * as vscode from 'vscode';
import { NoticeRequest, type NoticeResult } from '../../../shared/protocol';
import { t } from '../l10n';
import { isDeclaration } from '../languageClient';
import type { Command, CommandDeps } from './types';

/** Arguments accepted by `cadreIa.generateNotice` (all optional). */
export interface NoticeArgs {
  /** The declaration (an open document's URI); the active editor's otherwise. */
  uri?: string | vscode.Uri;
  format?: 'md' | 'html';
  /** Open the notice in an editor (default true). */
  open?: boolean;
}

/**
 * `cadreIa.generateNotice`: the transparency notice of a declaration, written by the server from
 * the document's current text, opened as a new unsaved document (Markdown or HTML) for the user
 * to review and save. Gaps ("à compléter") are counted in a message.
 */
export const command: Command = {
  id: 'cadreIa.generateNotice',
  run: (deps, args?: NoticeArgs) => generateNotice(deps, args),
};

async function generateNotice(deps: CommandDeps, args: NoticeArgs = {}): Promise<NoticeResult | undefined> {
  let doc: vscode.TextDocument | undefined;
  if (args.uri !== undefined) {
    const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
    doc = await vscode.workspace.openTextDocument(uri);
  } else doc = vscode.window.activeTextEditor?.document;
  if (!isDeclaration(doc)) throw new Error(t('open a declaration (*.ia.yaml) to generate its notice.'));
  let format = args.format;
  if (format === undefined) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: t('Markdown'), description: t('to review and edit'), format: 'md' as const },
        { label: t('HTML page'), description: t('to publish as it is'), format: 'html' as const },
      ],
      { title: t('Transparency notice: which format?') },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  const res = await deps.server.request(NoticeRequest, { uri: doc.uri.toString(), format });
  if (args.open !== false) {
    const notice = await vscode.workspace.openTextDocument({ content: res.content, language: format === 'md' ? 'markdown' : 'html' });
    await vscode.window.showTextDocument(notice, { preview: false });
    const message = res.gaps.length
      ? t('Notice generated ({0}): {1} item(s) marked “to be completed” to fill in the declaration.', res.fileName, res.gaps.length)
      : t('Notice generated ({0}): nothing to complete.', res.fileName);
    void vscode.window.showInformationMessage(message);
  }
  return res;
}
