import { DocumentDiagnosticReportKind, type DocumentDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { docUrl } from '../../core/catalogue';
import { DUPLICATE_ID, duplicateIdDiagnostics } from '../../core/crossFile';
import type { Diagnostic } from '../../core/types';
import { toLspDiagnostic } from '../convert';
import type { Analysis, CadreServer } from '../server';

/** textDocument/diagnostic and workspace/diagnostic (pull), with result ids. */
export function register(s: CadreServer): void {
  s.connection.languages.diagnostics.on(
    s.safe('textDocument/diagnostic', async (params): Promise<DocumentDiagnosticReport> => {
      const doc = s.document(params?.textDocument?.uri);
      if (s.isCatalogue(doc)) {
        const c = await s.checkCatalogue(doc);
        return { kind: DocumentDiagnosticReportKind.Full, items: c.diagnostics.map((d) => toLspDiagnostic(d, doc.uri, s.client, (f) => s.host.uriOf(f))) };
      }
      if (!s.isDeclaration(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const a = await s.analyze(doc);
      if (params.previousResultId && params.previousResultId === a.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: a.resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: a.resultId, items: a.result.diagnostics.map((d) => toLspDiagnostic(d, doc.uri, s.client, (f) => s.host.uriOf(f))) };
    }),
  );

  s.connection.languages.diagnostics.onWorkspace(
    s.safe('workspace/diagnostic', async (params, token) => {
      const previous = new Map((params?.previousResultIds ?? []).map((p) => [p.uri, p.value]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      const seen = new Set<string>();
      const analyses: { folder: string; uri: string; version: number | null; a: Analysis }[] = [];
      const lists = await Promise.all(s.folders.map(async (folder) => ({ folder, files: await s.host.findDeclarations(folder) })));
      await s.prefetchFiles([...new Set(lists.flatMap((l) => l.files))]);
      for (const { folder, files } of lists) {
        for (const file of files) {
          if (token?.isCancellationRequested) return { items };
          if (seen.has(file)) continue;
          seen.add(file);
          const open = s.openDocumentFor(file);
          const a = open ? await s.analyze(open) : await s.analyzeFile(file);
          if ('error' in a) continue;
          analyses.push({ folder, uri: open?.uri ?? a.uri, version: open ? open.version : null, a });
        }
      }
      // Across files: one projet.id per project. Files are named relative to their folder.
      const first = analyses[0]?.a;
      const duplicates = first
        ? duplicateIdDiagnostics(
            analyses.map(({ folder, a }) => a.id && { ...a.id, label: relativeLabel(folder, a.id.file) }),
            first.locale,
            docUrl(first.catalogue, DUPLICATE_ID),
          )
        : new Map<string, Diagnostic[]>();
      for (const { uri, version, a } of analyses) {
        const extra = (a.id && duplicates.get(a.id.file)) ?? [];
        // The result id changes with the other files a duplicate points at.
        const resultId = extra.length ? `${a.resultId}|dup:${extra.map((d) => d.message).join('|')}` : a.resultId;
        if (previous.get(uri) === resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId });
        } else {
          items.push({
            kind: DocumentDiagnosticReportKind.Full,
            uri,
            version,
            resultId,
            items: [...a.result.diagnostics, ...extra].map((d) => toLspDiagnostic(d, uri, s.client, (f) => s.host.uriOf(f))),
          });
        }
      }
      return { items };
    }),
  );
}

/** `file` relative to `folder`, with `/` (paths from the host: on disk or in a virtual workspace). */
function relativeLabel(folder: string, file: string): string {
  const f = folder.replace(/\\/g, '/').replace(/\/+$/, '');
  const p = file.replace(/\\/g, '/');
  return p.startsWith(`${f}/`) ? p.slice(f.length + 1) : p;
}
