// The "Engagements" view: principles → engagements with their verdict (icon, word), findings
// that jump to the field, the summary, the inline actions, the workspace mode; the status bar.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChecklistNode } from '../../../client/src/checklist';
import { allNodes, api, bundledCatalogue, cliLint, closeAll, fixture, showAndWait, waitFor, workspaceRoot } from './helpers';

type EngagementNode = Extract<ChecklistNode, { kind: 'engagement' }>;

function engagementNode(nodes: ChecklistNode[], id: string): EngagementNode {
  const n = nodes.find((x): x is EngagementNode => x.kind === 'engagement' && x.e.id === id);
  assert.ok(n, `no node for ${id}`);
  return n;
}

describe('checklist view', () => {
  after(closeAll);

  it('shows the 5 principles and the 14 engagements with the verdicts of cadre-ia lint', async () => {
    const { t, doc } = await showAndWait('declarations/transcription-conseils.ia.yaml');
    const roots = await t.checklist.getChildren();
    assert.deepEqual(
      roots.map((r) => (r.kind === 'principle' ? r.principle.title : r.kind)),
      ["Servir l'intérêt général", 'Respecter les droits et libertés fondamentaux', 'Garantir la sécurité', 'Préserver la souveraineté', "Maîtriser l'impact environnemental"],
    );
    const nodes = await allNodes(t.checklist);
    const engagements = nodes.filter((n): n is EngagementNode => n.kind === 'engagement');
    assert.deepEqual(
      engagements.map((n) => n.e.id),
      ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10', 'E11', 'E12', 'E13', 'E14'],
    );
    const [cli] = cliLint([doc.uri]);
    for (const n of engagements) assert.equal(n.e.verdict, cli.engagements[n.e.id], `${n.e.id}`);
    const conformes = Object.values(cli.engagements).filter((v) => v === 'conforme').length;
    assert.equal(t.view.description, `${conformes}/14 conformes`);
    assert.equal(t.statusBar.item.text, `$(checklist) ${conformes}/14`);
    // A click on the status bar item focuses the checklist.
    const cmd = t.statusBar.item.command;
    const id = typeof cmd === 'string' ? cmd : cmd?.command;
    assert.equal(id, 'cadreIa.engagements.focus');
    await vscode.commands.executeCommand(id);
    await waitFor('the Engagements view to be visible', () => t.view.visible);
    // The derogation shows as such, with its icon and word.
    const e09 = t.checklist.getTreeItem(engagementNode(nodes, 'E09'));
    assert.equal(e09.description, 'dérogation');
    assert.equal((e09.iconPath as vscode.ThemeIcon).id, 'law');
    // E14: the footprint this project measured during its experimentation is judged (never
    // "non applicable" when the file documents a measurement).
    const e14 = t.checklist.getTreeItem(engagementNode(nodes, 'E14'));
    assert.equal(cli.engagements.E14, 'conforme');
    assert.equal(e14.description, 'conforme');
    // Shown in its own framework (the declaration's cadre:).
    assert.deepEqual(e14.command?.arguments, ['E14', 'lyon-ia/v1']);
    assert.equal(e14.command?.command, 'cadreIa.showEngagement');
  });

  it('lists the findings under their engagement, jumps to the field, offers the inline actions', async () => {
    const { t, doc } = await showAndWait('chatbot-usagers.ia.yaml');
    const nodes = await allNodes(t.checklist);
    const e11 = engagementNode(nodes, 'E11');
    assert.equal(e11.e.verdict, 'a_completer');
    const item = t.checklist.getTreeItem(e11);
    assert.match(item.contextValue ?? '', /\bmissing\b/);
    assert.match(item.contextValue ?? '', /\bderogable\b/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.match(String(item.description), /^à compléter/);
    const e02 = t.checklist.getTreeItem(engagementNode(nodes, 'E02'));
    assert.doesNotMatch(e02.contextValue ?? '', /\bderogable\b/, 'E02 admits no derogation');

    const findings = await t.checklist.getChildren(e11);
    assert.ok(findings.length >= 1 && findings[0].kind === 'finding');
    const fItem = t.checklist.getTreeItem(findings[0]);
    assert.equal(fItem.command?.command, 'cadreIa.openFinding');
    // Go elsewhere, then click the finding: the editor comes back with the field selected.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('tri-courriers.ia.yml')), { preview: false });
    await vscode.commands.executeCommand(fItem.command!.command, ...(fItem.command!.arguments ?? []));
    const ed = vscode.window.activeTextEditor!;
    assert.equal(ed.document.uri.toString(), doc.uri.toString());
    const f = findings[0] as Extract<ChecklistNode, { kind: 'finding' }>;
    assert.equal(ed.selection.start.line, f.finding.range.start.line);
    assert.equal(ed.selection.start.character, f.finding.range.start.character);
  });

  it('inserts the missing section from the inline action; the verdict is re-evaluated', async () => {
    const { t, doc, key } = await showAndWait('tri-courriers.ia.yml');
    const e13 = engagementNode(await allNodes(t.checklist), 'E13');
    assert.equal(e13.e.missingSection, 'environnement');
    assert.ok(await vscode.commands.executeCommand('cadreIa.insertSection', e13), 'insertSection returned false');
    assert.match(doc.getText(), /\nenvironnement:\n\s+justification_sobriete:/);
    assert.match(doc.getText(), /^cadre: lyon-ia\/v1$/m, 'the rest of the text is still there');
    await waitFor('E13 to lose its missing section', () => {
      const e = t.store.document(key)?.engagements.find((x) => x.id === 'E13');
      return e && !e.missingSection;
    });
  });

  it('declares a derogation from the inline action, under engagements:', async () => {
    const { t, doc } = await showAndWait('chatbot-usagers.ia.yaml');
    const e11 = engagementNode(await allNodes(t.checklist), 'E11');
    const before = doc.getText();
    assert.ok(await vscode.commands.executeCommand('cadreIa.declareDerogation', e11), 'declareDerogation returned false');
    const text = doc.getText();
    assert.match(text, /\nengagements:\n(?:.*\n)*? {2}E11:\n {4}statut: derogation\n/);
    assert.ok(text.includes(before.split('\nengagements:\n')[1]?.split('\n')[0] ?? ''), 'the entries already there are kept');
    assert.ok(text.length > before.length);
    // A second time: nothing is duplicated.
    const again = engagementNode(await allNodes(t.checklist), 'E11');
    await vscode.commands.executeCommand('cadreIa.declareDerogation', again);
    assert.equal(doc.getText().match(/\n {2}E11:/g)?.length, 1);
  });

  it('shows the whole workspace: per engagement, how many declarations conform, with them beneath', async () => {
    const t = await api();
    await vscode.commands.executeCommand('cadreIa.showWorkspace');
    assert.equal(t.checklist.scope, 'workspace');
    const files = (await vscode.workspace.findFiles('**/*.ia.{yaml,yml}')).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    assert.ok(files.length >= 3);
    await waitFor('the workspace verdicts', async () => (await t.checklist.getChildren()).length === 5);
    const nodes = await allNodes(t.checklist);
    const ws = nodes.filter((n): n is Extract<ChecklistNode, { kind: 'wsEngagement' }> => n.kind === 'wsEngagement');
    assert.equal(ws.length, 14);
    const cli = cliLint([workspaceRoot()]);
    for (const n of ws) {
      const conform = cli.filter((f) => f.engagements[n.id] === 'conforme').length;
      const item = t.checklist.getTreeItem(n);
      // Open documents are checked as edited: compare with the CLI only for E01 (untouched).
      if (n.id === 'E01') assert.equal(item.description, `${conform}/${cli.length} conformes`);
      assert.equal(n.entries.length, cli.length, `${n.id}: one entry per declaration`);
      const beneath = await t.checklist.getChildren(n);
      assert.equal(beneath.length, cli.length);
      assert.ok(beneath.every((b) => b.kind === 'wsDeclaration'));
    }
    assert.match(String(t.view.description), new RegExp(`^${cli.length} déclarations$`));
    await vscode.commands.executeCommand('cadreIa.showDocument');
    assert.equal(t.checklist.scope, 'document');
  });

  it('follows the display language setting (English)', async () => {
    const { t, key } = await showAndWait('declarations/transcription-conseils.ia.yaml');
    const config = vscode.workspace.getConfiguration('cadreIa');
    await config.update('locale', 'en', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('English verdict words', () => t.store.document(key)?.engagements.find((e) => e.id === 'E14')?.verdictLabel === 'compliant');
      await waitFor('the English summary', () => /^\d+\/14 compliant$/.test(String(t.view.description)) && t.view.description);
      const roots = await t.checklist.getChildren();
      const catalogue = bundledCatalogue();
      assert.deepEqual(
        roots.map((r) => (r.kind === 'principle' ? r.principle.title : r.kind)),
        catalogue.principles.map((p) => p.title.en),
      );
      assert.notEqual(catalogue.principles[0].title.en, catalogue.principles[0].title.fr);
    } finally {
      await config.update('locale', 'fr', vscode.ConfigurationTarget.Global);
    }
    await waitFor('French again', () => t.store.document(key)?.engagements.find((e) => e.id === 'E14')?.verdictLabel === 'conforme');
  });
});
