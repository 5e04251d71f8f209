// A quick fix, found with vscode.executeCodeActionProvider and applied with
// workspace.applyEdit: the diagnostic disappears and the checklist follows.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, fixture, ours, waitFor } from './helpers';

describe('quick fix', () => {
  after(closeAll);

  it('E02: sets interaction_directe to false; the error and the non-compliant verdict go away', async () => {
    const t = await api();
    const doc = await vscode.workspace.openTextDocument(fixture('chatbot-usagers.ia.yaml'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const key = doc.uri.toString();
    const diag = await waitFor('the E02 diagnostic', () => ours(doc.uri).find((d) => codeOf(d) === 'E02-interaction-directe'));
    await waitFor('E02 non conforme in the checklist', () => t.checklist.currentDocument()?.engagements.find((e) => e.id === 'E02')?.verdict === 'non_conforme');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value, 50);
    // The API command does not hand back the actions' diagnostics: the fix is the action whose
    // edit rewrites the diagnostic's line (the other one there declares a derogation elsewhere).
    const fix = actions.find((a) => a.edit?.get(doc.uri).some((e) => e.range.start.line === diag.range.start.line));
    assert.ok(fix, `no quick fix for E02 among: ${actions.map((a) => `${a.title} (edit: ${!!a.edit})`).join(' | ')}`);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'applyEdit refused the fix');

    assert.match(doc.lineAt(diag.range.start.line).text, /interaction_directe:\s*false/);
    // Nothing else of the text was lost: every other line is still there.
    for (const line of before.split('\n')) if (!/interaction_directe/.test(line)) assert.ok(doc.getText().includes(line), `lost line: ${line}`);
    await waitFor('the E02 diagnostic to disappear', () => !ours(doc.uri).some((d) => codeOf(d) === 'E02-interaction-directe'));
    await waitFor('the checklist to update E02', () => {
      const e = t.store.document(key)?.engagements.find((x) => x.id === 'E02');
      return e && e.verdict !== 'non_conforme';
    });
    const e02 = t.checklist.currentDocument()!.engagements.find((x) => x.id === 'E02')!;
    assert.equal(e02.verdict, 'conforme');
    assert.equal(e02.verdictLabel, 'conforme');
  });
});
