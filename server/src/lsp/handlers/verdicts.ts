import { documentVerdicts, verdictsResult } from '../../core/verdictsView';
import { VerdictsRequest, type PDocumentVerdicts, type VerdictsParams, type VerdictsResult } from '../../../../shared/protocol';
import { ClientError, type Analysis, type CadreServer } from '../server';

/**
 * cadreIa/verdicts: the verdicts of one document (open or on disk) under its own framework, or of
 * every declaration of the workspace, with the frameworks they are judged by (the checklist
 * groups by framework).
 */
export function register(s: CadreServer): void {
  s.connection.onRequest(
    VerdictsRequest,
    s.safe(VerdictsRequest.method, async (params: VerdictsParams | null, token): Promise<VerdictsResult> => {
      const view = (a: Analysis, uri: string, version?: number): PDocumentVerdicts => {
        if (a.result.framework?.known !== false && !used.includes(a.catalogue)) used.push(a.catalogue);
        return documentVerdicts(uri, version, a.result, a.catalogue, a.locale);
      };
      const documents: PDocumentVerdicts[] = [];
      const used: Analysis['catalogue'][] = [];
      let first: Analysis | undefined;
      if (params?.uri !== undefined) {
        if (typeof params.uri !== 'string') throw new ClientError('uri must be a string');
        const open = s.documents.get(params.uri);
        let a: Analysis;
        if (open) a = await s.analyze(open);
        else {
          const file = s.fileOf(params.uri);
          if (!file) throw new ClientError(`unknown document: ${params.uri}`);
          const r = await s.analyzeFile(file);
          if ('error' in r) throw new ClientError(`cannot read ${params.uri}: ${r.error}`);
          a = r;
        }
        first = a;
        documents.push(view(a, params.uri, open?.version));
      } else {
        const seen = new Set<string>();
        const lists = await Promise.all(s.folders.map((folder) => s.host.findDeclarations(folder)));
        await s.prefetchFiles([...new Set(lists.flat())]);
        for (const list of lists) {
          for (const file of list) {
            if (token?.isCancellationRequested) break;
            if (seen.has(file)) continue;
            seen.add(file);
            const open = s.openDocumentFor(file);
            const a = open ? await s.analyze(open) : await s.analyzeFile(file);
            if ('error' in a) continue;
            first ??= a;
            documents.push(view(a, open?.uri ?? a.uri, open?.version));
          }
        }
        // Open declarations outside every folder (or with no folder at all) count too.
        for (const doc of s.documents.all()) {
          const file = s.fileOf(doc.uri);
          if (!s.isDeclaration(doc) || (file && seen.has(file))) continue;
          const a = await s.analyze(doc);
          first ??= a;
          documents.push(view(a, doc.uri, doc.version));
        }
      }
      const settings = await s.settingsFor(params?.uri);
      const catalogue = used[0] ?? first?.catalogue ?? (await s.catalogueFor(settings, params?.uri)).catalogue;
      const locale = first?.locale ?? s.localeOf(settings);
      return verdictsResult(catalogue, locale, documents, used.length ? used : [catalogue]);
    }),
  );
}
