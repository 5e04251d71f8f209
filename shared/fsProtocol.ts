/**
 * Requests the language server sends to the client when it runs in a web worker (VS Code for
 * the Web, GitLab's Web IDE, github.dev): a worker has no disk, so the workspace's files are
 * read by the client through `vscode.workspace.fs` (any file system the editor mounts).
 * yaml-language-server does the same with its `fs/readFile` request.
 * Plain types only: the client and the server import this file.
 */

/** `cadreIa/fs/findDeclarations`: the `*.ia.yaml` / `*.ia.yml` files under a folder URI, sorted. */
export const FindDeclarationsRequest = 'cadreIa/fs/findDeclarations';
export interface FindDeclarationsParams {
  folder: string;
}
export type FindDeclarationsResult = string[];

/** `cadreIa/fs/stat`: a file's modification time and size, or why it cannot be read. */
export const StatRequest = 'cadreIa/fs/stat';
export interface StatParams {
  uri: string;
}
export type StatResult = { mtime: number; size: number; type: 'file' | 'directory' | 'other' } | { error: string };

/**
 * `cadreIa/fs/readFile`: a file as UTF-8 text (a leading BOM dropped), or why not: `ENOENT`,
 * `EISDIR`, `TOO_LARGE` (larger than `maxBytes`; `detail` is its size), `INVALID_UTF8`, `EIO`.
 */
export const ReadFileRequest = 'cadreIa/fs/readFile';
export interface ReadFileParams {
  uri: string;
  maxBytes: number;
}
export type ReadFileResult = { text: string } | { error: string; detail?: string };

/** Folders the client does not walk when it looks for declarations (as the CLI). */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.hg', '.svn', 'dist', 'out'];
/** At most this many declarations are listed per folder. */
export const MAX_LISTED_FILES = 10_000;
