import type { DocumentLink } from 'vscode-languageserver';
import { documentLinks } from '../../core/links';
import type { CadreServer } from '../server';

/** textDocument/documentLink: URLs written in the declaration, and engagement statements to their page. */
export function register(s: CadreServer): void {
  s.connection.onDocumentLinks(
    s.safe('textDocument/documentLink', async (params): Promise<DocumentLink[] | null> => {
      const doc = s.documents.get(params.textDocument.uri);
      if (!doc || !s.isDeclaration(doc)) return null;
      const a = await s.analyze(doc);
      return documentLinks(a.result.parsed, { locale: a.locale, catalogue: a.catalogue }).map((l) => ({ range: l.range, target: l.target, tooltip: l.tooltip }));
    }),
  );
}
