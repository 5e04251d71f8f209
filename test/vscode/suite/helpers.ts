// Shared helpers of the integration suite (runs in the extension host, real `vscode` API).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as vscode from 'vscode';
import type { CadreIaApi } from '../../../client/src/extension';
import type { ChecklistNode } from '../../../client/src/checklist';

export const EXTENSION_ID = 'cadre-ia.cadre-ia';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder (test/vscode/workspace, copied)');
  return folder.uri;
}

export function fixture(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(50);
  }
}

export async function api(): Promise<CadreIaApi['testing']> {
  const ext = vscode.extensions.getExtension<CadreIaApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(exports?.testing, 'activate() returned no testing API');
  return exports.testing;
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cadre-ia');
}

export const SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** `cadre-ia lint --format json` on files of the workspace, with the CLI packaged in the extension. */
export function cliLint(paths: vscode.Uri[]): { file: string; engagements: Record<string, string>; diagnostics: { code: string; severity: string; range: { start: { line: number } } }[] }[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
  // In VS Code desktop process.execPath is Electron: ELECTRON_RUN_AS_NODE makes it a Node.
  const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--locale', 'fr', ...paths.map((p) => p.fsPath)], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  assert.ok(r.status === 0 || r.status === 1, `cadre-ia lint exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Expectation comments of a fixture: `# expect: <severity> <code>` and `# hover: <text>`. */
export function expectations(doc: vscode.TextDocument): { line: number; kind: 'expect' | 'hover'; a: string; b?: string }[] {
  const out: { line: number; kind: 'expect' | 'hover'; a: string; b?: string }[] = [];
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    const e = /#\s*expect:\s*(error|warning|information|hint)\s+(\S+)/.exec(text);
    if (e) out.push({ line: i, kind: 'expect', a: e[1], b: e[2] });
    const h = /#\s*hover:\s*(.+?)\s*$/.exec(text);
    if (h && !text.trimStart().startsWith('#')) out.push({ line: i, kind: 'hover', a: h[1] });
  }
  return out;
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Every node of the checklist tree, depth first. */
export async function allNodes(provider: { getChildren(n?: ChecklistNode): ChecklistNode[] | Thenable<ChecklistNode[]> }): Promise<ChecklistNode[]> {
  const out: ChecklistNode[] = [];
  const visit = async (n?: ChecklistNode) => {
    for (const c of await provider.getChildren(n)) {
      out.push(c);
      await visit(c);
    }
  };
  await visit();
  return out;
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The catalogue packaged with the extension (schemas/frameworks/lyon-2025.yaml). */
export function bundledCatalogue(): { principles: { id: string; title: { fr: string; en: string } }[]; engagements: { id: string; title: { fr: string; en: string } }[] } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return parseYaml(fs.readFileSync(path.join(ext.extensionPath, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8'));
}

/** Opens a workspace file in an editor and waits until the checklist shows it. */
export async function showAndWait(rel: string): Promise<{ t: CadreIaApi['testing']; doc: vscode.TextDocument; key: string }> {
  const t = await api();
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  const key = doc.uri.toString();
  await waitFor(`the checklist to show ${rel}`, () => t.checklist.trackedUri === key && t.checklist.currentDocument());
  return { t, doc, key };
}
