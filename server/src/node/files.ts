import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeclarationFile } from '../core/fileResult';

export { DECLARATION_RE, isDeclarationFile } from '../core/fileResult';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/**
 * Whether a path (relative to the folder searched, `/` or the platform separator) lies in a
 * folder the search skips: node_modules, .git, dist, out, and every folder starting with a dot.
 */
export function inSkippedFolder(rel: string): boolean {
  return rel
    .split(/[\\/]/)
    .slice(0, -1)
    .some((p) => SKIP_DIRS.has(p) || (p.startsWith('.') && p !== '.' && p !== '..'));
}

export interface FoundFile {
  /** The path as the user would write it (relative to the cwd when given relative). */
  file: string;
  /** Why the path could not be used, when it could not. */
  error?: string;
}

/**
 * Expands paths to declaration files: files are kept as given, folders are walked for
 * `*.ia.yaml`/`*.ia.yml` (skipping node_modules, .git, dist, out). Symlink loops, unreadable
 * folders and missing paths are reported, never thrown. Sorted, without duplicates.
 */
export function findDeclarations(paths: string[], cwd = process.cwd()): FoundFile[] {
  const out: FoundFile[] = [];
  const seenReal = new Set<string>();
  const visit = (p: string, explicit: boolean, depth: number) => {
    const abs = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (explicit || code === 'ELOOP') out.push({ file: p, error: code === 'ENOENT' ? 'ENOENT' : (code ?? String(e)) });
      return;
    }
    let real: string;
    try {
      real = fs.realpathSync(abs);
    } catch (e) {
      out.push({ file: p, error: (e as NodeJS.ErrnoException).code ?? String(e) });
      return;
    }
    if (seenReal.has(real)) return;
    seenReal.add(real);
    if (st.isDirectory()) {
      if (depth > 40) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(abs, { withFileTypes: true });
      } catch (e) {
        out.push({ file: p, error: (e as NodeJS.ErrnoException).code ?? String(e) });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.isDirectory() && (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.'))) continue;
        const child = path.join(p, entry.name);
        if (entry.isDirectory() || entry.isSymbolicLink() || isDeclarationFile(entry.name)) visit(child, false, depth + 1);
      }
    } else if (st.isFile()) {
      if (explicit || isDeclarationFile(p)) out.push({ file: p });
    } else if (explicit) {
      out.push({ file: p, error: 'ENOTFILE' });
    }
  };
  for (const p of paths) visit(p, true, 0);
  return out;
}

export type ReadResult = { text: string } | { error: 'ENOENT' | 'EACCES' | 'EISDIR' | 'TOO_LARGE' | 'INVALID_UTF8' | string; detail?: string };

/**
 * Reads a declaration as UTF-8 text. A leading BOM is dropped (as editors do). Files over
 * `maxBytes` are not read in full. Invalid UTF-8 is an error, never silently replaced.
 */
export function readDeclaration(file: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return { error: 'EISDIR' };
    if (st.size > maxBytes) return { error: 'TOO_LARGE', detail: String(st.size) };
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeDeclaration(buf.subarray(0, read), maxBytes);
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? 'EIO', detail: (e as Error).message };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Bytes read elsewhere (a git blob) as a declaration's text: the same checks as `readDeclaration`. */
export function decodeDeclaration(bytes: Uint8Array, maxBytes: number): ReadResult {
  if (bytes.length > maxBytes) return { error: 'TOO_LARGE', detail: String(bytes.length) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: 'INVALID_UTF8' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}
