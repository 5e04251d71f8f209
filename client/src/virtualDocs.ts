import * as vscode from 'vscode';
import { EngagementRequest, type EngagementParams, type EngagementResult } from '../../shared/protocol';
import { t } from './l10n';
import type { CadreServer } from './server';

export const SCHEME = 'cadre-ia';

/** `cadre-ia:/engagements/E02.md`: an engagement explained (Markdown from the server). */
export function engagementUri(id: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/engagements/${id}.md` });
}

/** `cadre-ia:/catalogue/lyon-2025.yaml?<file>`: a read-only view of the bundled catalogue. */
export function catalogueUri(file: vscode.Uri): vscode.Uri {
  const name = file.path.split('/').pop() || 'catalogue.yaml';
  return vscode.Uri.from({ scheme: SCHEME, path: `/catalogue/${name}`, query: file.toString() });
}

/**
 * Read-only documents of the `cadre-ia:` scheme. Virtual documents cannot be edited, which is
 * what the bundled catalogue and the engagement pages need; they are refreshed when the
 * language changes or the server restarts.
 */
export class CadreDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();

  constructor(private readonly server: CadreServer) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    this.open.add(uri.toString());
    const engagement = /^\/engagements\/([A-Za-z0-9_-]+)\.md$/.exec(uri.path);
    if (engagement) {
      try {
        const params: EngagementParams = { id: engagement[1] };
        const r = await this.server.request<EngagementResult>(EngagementRequest, params, token);
        return r?.markdown ?? t('Unknown engagement: {0}', engagement[1]);
      } catch (e) {
        return `# ${engagement[1]}\n\n${t('The Cadre IA server did not answer: {0}', e instanceof Error ? e.message : String(e))}\n`;
      }
    }
    if (uri.path.startsWith('/catalogue/') && uri.query) {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri.query));
        return new TextDecoder('utf-8').decode(bytes);
      } catch (e) {
        return `# ${t('Cannot read the catalogue: {0}', e instanceof Error ? e.message : String(e))}\n`;
      }
    }
    return '';
  }

  /** Re-renders every open `cadre-ia:` document (after a language change or a restart). */
  refreshAll(): void {
    for (const u of this.open) this.changed.fire(vscode.Uri.parse(u));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
