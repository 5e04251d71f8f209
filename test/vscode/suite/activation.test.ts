// The extension activates when a declaration is opened (onLanguage:declaration-ia), not before.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixture, waitFor } from './helpers';

describe('activation', () => {
  it('is installed and stays inactive until a declaration is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    assert.equal(ext.isActive, false, 'activated before any declaration was opened');
    // A plain YAML file does not activate it.
    const plain = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'a: 1\n' });
    await vscode.window.showTextDocument(plain);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(ext.isActive, false, 'a plain YAML file activated the extension');
  });

  it('gives *.ia.yaml and *.ia.yml the declaration-ia language, and activates', async () => {
    const yaml = await vscode.workspace.openTextDocument(fixture('chatbot-usagers.ia.yaml'));
    const yml = await vscode.workspace.openTextDocument(fixture('tri-courriers.ia.yml'));
    assert.equal(yaml.languageId, 'declaration-ia');
    assert.equal(yml.languageId, 'declaration-ia');
    await vscode.window.showTextDocument(yaml);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor('the extension to activate', () => ext.isActive);
    const cmds = await vscode.commands.getCommands(true);
    for (const c of ['cadreIa.newDeclaration', 'cadreIa.showEngagement', 'cadreIa.generateReport', 'cadreIa.openCatalogue', 'cadreIa.restartServer']) {
      assert.ok(cmds.includes(c), `${c} is not registered`);
    }
  });
});
