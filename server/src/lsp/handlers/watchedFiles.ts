import { FileChangeType } from 'vscode-languageserver';
import { isDeclarationFile } from '../../core/fileResult';
import { VerdictsChangedNotification } from '../../../../shared/protocol';
import type { CadreServer } from '../server';

/**
 * workspace/didChangeWatchedFiles: a declaration changed on disk refreshes the workspace view;
 * a catalogue in use changed on disk re-validates everything.
 */
export function register(s: CadreServer): void {
  s.connection.onDidChangeWatchedFiles((params) =>
    s.guard('didChangeWatchedFiles', () => {
      let catalogueChanged = false;
      const declarations: string[] = [];
      for (const change of params?.changes ?? []) {
        const file = s.fileOf(change.uri);
        if (!file) continue;
        if (s.isCatalogueFile(file)) catalogueChanged = true;
        if (isDeclarationFile(file)) {
          s.forgetFile(file);
          declarations.push(change.uri);
          if (change.type === FileChangeType.Deleted && !s.openDocumentFor(file) && !s.client.pullDiagnostics) {
            void s.connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
          }
        }
      }
      if (catalogueChanged) {
        s.revalidateAll();
        return;
      }
      for (const uri of declarations) void s.connection.sendNotification(VerdictsChangedNotification, { uri });
      if (declarations.length && s.client.pullDiagnostics && s.client.diagnosticRefresh) {
        void s.connection.languages.diagnostics.refresh().catch(() => undefined);
      }
    }),
  );
}
