/**
 * Read-only git queries for the command line (repository root, a file at a revision, what
 * changed since a revision). Always `git` with an argument array (no shell), never a command
 * that writes. Every function returns a value or an error string; none throws.
 */
import { spawnSync } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

const MAX_BUFFER = 256 * 1024 * 1024;

export function git(args: string[], cwd: string): GitResult {
  try {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.error) return { ok: false, stdout: '', stderr: String((r.error as NodeJS.ErrnoException).code ?? r.error.message) };
    return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: (r.stderr ?? '').trim() };
  } catch (e) {
    return { ok: false, stdout: '', stderr: String(e) };
  }
}

/** The top folder of the git work tree holding `cwd`, or undefined outside a repository. */
export function gitTopLevel(cwd: string): string | undefined {
  const r = git(['rev-parse', '--show-toplevel'], cwd);
  return r.ok ? r.stdout.trim() || undefined : undefined;
}

/** The commit a revision names, or undefined when it names none. */
export function resolveRev(rev: string, cwd: string): string | undefined {
  if (rev.startsWith('-')) return undefined;
  const r = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
  return r.ok ? r.stdout.trim() : undefined;
}

/**
 * The default base of a merge request: the merge base of HEAD with the default branch
 * (`origin/HEAD`, then origin/main, origin/master, main, master). Undefined when none exists.
 */
export function defaultBase(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates: string[] = [];
  // GitLab merge-request pipelines and GitHub pull requests name the target branch.
  if (env.CI_MERGE_REQUEST_DIFF_BASE_SHA) candidates.push(env.CI_MERGE_REQUEST_DIFF_BASE_SHA);
  if (env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME) candidates.push(`origin/${env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME}`);
  if (env.GITHUB_BASE_REF) candidates.push(`origin/${env.GITHUB_BASE_REF}`);
  const head = git(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], cwd);
  if (head.ok && head.stdout.trim()) candidates.push(head.stdout.trim());
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const c of candidates) {
    const commit = resolveRev(c, cwd);
    if (!commit) continue;
    const mb = git(['merge-base', commit, 'HEAD'], cwd);
    if (mb.ok && mb.stdout.trim()) return mb.stdout.trim();
  }
  return undefined;
}

export interface ChangedFile {
  status: 'A' | 'M' | 'D' | 'R';
  /** Path relative to the repository root, after the change (before, for a deletion). */
  path: string;
  /** For a rename: the path before. */
  from?: string;
}

/**
 * Files that differ between `base` and the working tree (committed or not, untracked files
 * included), relative to the repository root `top`. Renames are detected.
 */
export function changedFiles(base: string, top: string): ChangedFile[] | string {
  const r = git(['-c', 'core.quotepath=off', 'diff', '--name-status', '-z', '--find-renames', '--no-ext-diff', base, '--'], top);
  if (!r.ok) return r.stderr || 'git diff';
  const out: ChangedFile[] = [];
  const parts = r.stdout.split('\0');
  for (let i = 0; i < parts.length - 1; ) {
    const status = parts[i++];
    if (!status) continue;
    const kind = status[0];
    if (kind === 'R' || kind === 'C') {
      const from = parts[i++];
      const to = parts[i++];
      out.push(kind === 'R' ? { status: 'R', path: to, from } : { status: 'A', path: to });
    } else {
      const p = parts[i++];
      if (kind === 'A' || kind === 'M' || kind === 'D') out.push({ status: kind, path: p });
      else if (kind === 'T') out.push({ status: 'M', path: p });
    }
  }
  const untracked = git(['-c', 'core.quotepath=off', 'ls-files', '-z', '--others', '--exclude-standard'], top);
  if (untracked.ok) for (const p of untracked.stdout.split('\0')) if (p && !out.some((c) => c.path === p)) out.push({ status: 'A', path: p });
  return out;
}

/** The text of a file at a revision (path relative to the repository root), or undefined. */
export function showFile(rev: string, relPath: string, top: string): string | undefined {
  const r = git(['show', `${rev}:${relPath}`], top);
  return r.ok ? r.stdout : undefined;
}
