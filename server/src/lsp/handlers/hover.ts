import type { Hover } from 'vscode-languageserver';
import { catalogueHoverAt } from '../../core/catalogueAuthoring';
import { hoverAt } from '../../core/hover';
import { markup } from '../convert';
import type { CadreServer } from '../server';

/** textDocument/hover: field, engagement and principle, enum value meaning, diagnostics there. */
export function register(s: CadreServer): void {
  s.connection.onHover(
    s.safe('textDocument/hover', async (params): Promise<Hover | null> => {
      const doc = s.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const position = params.position;
      if (typeof position?.line !== 'number' || typeof position.character !== 'number') throw new TypeError('hover: position must have numeric line and character');
      if (s.isCatalogue(doc)) {
        // A catalogue being written: the rule, field or key under the cursor, and the problems there.
        const c = await s.checkCatalogue(doc);
        const h = catalogueHoverAt(doc.getText(), position, c.locale, c.diagnostics);
        return h ? { contents: markup(h.markdown, s.client.markdownHover), range: h.range } : null;
      }
      if (!s.isDeclaration(doc)) return null;
      const a = await s.analyze(doc);
      const h = hoverAt(a.result.parsed, position, a.result.diagnostics, { locale: a.locale, catalogue: a.catalogue });
      return h ? { contents: markup(h.markdown, s.client.markdownHover), range: h.range } : null;
    }),
  );
}
