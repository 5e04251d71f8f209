import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FindDeclarationsRequest,
  MAX_LISTED_FILES,
  ReadFileRequest,
  SKIPPED_FOLDERS,
  StatRequest,
  type FindDeclarationsParams,
  type FindDeclarationsResult,
  type ReadFileParams,
  type ReadFileResult,
  type StatParams,
  type StatResult,
} from '../../shared/fsProtocol';

const DECLARATION_RE = /\.ia\.ya?ml$/i;
const SKIPPED = new Set(SKIPPED_FOLDERS);

/** The file-system error's code as the server's messages name it (ENOENT, EISDIR, EACCES, EIO). */
function errorCode(e: unknown): string {
  const code = e instanceof vscode.FileSystemError ? e.code : '';
  if (code === 'FileNotFound' || code === 'EntryNotFound') return 'ENOENT';
  if (code === 'FileIsADirectory') return 'EISDIR';
  if (code === 'NoPermissions') return 'EACCES';
  return 'EIO';
}

function parseUri(s: unknown): vscode.Uri | undefined {
  if (typeof s !== 'string' || !s) return undefined;
  try {
    return vscode.Uri.parse(s, true);
  } catch {
    return undefined;
  }
}

/** The declarations under a folder, walked through `vscode.workspace.fs` (as the CLI walks a disk). */
export async function findDeclarations(params: FindDeclarationsParams): Promise<FindDeclarationsResult> {
  const folder = parseUri(params?.folder);
  if (!folder) return [];
  const out: string[] = [];
  const walk = async (dir: vscode.Uri, depth: number): Promise<void> => {
    if (depth > 40 || out.length >= MAX_LISTED_FILES) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return; // an unreadable folder is skipped, as on disk
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, type] of entries) {
      if (out.length >= MAX_LISTED_FILES) return;
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED.has(name) && !name.startsWith('.') && !(type & vscode.FileType.SymbolicLink)) await walk(child, depth + 1);
      } else if (type & vscode.FileType.File && DECLARATION_RE.test(name)) out.push(child.toString());
    }
  };
  await walk(folder, 0);
  return out.sort();
}

export async function stat(params: StatParams): Promise<StatResult> {
  const uri = parseUri(params?.uri);
  if (!uri) return { error: 'EINVAL' };
  try {
    const st = await vscode.workspace.fs.stat(uri);
    return { mtime: st.mtime, size: st.size, type: st.type & vscode.FileType.File ? 'file' : st.type & vscode.FileType.Directory ? 'directory' : 'other' };
  } catch (e) {
    return { error: errorCode(e) };
  }
}

/** A file as UTF-8 text: never larger than `maxBytes`, never silently repaired (invalid UTF-8 is an error). */
export async function readFile(params: ReadFileParams): Promise<ReadFileResult> {
  const uri = parseUri(params?.uri);
  if (!uri) return { error: 'EINVAL' };
  const maxBytes = typeof params.maxBytes === 'number' && params.maxBytes > 0 ? params.maxBytes : 5 * 1024 * 1024;
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type & vscode.FileType.Directory) return { error: 'EISDIR' };
    if (st.size > maxBytes) return { error: 'TOO_LARGE', detail: String(st.size) };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.byteLength > maxBytes) return { error: 'TOO_LARGE', detail: String(bytes.byteLength) };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { error: 'INVALID_UTF8' };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch (e) {
    return { error: errorCode(e), detail: e instanceof Error ? e.message : String(e) };
  }
}

/** Answers the web worker server's file requests (shared/fsProtocol.ts). */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [client.onRequest(FindDeclarationsRequest, findDeclarations), client.onRequest(StatRequest, stat), client.onRequest(ReadFileRequest, readFile)];
}
