/**
 * The findings of a lint run as the review formats see them: each diagnostic with its file
 * relative to the repository root and a fingerprint. The fingerprint hashes the file, the
 * rule, the data path of the finding (or, without one, the text of its line) and its
 * occurrence among identical ones — never the line number — so it stays the same when
 * unrelated lines move, and differs between distinct findings. Baselines, GitLab's Code
 * Quality and SARIF's partialFingerprints all use it.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileResult } from '../core/fileResult';
import type { Diagnostic } from '../core/types';

export interface Finding {
  /** The file as the user named it (relative to the current folder). */
  file: string;
  /** The file relative to the repository root, with `/` separators. */
  rel: string;
  diagnostic: Diagnostic;
  fingerprint: string;
}

/** A path relative to `root`, with forward slashes (the path itself when it is outside root). */
export function relativeTo(root: string, file: string, cwd: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(root, abs);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return shown.split(path.sep).join('/');
}

function anchorOf(d: Diagnostic, text: string | undefined): string {
  if (d.path?.length) return 'path:' + JSON.stringify(d.path);
  if (text !== undefined) {
    const lines = text.split(/\r\n|\r|\n/);
    return 'line:' + (lines[d.range.start.line] ?? '').trim();
  }
  return 'line:';
}

export function fingerprintOf(rel: string, code: string, anchor: string, occurrence: number): string {
  return createHash('sha256').update(`${rel}\0${code}\0${anchor}\0${occurrence}`).digest('hex').slice(0, 32);
}

/** Every diagnostic of the readable files, in file then diagnostic order. */
export function collectFindings(results: FileResult[], root: string, cwd: string): Finding[] {
  const out: Finding[] = [];
  for (const r of results) {
    if (!r.result) continue;
    const rel = relativeTo(root, r.file, cwd);
    const seen = new Map<string, number>();
    for (const d of r.result.diagnostics) {
      const anchor = anchorOf(d, r.result.parsed?.text);
      const key = `${d.code}\0${anchor}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      out.push({ file: r.file, rel, diagnostic: d, fingerprint: fingerprintOf(rel, d.code, anchor, n) });
    }
  }
  return out;
}
