import * as vscode from 'vscode';
import { ReportRequest, type ReportParams, type ReportResult } from '../../../shared/protocol';
import { t } from '../l10n';
import type { Command, CommandDeps } from './types';

/** Arguments accepted by `cadreIa.generateReport` (all optional). */
export interface ReportArgs {
  outDir?: string;
  year?: number;
  /** Offer to open the HTML once written (default true). */
  open?: boolean;
}

/** `cadreIa.generateReport`: asks for a year and a folder; the server writes the annual report. */
export const command: Command = {
  id: 'cadreIa.generateReport',
  run: (deps, args?: ReportArgs) => generateReport(deps, args),
};

function isMethodNotFound(e: unknown): boolean {
  return (e as { code?: number } | null)?.code === -32601;
}

async function generateReport(deps: CommandDeps, args: ReportArgs = {}): Promise<ReportResult | undefined> {
  const thisYear = new Date().getFullYear();
  let year = args.year;
  if (year === undefined) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: String(thisYear - 1), description: t('last year') },
        { label: String(thisYear), description: t('this year, so far') },
      ],
      { title: t('Annual report of AI uses: which year?') },
    );
    if (!picked) return undefined;
    year = Number(picked.label);
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  let outDir = args.outDir;
  if (!outDir) {
    const chosen = await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: t('Write the report here'),
      title: t('Folder for the annual report {0}', year),
      defaultUri: folders[0]?.uri,
    });
    if (!chosen?.[0]) return undefined;
    outDir = chosen[0].fsPath;
  }
  const params: ReportParams = { outDir, year, roots: folders.length ? folders.map((f) => f.uri.fsPath) : undefined };
  let res: ReportResult;
  try {
    res = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Writing the annual report {0}…', year) }, () => deps.server.request(ReportRequest, params));
  } catch (e) {
    if (isMethodNotFound(e)) throw new Error(t('this version of the server cannot write the annual report.'));
    throw e;
  }
  if (args.open !== false) {
    const inBrowser = t('Open in the browser');
    const inEditor = t('Open the HTML file');
    const choice = await vscode.window.showInformationMessage(t('Annual report {0} written: {1} file(s) in {2}.', year, res.files.length, outDir), ...(res.html ? [inBrowser, inEditor] : []));
    if (choice === inBrowser && res.html) await vscode.env.openExternal(vscode.Uri.file(res.html));
    else if (choice === inEditor && res.html) await vscode.window.showTextDocument(vscode.Uri.file(res.html), { preview: false });
  }
  return res;
}
