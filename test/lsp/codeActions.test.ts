import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/fixes';
import { parseDeclaration } from '../../server/src/core/parse';
import { BASE, E02_TRUE, NO_REVERSIBILITE } from './fixtures';
import { MINIMAL_CAPABILITIES, TestClient } from './helper';

/** The edits of a workspace edit on one document (documentChanges or changes). */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  assert.ok(edit, 'no edit');
  if (edit.documentChanges) {
    const change = edit.documentChanges.find((c) => 'textDocument' in c && c.textDocument.uri === uri) as TextDocumentEdit | undefined;
    assert.ok(change, `no change for ${uri}`);
    return change.edits as TextEdit[];
  }
  return edit.changes?.[uri] ?? [];
}

/** Every line of `before` is still in `after`, in the same order (a fix adds, it never removes or reorders). */
function keepsUserText(before: string, after: string, changedLines: string[] = []): void {
  const out = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    if (changedLines.includes(line)) continue;
    while (i < out.length && out[i] !== line) i++;
    assert.ok(i < out.length, `the line «${line}» was lost or moved`);
    i++;
  }
}

function assertValidYaml(text: string): void {
  const parsed = parseDeclaration(text);
  assert.deepEqual(
    parsed.problems.map((p) => `${p.code}: ${p.detail}`),
    [],
  );
}

