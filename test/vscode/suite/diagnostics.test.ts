// Diagnostics and hovers, driven by the fixtures' expectation comments (`# expect:` and
// `# hover:`), and the verdicts of each declaration compared with `cadre-ia lint`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, cliLint, codeOf, expectations, fixture, hoverText, ours, SEVERITIES, waitFor } from './helpers';

const FILES = ['chatbot-usagers.ia.yaml', 'tri-courriers.ia.yml', 'declarations/transcription-conseils.ia.yaml'];

async function check(rel: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  const t = await api();
  // The server has checked the document once its verdicts are known.
  await waitFor(`verdicts of ${rel}`, () => t.store.document(doc.uri.toString()));
  const exp = expectations(doc);
  const wanted = exp.filter((e) => e.kind === 'expect');
  if (wanted.length) await waitFor(`diagnostics of ${rel}`, () => ours(doc.uri).length >= wanted.length);
  const diags = ours(doc.uri);
  for (const e of wanted) {
    const found = diags.find((d) => d.range.start.line === e.line && codeOf(d) === e.b);
    assert.ok(found, `${rel}:${e.line + 1}: no ${e.b} diagnostic; got ${diags.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ')}`);
    assert.equal(found.severity, SEVERITIES[e.a], `${rel}:${e.line + 1}: severity of ${e.b}`);
    assert.ok(found.message.length > 10, 'a message');
  }
  for (const e of exp.filter((x) => x.kind === 'hover')) {
    const col = doc.lineAt(e.line).firstNonWhitespaceCharacterIndex + 1;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(e.line, col));
    const text = hoverText(hovers);
    assert.ok(text.includes(e.a), `${rel}:${e.line + 1}: the hover does not contain "${e.a}":\n${text}`);
  }
  // Every diagnostic names its rule, with a link to its page.
  for (const d of diags) {
    assert.match(codeOf(d), /^(E\d{2}-[a-z0-9-]+|cadre-[a-z0-9-]+|schema-[A-Za-z]+|syntax)$/, `code ${codeOf(d)}`);
    assert.ok(typeof d.code === 'object' && d.code !== null && d.code.target instanceof vscode.Uri, `${codeOf(d)} has no documentation link`);
  }
  // The same verdicts and the same error codes as the command line.
  const [cli] = cliLint([doc.uri]);
  const verdicts = Object.fromEntries(t.store.document(doc.uri.toString())!.engagements.map((e) => [e.id, e.verdict]));
  assert.deepEqual(verdicts, cli.engagements, `${rel}: the checklist's verdicts differ from cadre-ia lint`);
  const errors = (xs: { code: string; line: number }[]) => xs.map((x) => `${x.line}:${x.code}`).sort();
  assert.deepEqual(
    errors(diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => ({ code: codeOf(d), line: d.range.start.line }))),
    errors(cli.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ code: d.code, line: d.range.start.line }))),
    `${rel}: the editor's errors differ from cadre-ia lint`,
  );
}

describe('diagnostics and hovers (fixture comments)', () => {
  for (const f of FILES) it(f, () => check(f));

  it('cites the principle of the section in the hover, in French', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('chatbot-usagers.ia.yaml'));
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('reversibilite') || l.startsWith('souverainete'));
    assert.ok(line >= 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 2));
    assert.match(hoverText(hovers), /Préserver la souveraineté/);
  });
});
