// The commands, called through vscode.commands with arguments (no dialog): new declaration,
// show an engagement, open the catalogue, generate the annual report, restart the server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NoticeResult, ReportResult } from '../../../shared/protocol';
import { api, closeAll, codeOf, ours, waitFor, workspaceRoot } from './helpers';

describe('commands', () => {
  after(closeAll);

  it('new declaration: writes a complete skeleton, opens it, never overwrites a file', async () => {
    const t = await api();
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'nouvelles');
    const args = { nom: 'Résumé des délibérations', direction: 'Direction des assemblées', folder };
    const first = await vscode.commands.executeCommand<vscode.Uri>('cadreIa.newDeclaration', args);
    assert.ok(first, 'no file written');
    assert.match(path.basename(first.fsPath), /\.ia\.ya?ml$/);
    const text = fs.readFileSync(first.fsPath, 'utf8');
    assert.match(text, /^cadre: lyon-ia\/v1$/m);
    assert.match(text, /Résumé des délibérations/);
    assert.match(text, /Direction des assemblées/);
    for (const s of [
      'projet',
      'interet_general',
      'usagers',
      'controle_humain',
      'transparence',
      'bilan_annuel',
      'agents',
      'donnees',
      'droits',
      'securite',
      'souverainete',
      'reversibilite',
      'environnement',
    ]) {
      assert.match(text, new RegExp(`^${s}:`, 'm'), `section ${s} missing from the skeleton`);
    }
    const ed = vscode.window.activeTextEditor;
    assert.equal(ed?.document.uri.toString(), first.toString());
    assert.equal(ed?.document.languageId, 'declaration-ia');
    await waitFor('the skeleton to be checked', () => t.store.document(first.toString()));
    await waitFor('diagnostics on the skeleton', () => ours(first).length > 0);

    const second = await vscode.commands.executeCommand<vscode.Uri>('cadreIa.newDeclaration', args);
    assert.ok(second);
    assert.notEqual(second.fsPath, first.fsPath);
    assert.equal(fs.readFileSync(first.fsPath, 'utf8'), text, 'the first file was overwritten');
  });

  it('show an engagement: its explanation (principle, source, references) as Markdown', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('cadreIa.showEngagement', 'E11');
    assert.ok(uri);
    assert.equal(uri.scheme, 'cadre-ia');
    const doc = await vscode.workspace.openTextDocument(uri);
    const md = doc.getText();
    assert.match(md, /E11/);
    assert.match(md, /Réversibilité/);
    assert.match(md, /Préserver la souveraineté/);
  });

  it('open the catalogue: the bundled one, read-only', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('cadreIa.openCatalogue');
    assert.ok(uri);
    assert.equal(uri.scheme, 'cadre-ia', 'the bundled catalogue opens as a read-only document');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /\bE14\b/);
    assert.equal(doc.languageId, 'yaml');
    // A read-only file system: the editor refuses typing, and nothing can be written back.
    assert.equal(vscode.workspace.fs.isWritableFileSystem('cadre-ia'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('x'))));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '# modifié\n');
    await vscode.workspace.applyEdit(edit);
    const saved = await Promise.resolve(doc.save()).then(
      (ok) => ok,
      () => false,
    );
    assert.equal(saved, false, 'a change to the bundled catalogue was saved');
    const again = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.doesNotMatch(again, /# modifié/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it("uses another city's catalogue from the settings, and opens that one (editable)", async () => {
    await api();
    const ext = vscode.extensions.getExtension('cadre-ia.cadre-ia')!;
    const bundled = fs.readFileSync(path.join(ext.extensionPath, 'schemas', 'frameworks', 'lyon-2025.yaml'), 'utf8');
    const line = '      - id: E02-interaction-directe\n';
    assert.ok(bundled.includes(line), 'the catalogue lists E02-interaction-directe');
    // The same framework, with E02 re-graded as a warning: data only.
    const other = path.join(workspaceRoot().fsPath, 'autre-ville.catalogue.yaml');
    fs.writeFileSync(other, bundled.replace(line, `${line}        severity: warning\n`));
    const decl = vscode.Uri.joinPath(workspaceRoot(), 'catalogue-test.ia.yaml');
    fs.writeFileSync(decl.fsPath, 'cadre: lyon-ia/v1\nusagers:\n  interaction_directe: true\n  public_concerne: usagers\n');
    const config = vscode.workspace.getConfiguration('cadreIa');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(decl), { preview: false });
    const e02 = () => ours(decl).find((d) => codeOf(d) === 'E02-interaction-directe');
    await waitFor('E02 as an error with the bundled catalogue', () => e02()?.severity === vscode.DiagnosticSeverity.Error);
    await config.update('catalogue', other, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('E02 as a warning with the other catalogue', () => e02()?.severity === vscode.DiagnosticSeverity.Warning);
      const uri = await vscode.commands.executeCommand<vscode.Uri>('cadreIa.openCatalogue');
      assert.equal(uri?.scheme, 'file');
      assert.equal(uri?.fsPath, other);
    } finally {
      await config.update('catalogue', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('E02 as an error again', () => e02()?.severity === vscode.DiagnosticSeverity.Error);
  });

  it('generate the annual report: writes it into the chosen folder', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ia-report-'));
    const res = await vscode.commands.executeCommand<ReportResult | undefined>('cadreIa.generateReport', { outDir, year: 2026, open: false });
    assert.ok(res && res.files.length > 0, 'no report file');
    for (const f of res.files) {
      assert.ok(fs.existsSync(f), `${f} not written`);
      assert.ok(path.resolve(f).startsWith(outDir), `${f} is outside the chosen folder`);
    }
    assert.ok(res.html, 'no HTML report');
    assert.match(fs.readFileSync(res.html, 'utf8'), /Transcription des conseils municipaux/);
  });

  it('generate the transparency notice: the open declaration’s notice, from its unsaved text, opened as a new document', async () => {
    const decl = vscode.Uri.joinPath(workspaceRoot(), 'notice-test.ia.yaml');
    fs.writeFileSync(decl.fsPath, 'cadre: lyon-ia/v1\nprojet:\n  id: notice-test\n  nom: Essai de notice\ndroits:\n  decisions_individuelles: true\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(decl), { preview: false });
    await editor.edit((b) => b.replace(new vscode.Range(3, 0, 3, 100), '  nom: Notice modifiée sans enregistrer'));
    const res = await vscode.commands.executeCommand<NoticeResult | undefined>('cadreIa.generateNotice', { format: 'md' });
    assert.ok(res, 'no notice');
    assert.equal(res.fileName, 'notice-notice-test.md');
    assert.match(res.content, /^# Notice d’information : Notice modifiée sans enregistrer/);
    assert.match(res.content, /traitement algorithmique/);
    assert.ok(res.gaps.length > 3, 'the missing facts are gaps');
    const shown = vscode.window.activeTextEditor?.document;
    assert.equal(shown?.languageId, 'markdown');
    assert.equal(shown?.isUntitled, true);
    assert.equal(shown?.getText(), res.content);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAll();
    fs.rmSync(decl.fsPath, { force: true });
  });

  it('restart the server: it comes back and answers', async () => {
    const t = await api();
    const ok = await vscode.commands.executeCommand<boolean>('cadreIa.restartServer');
    assert.equal(ok, true);
    assert.equal(t.server.currentState, 'running');
    const any = vscode.workspace.textDocuments.find((d) => d.languageId === 'declaration-ia' && d.uri.scheme === 'file');
    assert.ok(any);
    const entry = await t.store.fetch(any.uri.toString());
    assert.ok(entry.result, `no verdicts after restart: ${entry.error}`);
  });
});
