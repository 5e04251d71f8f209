import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { foldingRanges } from '../../core/symbols';
import type { CadreServer } from '../server';

/** textDocument/foldingRange: sections, nested blocks and comment runs. */
export function register(s: CadreServer): void {
  s.connection.onFoldingRanges(
    s.safe('textDocument/foldingRange', async (params): Promise<FoldingRange[] | null> => {
      const doc = s.documents.get(params.textDocument.uri);
      if (!doc || !s.isDeclaration(doc)) return null;
      const a = await s.analyze(doc);
      return foldingRanges(a.result.parsed).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}) }));
    }),
  );
}
