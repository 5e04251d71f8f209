import type { CadreServer } from '../server';

/** textDocument/didOpen, didChange, didClose: validate on open at once, after the debounce on edits. */
export function register(s: CadreServer): void {
  const justOpened = new Set<string>();
  s.documents.onDidOpen((e) => s.guard('didOpen', () => justOpened.add(e.document.uri)));
  s.documents.onDidChangeContent((e) =>
    s.guard('didChange', () => {
      const immediate = justOpened.delete(e.document.uri);
      s.schedule(e.document, immediate);
    }),
  );
  s.documents.onDidClose((e) =>
    s.guard('didClose', () => {
      justOpened.delete(e.document.uri);
      s.forget(e.document.uri);
      // A closed file keeps its diagnostics in pull mode (workspace diagnostics); pushed ones are cleared.
      if (!s.client.pullDiagnostics) void s.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
  );
}
