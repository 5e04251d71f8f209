import type { CompletionList } from 'vscode-languageserver';
import { catalogueCompletionsAt } from '../../core/catalogueAuthoring';
import { completionsAt } from '../../core/completion';
import { derivedResource } from '../../core/resources';
import { loadTemplates } from '../../core/templates';
import { toCompletionItem } from '../convert';
import type { CadreServer } from '../server';

/** The text of each section's skeleton, derived once per resource reader (core/resources.ts). */
function sectionTemplates(s: CadreServer): Record<string, string> {
  try {
    return derivedResource('lsp/completion:section-texts', () => Object.fromEntries(Object.entries(loadTemplates().sections).map(([k, v]) => [k, v.text])));
  } catch (e) {
    s.logError('templates', e);
    return {};
  }
}

/** textDocument/completion: keys not yet present, enum values, booleans, whole sections. */
export function register(s: CadreServer): void {
  s.connection.onCompletion(
    s.safe('textDocument/completion', async (params): Promise<CompletionList | null> => {
      const doc = s.documents.get(params.textDocument.uri);
      if (!doc) return null;
      if (s.isCatalogue(doc)) {
        const locale = s.localeOf(await s.settingsFor(doc.uri));
        return { isIncomplete: false, items: catalogueCompletionsAt(doc.getText(), params.position, locale).map((c) => toCompletionItem(c, s.client)) };
      }
      if (!s.isDeclaration(doc)) return null;
      const a = await s.analyze(doc);
      const items = completionsAt(a.result.parsed, params.position, {
        locale: a.locale,
        catalogue: a.catalogue,
        catalogues: a.frameworks.all(),
        trigger: params.context?.triggerCharacter,
        sectionTemplates: sectionTemplates(s),
      });
      return { isIncomplete: false, items: items.map((c) => toCompletionItem(c, s.client)) };
    }),
  );
}
