import type { CodeLens } from 'vscode-languageserver';
import { verdictLenses } from '../../core/symbols';
import { ShowEngagementCommand } from '../../../../shared/protocol';
import type { CadreServer } from '../server';

/** textDocument/codeLens: `E11 · conforme` above each section (setting `cadreIa.codeLens`). */
export function register(s: CadreServer): void {
  s.connection.onCodeLens(
    s.safe('textDocument/codeLens', async (params): Promise<CodeLens[] | null> => {
      const doc = s.documents.get(params.textDocument.uri);
      if (!doc || !s.isDeclaration(doc)) return null;
      const a = await s.analyze(doc);
      if (!a.settings.codeLens) return [];
      return verdictLenses(a.result.parsed, a.result, { locale: a.locale, catalogue: a.catalogue }).map((l) => ({
        range: l.range,
        command: { title: l.title, command: ShowEngagementCommand, arguments: [l.engagement, doc.uri] },
      }));
    }),
  );
}
