// A workspace mixing frameworks: the same public chatbot, which tells people they are talking to
// an AI, declared once under Lyon's framework (lyon-ia/v1) and once under the legal baseline
// (socle-ia/v1). Each file is judged by the framework its `cadre:` names: its diagnostics, its
// checklist and its verdicts; the workspace view groups the declarations by framework. The two
// files are written into the workspace copy for this file's tests and removed after them (the
// other suite files count the workspace's declarations and its 14 engagements).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChecklistNode } from '../../../client/src/checklist';
import { allNodes, api, cliLint, closeAll, codeOf, fixture, ours, showAndWait, waitFor, workspaceRoot } from './helpers';

type EngagementNode = Extract<ChecklistNode, { kind: 'engagement' }>;
type FrameworkNode = Extract<ChecklistNode, { kind: 'framework' }>;
type WsEngagementNode = Extract<ChecklistNode, { kind: 'wsEngagement' }>;

const DIR = 'frameworks-mixtes';
const LYON = `${DIR}/assistant-lyon.ia.yaml`;
const SOCLE = `${DIR}/assistant-socle.ia.yaml`;

/** The public chatbot (interaction_directe: true) that discloses it is an AI (information_ia, mention_ia). */
function chatbot(cadre: string, id: string): string {
  return `cadre: ${cadre}
projet:
  id: ${id}
  nom: Assistant conversationnel des démarches en ligne
  description: >-
    Un agent conversationnel répond aux questions des habitants sur les
    démarches en ligne, directement sur le site de la collectivité.
  direction: Direction de la relation usagers
  responsable:
    nom: Camille Martin
    fonction: Cheffe de projet relation usagers
    email: relation.usagers@example.org
  statut: production
  date_mise_en_service: 2026-03-01
  date_revue: 2027-03-01
interet_general:
  finalite: Répondre aux questions fréquentes des habitants hors des horaires d'ouverture.
  benefices:
    - Réponses disponibles le soir et le week-end
  alternatives_etudiees:
    - Foire aux questions sans IA, écartée pour son faible usage
  indicateurs:
    - nom: Part des questions résolues sans appel au standard (%)
      cible: 50
usagers:
  interaction_directe: true
  information_ia: true
  public_concerne: usagers
controle_humain:
  niveau: aide_a_la_decision
  validation: Les agents relisent chaque semaine un échantillon de conversations.
transparence:
  mention_ia: true
  texte_mention: "Vous échangez avec un assistant automatique : ses réponses peuvent comporter des erreurs."
bilan_annuel:
  inclus: true
  usage:
    utilisateurs_actifs: 1200
    requetes_an: 30000
agents:
  formation:
    realisee: true
    date: 2026-02-02
  dialogue_social:
    instances_consultees: [CST]
    date: 2026-01-20
donnees:
  personnelles: true
  sensibles: false
  base_legale: mission_interet_public
  information_personnes: true
  aipd:
    requise: true
    realisee: true
    reference: AIPD-2026-003
  dpo_consulte: true
  classification: interne
  reutilisation_par_fournisseur: false
  conservation_jours: 30
  sous_traitance:
    sous_traitant: true
    contrat_article_28: true
droits:
  ai_act:
    role: deployeur
    categorie: transparence
    annexe_iii: null
  decisions_individuelles: false
  biais:
    evalue: true
    methode: Questions types posées dans un français simple et dans un français soutenu
    resultats: Réponses comparables dans les deux registres
`;
}

/** Our diagnostics of `uri` once they are the CLI's (same codes, same severities, same lines). */
async function diagnosticsLikeCli(uri: vscode.Uri, cli: ReturnType<typeof cliLint>[number]): Promise<vscode.Diagnostic[]> {
  const want = cli.diagnostics.map((d) => `${d.range.start.line}:${d.code}`).sort();
  return waitFor(`the diagnostics of ${uri.path} to be cadre-ia lint's (${want.join(', ') || 'none'})`, () => {
    const got = ours(uri);
    return JSON.stringify(got.map((d) => `${d.range.start.line}:${codeOf(d)}`).sort()) === JSON.stringify(want) && got;
  });
}

/** `cadre-ia lint --format json` of the two files, each found by its name. */
function lintBoth() {
  const results = cliLint([fixture(LYON), fixture(SOCLE)]);
  const of = (rel: string) => {
    const r = results.find((x) => x.file.replace(/\\/g, '/').endsWith(rel));
    assert.ok(r, `cadre-ia lint gave no result for ${rel}`);
    return r;
  };
  return { lyonCli: of(LYON), socleCli: of(SOCLE) };
}

