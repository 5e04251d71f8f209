/**
 * Read-only access to a git repository, for `cadre-ia diff`. git is run with argument arrays
 * (`spawnSync`, never a shell), and only with commands that read: `rev-parse`, `symbolic-ref`,
 * `merge-base`, `diff --name-status`, `ls-files`, `show REF:path`. `--no-optional-locks` keeps
 * `git diff` from refreshing the index, and `core.fsmonitor` is turned off so that a
 * repository's configuration cannot make git start another program. Never throws: every
 * failure is a `GitError` value.
 */
import { spawnSync } from 'node:child_process';

/** Why git could not answer: no git program, not a repository, an unknown reference, anything else. */
export type GitError = { error: 'NO_GIT' | 'NOT_A_REPOSITORY' | 'UNKNOWN_REF' | 'NO_DEFAULT_BRANCH' | 'GIT_FAILED'; detail?: string };

const MAX_BUFFER = 64 * 1024 * 1024;

interface Run {
  status: number | null;
  stdout: Buffer;
  stderr: string;
  missing?: boolean;
}

function git(cwd: string, args: string[]): Run {
  const r = spawnSync('git', ['--no-optional-locks', '-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', ...args], {
    cwd,
    maxBuffer: MAX_BUFFER,
    windowsHide: true,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { status: r.status, stdout: r.stdout ?? Buffer.alloc(0), stderr: (r.stderr ?? Buffer.alloc(0)).toString('utf8').trim(), missing };
}

function failed(r: Run): GitError {
  return r.missing ? { error: 'NO_GIT' } : { error: 'GIT_FAILED', detail: r.stderr.split('\n')[0] };
}

/** The top level of the work tree holding `cwd`. */
export function gitTopLevel(cwd: string): { root: string } | GitError {
  const r = git(cwd, ['rev-parse', '--show-toplevel']);
  if (r.missing) return { error: 'NO_GIT' };
  if (r.status !== 0) return { error: 'NOT_A_REPOSITORY', detail: r.stderr.split('\n')[0] };
  const root = r.stdout.toString('utf8').replace(/\n$/, '');
  return root ? { root } : { error: 'NOT_A_REPOSITORY' };
}

/** The commit a reference names (`main`, `origin/main`, a sha, `HEAD~2`…). */
export function resolveCommit(root: string, ref: string): { sha: string } | GitError {
  // `--end-of-options` keeps a reference starting with `-` from being read as an option.
  const r = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (r.missing) return { error: 'NO_GIT' };
  if (r.status !== 0) return { error: 'UNKNOWN_REF', detail: ref };
  return { sha: r.stdout.toString('utf8').trim() };
}

/**
 * The default base of a change: the merge base of HEAD with the default branch — the one
 * `origin/HEAD` points to, else the first of origin/main, origin/master, main, master that exists.
 */
export function defaultBase(root: string): { sha: string; branch: string } | GitError {
  const candidates: string[] = [];
  const head = git(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  if (head.missing) return { error: 'NO_GIT' };
  if (head.status === 0) candidates.push(head.stdout.toString('utf8').trim());
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const branch of candidates) {
    if (!branch || 'error' in resolveCommit(root, branch)) continue;
    const base = git(root, ['merge-base', 'HEAD', branch]);
    if (base.status === 0) return { sha: base.stdout.toString('utf8').trim(), branch };
    return { error: 'NO_DEFAULT_BRANCH', detail: branch };
  }
  return { error: 'NO_DEFAULT_BRANCH' };
}

/** One file that differs between a commit and the work tree; paths relative to the top level, with `/`. */
export interface ChangedFile {
  status: 'added' | 'modified' | 'renamed' | 'deleted';
  /** The path in the work tree (absent when deleted). */
  path?: string;
  /** The path in the base commit (absent when added). */
  oldPath?: string;
}

/**
 * The files that differ between `base` and the work tree: tracked changes (`git diff
 * --name-status -M`, renames detected) and untracked files that are not ignored (added).
 */
export function changedFiles(root: string, base: string): { files: ChangedFile[] } | GitError {
  const r = git(root, ['diff', '--name-status', '-M', '-z', '--no-color', '--no-ext-diff', '--no-relative', base, '--']);
  if (r.status !== 0) return failed(r);
  const files: ChangedFile[] = [];
  const parts = r.stdout.toString('utf8').split('\0');
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++];
    if (!code) continue;
    const kind = code[0];
    if (kind === 'R' || kind === 'C') {
      const oldPath = parts[i++];
      const path = parts[i++];
      files.push(kind === 'R' ? { status: 'renamed', oldPath, path } : { status: 'added', path });
    } else {
      const p = parts[i++];
      if (kind === 'A') files.push({ status: 'added', path: p });
      else if (kind === 'D') files.push({ status: 'deleted', oldPath: p });
      else files.push({ status: 'modified', path: p, oldPath: p });
    }
  }
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name', '--', ':/']);
  if (untracked.status !== 0) return failed(untracked);
  for (const p of untracked.stdout.toString('utf8').split('\0')) if (p) files.push({ status: 'added', path: p });
  return { files };
}

/** The bytes of `path` (relative to the top level) in commit `ref`. */
export function showFile(root: string, ref: string, path: string): { bytes: Buffer } | GitError {
  const r = git(root, ['show', '--no-textconv', `${ref}:${path}`]);
  if (r.status !== 0) return failed(r);
  return { bytes: r.stdout };
}