describe('lsp: code actions', () => {
  let c: TestClient;
  let n = 0;
  before(async () => {
    c = await TestClient.start({ settings: {} });
  });
  after(async () => {
    assert.equal(await c.stop(), 0);
  });

  /** Opens a text and returns its uri and diagnostics. */
  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///actions/doc${++n}.ia.yaml`;
    await c.open(uri, text, 1);
    return { uri, diagnostics: (await c.diagnostics(uri, (p) => p.version === 1)).diagnostics };
  }

  async function actionsAt(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
  }

  /** Resolves an action, applies its edit to `text`, sends the result as version 2 and returns the new diagnostics. */
  async function apply(uri: string, text: string, action: CodeAction, version = 2): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    assert.equal(action.edit, undefined, 'the edit is computed lazily, in codeAction/resolve');
    assert.ok(action.data, 'the action carries data for resolve');
    const resolved = await c.request<CodeAction>('codeAction/resolve', action);
    const next = applyEdits(text, editsOf(resolved.edit, uri));
    assert.notEqual(next, text);
    await c.change(uri, version, next);
    const p = await c.diagnostics(uri, (p) => p.version === version);
    return { text: next, diagnostics: p.diagnostics };
  }

  it('E02: sets interaction_directe to false with a TODO to confirm, and the error goes away', async () => {
    const { uri, diagnostics } = await open(E02_TRUE);
    const d = diagnostics.find((x) => x.code === 'E02-interaction-directe')!;
    const actions = await actionsAt(uri, d);
    assert.ok(!actions.some((a) => /dérogation/.test(a.title)), 'E02 admits no derogation');
    const fix = actions.find((a) => a.kind === 'quickfix' && /interaction_directe: false/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.deepEqual(
      fix.diagnostics?.map((x) => x.code),
      ['E02-interaction-directe'],
    );
    const after = await apply(uri, E02_TRUE, fix);
    assert.match(after.text, /interaction_directe: false +# A CONFIRMER/);
    assertValidYaml(after.text);
    keepsUserText(E02_TRUE, after.text, ['  interaction_directe: true']);
    assert.ok(!after.diagnostics.some((x) => x.code === 'E02-interaction-directe'));
    await c.close(uri);
  });

  it('E11: inserts the reversibility plan skeleton (preferred), offers a derogation, and the missing-section finding goes away', async () => {
    const { uri, diagnostics } = await open(NO_REVERSIBILITE);
    const d = diagnostics.find((x) => x.code === 'cadre-section-manquante')!;
    assert.ok(d, diagnostics.map((x) => x.code).join(', '));
    const actions = await actionsAt(uri, d);
    const skeleton = actions.find((a) => a.isPreferred && a.kind === 'quickfix');
    assert.ok(skeleton, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Déclarer une dérogation pour E11'));
    const after = await apply(uri, NO_REVERSIBILITE, skeleton);
    assertValidYaml(after.text);
    keepsUserText(NO_REVERSIBILITE, after.text);
    assert.match(after.text, /^reversibilite:\n {2}plan_sortie:/m);
    assert.ok(!after.diagnostics.some((x) => x.code === 'cadre-section-manquante' && x.message === d.message), 'the missing-section finding is gone');
    await c.close(uri);
  });

  it('declares a derogation for a derogable engagement: an engagements.E11 block with placeholders', async () => {
    const { uri, diagnostics } = await open(NO_REVERSIBILITE);
    const d = diagnostics.find((x) => x.code === 'cadre-section-manquante')!;
    const action = (await actionsAt(uri, d)).find((a) => a.title === 'Déclarer une dérogation pour E11')!;
    const after = await apply(uri, NO_REVERSIBILITE, action);
    assertValidYaml(after.text);
    keepsUserText(NO_REVERSIBILITE, after.text);
    const data = parseDeclaration(after.text).value as { engagements: Record<string, Record<string, unknown>> };
    assert.equal(data.engagements.E11.statut, 'derogation');
    for (const k of ['justification', 'validee_par', 'echeance']) assert.ok(k in data.engagements.E11, `no ${k}`);
    assert.equal(data.engagements.E09.statut, 'derogation', 'the existing derogation is kept');
    await c.close(uri);
  });

  it('replaces a mistyped key and a mistyped enum value with the closest valid one', async () => {
    const text = BASE.replace('reversibilite:', 'reversibilte:').replace('statut: experimentation', 'statut: experimentaton');
    const { uri, diagnostics } = await open(text);
    const key = diagnostics.find((x) => x.code === 'schema-additionalProperties')!;
    const keyFix = (await actionsAt(uri, key)).find((a) => a.isPreferred)!;
    assert.match(keyFix.title, /reversibilite/);
    const after = await apply(uri, text, keyFix);
    assert.match(after.text, /^reversibilite:$/m);
    assert.ok(!after.diagnostics.some((x) => x.code === 'schema-additionalProperties'));
    const value = after.diagnostics.find((x) => x.code === 'schema-enum')!;
    const valueFix = (await actionsAt(uri, value)).find((a) => a.isPreferred)!;
    assert.match(valueFix.title, /experimentation/);
    const fixed = await apply(uri, after.text, valueFix, 3);
    assert.equal(fixed.text, BASE);
    assert.ok(!fixed.diagnostics.some((x) => x.code === 'schema-enum'));
    await c.close(uri);
  });

  it('source.fixAll.cadre-ia applies every preferred fix at once', async () => {
    const text = BASE.replace('reversibilite:', 'reversibilte:').replace('statut: experimentation', 'statut: experimentaton');
    const { uri, diagnostics } = await open(text);
    assert.ok(diagnostics.some((x) => x.code === 'schema-enum'));
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.cadre-ia'] },
    });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.cadre-ia'],
    );
    const after = await apply(uri, text, actions[0]);
    assert.equal(after.text, BASE);
    assert.ok(!after.diagnostics.some((x) => String(x.code).startsWith('schema-')));
    await c.close(uri);
  });

  it('filters by the requested kind', async () => {
    const { uri, diagnostics } = await open(E02_TRUE);
    const d = diagnostics.find((x) => x.code === 'E02-interaction-directe')!;
    assert.deepEqual(await actionsAt(uri, d, ['source.organizeImports']), []);
    assert.ok((await actionsAt(uri, d, ['quickfix'])).every((a) => a.kind === 'quickfix'));
    await c.close(uri);
  });
});

describe('lsp: code actions for a client without codeAction/resolve', () => {
  it('computes the edit eagerly (plain `changes`)', async () => {
    const c = await TestClient.start({ capabilities: MINIMAL_CAPABILITIES });
    const uri = 'file:///actions/eager.ia.yaml';
    await c.open(uri, E02_TRUE);
    const d = (await c.diagnostics(uri)).diagnostics.find((x) => x.code === 'E02-interaction-directe')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.ok(actions.length > 0);
    for (const a of actions) {
      assert.ok(a.edit?.changes?.[uri], `${a.title}: no eager edit`);
      assert.equal(a.edit.documentChanges, undefined);
    }
    const next = applyEdits(E02_TRUE, actions[0].edit!.changes![uri]);
    assertValidYaml(next);
    assert.equal(await c.stop(), 0);
  });
});