describe('frameworks: a workspace mixing lyon-ia/v1 and socle-ia/v1', () => {
  const lyonUri = () => fixture(LYON);
  const socleUri = () => fixture(SOCLE);

  before(async () => {
    await vscode.workspace.fs.writeFile(lyonUri(), Buffer.from(chatbot('lyon-ia/v1', 'assistant-demarches-lyon'), 'utf8'));
    await vscode.workspace.fs.writeFile(socleUri(), Buffer.from(chatbot('socle-ia/v1', 'assistant-demarches-socle'), 'utf8'));
  });

  after(async () => {
    await closeAll();
    await vscode.commands.executeCommand('cadreIa.showDocument');
    await vscode.workspace.fs.delete(fixture(DIR), { recursive: true, useTrash: false });
  });

  it('each file’s diagnostics follow its framework: E02 is an error under Lyon, the baseline finds nothing', async () => {
    const { lyonCli, socleCli } = lintBoth();
    // What the CLI says, per framework (the same text but for `cadre:`).
    assert.ok(
      lyonCli.diagnostics.some((d) => d.code === 'E02-interaction-directe' && d.severity === 'error'),
      'Lyon forbids the public chatbot',
    );
    assert.deepEqual(socleCli.diagnostics, [], 'the legal baseline allows a chatbot that says it is an AI');
    assert.equal(lyonCli.engagements.E02, 'non_conforme');
    assert.equal(socleCli.engagements['AIA-50'], 'conforme');

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(lyonUri()), { preview: false });
    const lyon = await diagnosticsLikeCli(lyonUri(), lyonCli);
    const e02 = lyon.find((d) => codeOf(d) === 'E02-interaction-directe');
    assert.ok(e02, 'E02-interaction-directe in the editor');
    assert.equal(e02.severity, vscode.DiagnosticSeverity.Error);
    const doc = await vscode.workspace.openTextDocument(lyonUri());
    assert.match(doc.lineAt(e02.range.start.line).text, /^\s+interaction_directe: true$/, 'on the value that breaks it');

    const { t, key } = await showAndWait(SOCLE);
    await waitFor('the baseline verdicts of the socle-ia file', () => t.store.document(key)?.framework?.cadre === 'socle-ia/v1');
    const socle = await diagnosticsLikeCli(socleUri(), socleCli);
    assert.equal(socle.length, 0);
    // Whatever the baseline would find, it names its own items, never Lyon's engagements.
    assert.ok(ours(socleUri()).every((d) => !/^E\d{2}-/.test(codeOf(d))));
  });

  it('the checklist and the verdicts of each file are its framework’s', async () => {
    const { lyonCli, socleCli } = lintBoth();

    const lyon = await showAndWait(LYON);
    await waitFor('Lyon’s verdicts', () => lyon.t.store.document(lyon.key)?.framework?.cadre === 'lyon-ia/v1');
    const lyonNodes = (await allNodes(lyon.t.checklist)).filter((n): n is EngagementNode => n.kind === 'engagement');
    assert.deepEqual(
      lyonNodes.map((n) => n.e.id),
      Object.keys(lyonCli.engagements),
    );
    assert.deepEqual(
      lyonNodes.map((n) => n.e.id),
      ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10', 'E11', 'E12', 'E13', 'E14'],
    );
    for (const n of lyonNodes) assert.equal(n.e.verdict, lyonCli.engagements[n.e.id], `Lyon ${n.e.id}`);
    assert.equal(lyonNodes.find((n) => n.e.id === 'E02')!.e.verdict, 'non_conforme');
    const lyonOk = Object.values(lyonCli.engagements).filter((v) => v === 'conforme').length;
    await waitFor('Lyon’s summary', () => lyon.t.view.description === `${lyonOk}/14 conformes`);
    const e02 = lyon.t.checklist.getTreeItem(lyonNodes.find((n) => n.e.id === 'E02')!);
    assert.deepEqual(e02.command?.arguments, ['E02', 'lyon-ia/v1'], 'the engagement opens in its own framework');

    const socle = await showAndWait(SOCLE);
    await waitFor('the baseline’s verdicts', () => socle.t.store.document(socle.key)?.framework?.cadre === 'socle-ia/v1');
    const roots = await socle.t.checklist.getChildren();
    assert.ok(roots.every((r) => r.kind === 'principle'));
    const socleNodes = (await allNodes(socle.t.checklist)).filter((n): n is EngagementNode => n.kind === 'engagement');
    assert.deepEqual(
      socleNodes.map((n) => n.e.id),
      Object.keys(socleCli.engagements),
    );
    assert.ok(socleNodes.some((n) => n.e.id === 'AIA-50') && socleNodes.some((n) => n.e.id === 'RGPD-35'), 'the baseline’s items');
    assert.ok(!socleNodes.some((n) => /^E\d{2}$/.test(n.e.id)), 'none of Lyon’s engagements');
    for (const n of socleNodes) assert.equal(n.e.verdict, socleCli.engagements[n.e.id], `baseline ${n.e.id}`);
    assert.equal(socleNodes.find((n) => n.e.id === 'AIA-50')!.e.verdict, 'conforme');
    const total = socleNodes.length;
    const socleOk = Object.values(socleCli.engagements).filter((v) => v === 'conforme').length;
    await waitFor('the baseline’s summary', () => socle.t.view.description === `${socleOk}/${total} conformes`);
    const aia50 = socle.t.checklist.getTreeItem(socleNodes.find((n) => n.e.id === 'AIA-50')!);
    assert.deepEqual(aia50.command?.arguments, ['AIA-50', 'socle-ia/v1']);
    // Duties that do not apply to this chatbot (no high risk, no individual decision) read so.
    const notApplicable = socleNodes.filter((n) => socleCli.engagements[n.e.id] === 'non_applicable');
    assert.ok(notApplicable.length > 0, 'the baseline’s chatbot has items that do not apply to it');
    for (const n of notApplicable) assert.equal(socle.t.checklist.getTreeItem(n).description, 'non applicable', n.e.id);
  });

  it('the workspace view has one root per framework, each with the declarations that name it', async () => {
    const t = await api();
    await vscode.commands.executeCommand('cadreIa.showWorkspace');
    assert.equal(t.checklist.scope, 'workspace');
    // The CLI on the workspace's files: one declaration names the baseline (this file's own).
    const cli = cliLint([workspaceRoot()]) as (ReturnType<typeof cliLint>[number] & { framework?: { cadre: string } })[];
    assert.equal(cli.filter((f) => f.framework?.cadre === 'socle-ia/v1').length, 1);
    const roots = await waitFor('one root per framework', async () => {
      const r = await t.checklist.getChildren();
      return r.length === 2 && r.every((x): x is FrameworkNode => x.kind === 'framework') && (r as FrameworkNode[]);
    });
    assert.deepEqual(roots.map((r) => r.framework.cadre).sort(), ['lyon-ia/v1', 'socle-ia/v1']);
    // How many declarations each root says it has. (Not compared with the CLI for Lyon: the
    // other suite files write and delete Lyon declarations, which the server may still hold.)
    const count = (cadre: string) => {
      const item = t.checklist.getTreeItem(roots.find((r) => r.framework.cadre === cadre)!);
      const m = new RegExp(`^${cadre.replace('/', '\\/')} · (\\d+) déclarations?$`).exec(String(item.description));
      assert.ok(m, `description of ${cadre}: ${String(item.description)}`);
      return Number(m[1]);
    };
    assert.equal(count('socle-ia/v1'), 1);
    const lyonCount = count('lyon-ia/v1');
    assert.ok(lyonCount >= 2, `${lyonCount} Lyon declarations`);
    const under = async (cadre: string) => {
      const out: WsEngagementNode[] = [];
      const visit = async (n: ChecklistNode) => {
        for (const c of await t.checklist.getChildren(n)) {
          if (c.kind === 'wsEngagement') out.push(c);
          else if (c.kind === 'principle') await visit(c);
        }
      };
      await visit(roots.find((r) => r.framework.cadre === cadre)!);
      return out;
    };
    const socleEngagements = await under('socle-ia/v1');
    const aia50 = socleEngagements.find((n) => n.id === 'AIA-50');
    assert.ok(aia50, 'AIA-50 under the baseline');
    assert.deepEqual(
      aia50.entries.map((x) => [x.doc.uri.split('/').pop(), x.e.verdict]),
      [['assistant-socle.ia.yaml', 'conforme']],
    );
    assert.ok(!socleEngagements.some((n) => /^E\d{2}$/.test(n.id)));
    const lyonEngagements = await under('lyon-ia/v1');
    assert.deepEqual(
      lyonEngagements.map((n) => n.id),
      ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10', 'E11', 'E12', 'E13', 'E14'],
    );
    const e02 = lyonEngagements.find((n) => n.id === 'E02')!;
    assert.equal(e02.entries.length, lyonCount, 'every Lyon declaration, and only those');
    assert.ok(e02.entries.every((x) => x.doc.framework?.cadre === 'lyon-ia/v1'));
    assert.equal(e02.entries.find((x) => x.doc.uri.endsWith('/assistant-lyon.ia.yaml'))?.e.verdict, 'non_conforme');
    await vscode.commands.executeCommand('cadreIa.showDocument');
    assert.equal(t.checklist.scope, 'document');
  });
});
