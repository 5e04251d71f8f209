// Runs inside code-server's extension host (Node 24), with the real `vscode` API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cadre-ia-test.cadre-ia-e2e-demo';
// Set by demo.e2e.ts to check that a failing test is reported as such.
const EXPECT_FAILURE = process.env.CADRE_E2E_DEMO_EXPECT_FAILURE === '1';

describe('démo e2e (dans l’hôte d’extensions)', () => {
  it('l’extension est installée et s’active', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not installed`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('le dossier de travail est ouvert et ses fichiers se lisent', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'hello.txt'));
    await vscode.window.showTextDocument(doc);
    assert.match(doc.getText(), /exemple/);
  });

  it('la commande s’exécute et renvoie son message', async () => {
    const message = await vscode.commands.executeCommand<string>('cadreIaE2eDemo.hello');
    assert.equal(message, EXPECT_FAILURE ? 'un autre message' : 'Bonjour de la démo Cadre IA (hello.txt)');
  });
});
