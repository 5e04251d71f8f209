import { DocumentDiagnosticReportKind, type DocumentDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { findDeclarations } from '../../node/files';
import { toLspDiagnostic } from '../convert';
import type { CadreServer } from '../server';

/** textDocument/diagnostic and workspace/diagnostic (pull), with result ids. */
export function register(s: CadreServer): void {
  s.connection.languages.diagnostics.on(
    s.safe('textDocument/diagnostic', async (params): Promise<DocumentDiagnosticReport> => {
      const doc = s.document(params?.textDocument?.uri);
      if (!s.isDeclaration(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const a = await s.analyze(doc);
      if (params.previousResultId && params.previousResultId === a.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: a.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: a.resultId, items: a.result.diagnostics.map((d) => toLspDiagnostic(d, doc.uri, s.client)) };
    }),
  );

  s.connection.languages.diagnostics.onWorkspace(
    s.safe('workspace/diagnostic', async (params, token) => {
      const previous = new Map((params?.previousResultIds ?? []).map((p) => [p.uri, p.value]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      const seen = new Set<string>();
      for (const folder of s.folders) {
        for (const found of findDeclarations([folder])) {
          if (token?.isCancellationRequested) return { items };
          if (found.error || seen.has(found.file)) continue;
          seen.add(found.file);
          const open = s.openDocumentFor(found.file);
          const a = open ? await s.analyze(open) : await s.analyzeFile(found.file);
          if ('error' in a) continue;
          const uri = open?.uri ?? a.uri;
          const version = open ? open.version : null;
          if (previous.get(uri) === a.resultId) {
            items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId: a.resultId });
          } else {
            items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId: a.resultId, items: a.result.diagnostics.map((d) => toLspDiagnostic(d, uri, s.client)) });
          }
        }
      }
      return { items };
    }),
  );
}
