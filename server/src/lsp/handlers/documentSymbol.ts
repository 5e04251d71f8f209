import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { documentSymbols } from '../../core/symbols';
import { toDocumentSymbol, toSymbolInformation } from '../convert';
import type { CadreServer } from '../server';

/** textDocument/documentSymbol: the outline, by section then field. */
export function register(s: CadreServer): void {
  s.connection.onDocumentSymbol(
    s.safe('textDocument/documentSymbol', async (params): Promise<DocumentSymbol[] | SymbolInformation[] | null> => {
      const doc = s.documents.get(params.textDocument.uri);
      if (!doc || !s.isDeclaration(doc)) return null;
      const a = await s.analyze(doc);
      const symbols = documentSymbols(a.result.parsed, { locale: a.locale, catalogue: a.catalogue });
      return s.client.hierarchicalSymbols ? symbols.map(toDocumentSymbol) : toSymbolInformation(symbols, doc.uri);
    }),
  );
}
