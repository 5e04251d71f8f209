import { CodeActionKind, type CodeAction, type Command, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { defaultCatalogue } from '../../core/engine';
import { computeFixEdits, derogationFix, fixAllEdits } from '../../core/fixes';
import { parseDeclaration } from '../../core/parse';
import { derogationQuickFixOffered } from '../../core/inlineActions';
import { t } from '../../core/i18n';
import { overlaps } from '../../core/locate';
import type { FixRef, Localized, Range } from '../../core/types';
import { FIX_ALL_KIND } from '../capabilities';
import { toLspDiagnostic, workspaceEdit } from '../convert';
import type { Analysis, CadreServer } from '../server';

/** What a code action carries until `codeAction/resolve` computes its edit. */
export interface ActionData {
  uri: string;
  version: number;
  fix?: FixRef;
  fixAll?: boolean;
}

const L: Record<string, Localized> = {
  fixAll: { fr: 'Cadre IA : appliquer tous les correctifs sûrs', en: 'Cadre IA: apply all safe fixes' },
};

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function editFor(s: CadreServer, a: Analysis, data: ActionData) {
  const ctx = { locale: a.locale, catalogue: a.catalogue };
  const edits = data.fixAll ? fixAllEdits(a.result.parsed, a.result.diagnostics, ctx) : data.fix ? computeFixEdits(a.result.parsed, data.fix, ctx) : undefined;
  if (!edits?.length) return undefined;
  return workspaceEdit(a.uri, a.version, edits, s.client);
}

/** Quick fixes of a catalogue being written ("did you mean" on rule ids, fields, principles), with their edits. */
async function catalogueActions(s: CadreServer, uri: string, range: Range, only: string[] | undefined): Promise<CodeAction[]> {
  if (!wants(only, CodeActionKind.QuickFix)) return [];
  const doc = s.documents.get(uri)!;
  const c = await s.checkCatalogue(doc);
  const parsed = parseDeclaration(doc.getText());
  const out: CodeAction[] = [];
  for (const d of c.diagnostics.filter((x) => overlaps(x.range, range))) {
    for (const fix of d.fixes ?? []) {
      const edits = computeFixEdits(parsed, fix, { locale: c.locale, catalogue: defaultCatalogue() });
      if (!edits?.length) continue;
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(d, uri, s.client, (f) => s.host.uriOf(f))],
        isPreferred: fix.preferred || undefined,
        edit: workspaceEdit(uri, doc.version, edits, s.client),
      });
    }
  }
  return out;
}

/**
 * textDocument/codeAction: one quick fix per fix of each finding in the range, "declare a
 * derogation" for each derogable engagement with a finding there, and `source.fixAll.cadre-ia`.
 * Edits are computed in codeAction/resolve when the client resolves, eagerly otherwise.
 */
export function register(s: CadreServer): void {
  s.connection.onCodeAction(
    s.safe('textDocument/codeAction', async (params): Promise<(CodeAction | Command)[] | null> => {
      const doc = s.documents.get(params.textDocument.uri);
      if (!doc) return null;
      if (s.isCatalogue(doc)) return catalogueActions(s, doc.uri, params.range, params.context?.only);
      if (!s.isDeclaration(doc)) return null;
      const a = await s.analyze(doc);
      const only = params.context?.only;
      const out: CodeAction[] = [];
      const make = (title: string, kind: string, data: ActionData, diagnostics: LspDiagnostic[], preferred?: boolean): CodeAction | undefined => {
        const action: CodeAction = { title, kind, diagnostics };
        if (preferred) action.isPreferred = true;
        if (s.client.codeActionResolveEdit) {
          action.data = data;
          return action;
        }
        const edit = editFor(s, a, data);
        if (!edit) return undefined;
        action.edit = edit;
        return action;
      };
      const inRange = a.result.diagnostics.filter((d) => overlaps(d.range, params.range));
      if (wants(only, CodeActionKind.QuickFix)) {
        const seen = new Set<string>();
        for (const d of inRange) {
          const lsp = toLspDiagnostic(d, doc.uri, s.client, (f) => s.host.uriOf(f));
          for (const fix of d.fixes ?? []) {
            const key = `${fix.kind}|${JSON.stringify(fix.args)}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const action = make(fix.title, CodeActionKind.QuickFix, { uri: doc.uri, version: doc.version, fix }, [lsp], fix.preferred);
            if (action) out.push(action);
          }
        }
        const engagements = [...new Set(inRange.map((d) => d.engagement).filter((e): e is string => !!e))];
        for (const id of engagements) {
          if (!derogationQuickFixOffered(a.catalogue, a.result.parsed.value, id, s.today().toISOString().slice(0, 10))) continue;
          const fix = derogationFix(id, a.locale, a.catalogue);
          if (!fix) continue;
          const diags = inRange.filter((d) => d.engagement === id).map((d) => toLspDiagnostic(d, doc.uri, s.client, (f) => s.host.uriOf(f)));
          const action = make(fix.title, CodeActionKind.QuickFix, { uri: doc.uri, version: doc.version, fix }, diags);
          if (action) out.push(action);
        }
      }
      if (wants(only, FIX_ALL_KIND) && a.result.diagnostics.some((d) => d.fixes?.some((f) => f.preferred))) {
        const action = make(t(L.fixAll, a.locale), FIX_ALL_KIND, { uri: doc.uri, version: doc.version, fixAll: true }, []);
        if (action) out.push(action);
      }
      return out;
    }),
  );

  s.connection.onCodeActionResolve(
    s.safe('codeAction/resolve', async (action: CodeAction): Promise<CodeAction> => {
      const data = action?.data as ActionData | undefined;
      if (!data || typeof data.uri !== 'string') return action;
      const doc = s.documents.get(data.uri);
      if (!doc) return action;
      // The fix is planned on the current text: its arguments are data paths, not offsets.
      const a = await s.analyze(doc);
      const edit = editFor(s, a, data);
      return edit ? { ...action, edit } : action;
    }),
  );
}
