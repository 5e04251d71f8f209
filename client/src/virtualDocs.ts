import * as vscode from 'vscode';
import { EngagementRequest, type EngagementParams } from '../../shared/protocol';
import { t } from './l10n';
import type { CadreClient } from './languageClient';

export const SCHEME = 'cadre-ia';

/** `cadre-ia:/engagements/E02.md` (`cadre-ia:/engagements/socle-ia/v1/AIA-50.md` for another framework): an engagement explained (Markdown from the server). */
export function engagementUri(id: string, cadre?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/engagements/${cadre ? `${cadre}/` : ''}${id}.md` });
}

/** `cadre-ia:/catalogue/lyon-2025.yaml?<file URI>`: a read-only view of the bundled catalogue. */
export function catalogueUri(file: vscode.Uri): vscode.Uri {
  const name = file.path.split('/').pop() || 'catalogue.yaml';
  return vscode.Uri.from({ scheme: SCHEME, path: `/catalogue/${name}`, query: file.toString() });
}

/**
 * A read-only file system for the `cadre-ia:` scheme: the engagement pages (Markdown asked
 * from the server) and the bundled catalogue. Being a read-only file system (not merely a
 * virtual document), the editor refuses every edit and offers no save: the bundled catalogue
 * cannot be changed by accident. Pages are re-read when the language changes or the server
 * restarts (`refreshAll`).
 */
export class CadreDocuments implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly cache = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly encoder = new TextEncoder();

  constructor(private readonly server: CadreClient) {}

  private async content(uri: vscode.Uri): Promise<string> {
    // `/engagements/<id>.md`, or `/engagements/<framework id>/<version>/<id>.md` for another framework.
    const m = /^\/engagements\/(?:([a-z0-9-]+\/v[0-9]+)\/)?([A-Za-z0-9_-]+)\.md$/.exec(uri.path);
    const engagement = m ? [m[0], m[2]] : undefined;
    if (m && engagement) {
      try {
        const params: EngagementParams = { id: engagement[1], ...(m[1] ? { cadre: m[1] } : {}) };
        const r = await this.server.request(EngagementRequest, params);
        return r?.markdown ?? `# ${engagement[1]}\n\n${t('Unknown engagement: {0}', engagement[1])}\n`;
      } catch (e) {
        return `# ${engagement[1]}\n\n${t('The Cadre IA server did not answer: {0}', e instanceof Error ? e.message : String(e))}\n`;
      }
    }
    if (uri.path.startsWith('/catalogue/') && uri.query) {
      try {
        return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri.query)));
      } catch (e) {
        return `# ${t('Cannot read the catalogue: {0}', e instanceof Error ? e.message : String(e))}\n`;
      }
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  private async load(uri: vscode.Uri): Promise<{ bytes: Uint8Array; mtime: number }> {
    const key = uri.toString();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const entry = { bytes: this.encoder.encode(await this.content(uri)), mtime: Date.now() };
    this.cache.set(key, entry);
    return entry;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    if (uri.path === '/' || uri.path === '/engagements' || uri.path === '/catalogue') {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    }
    const e = await this.load(uri);
    return { type: vscode.FileType.File, ctime: e.mtime, mtime: e.mtime, size: e.bytes.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.load(uri)).bytes;
  }

  /** Re-reads every page shown so far (after a language change or a restart). */
  refreshAll(): void {
    const uris = [...this.cache.keys()].map((k) => vscode.Uri.parse(k));
    this.cache.clear();
    if (uris.length) this.changed.fire(uris.map((uri) => ({ type: vscode.FileChangeType.Changed, uri })));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
