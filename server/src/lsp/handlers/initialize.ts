import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './codeAction';
import type { CadreServer } from '../server';
import pkg from '../../../../package.json';

/** initialize: reads the client's capabilities and locale, answers the server's capabilities. */
export function initialize(s: CadreServer, params: InitializeParams): InitializeResult {
  s.initialize(params);
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'cadre-ia', version: pkg.version },
  };
  if (s.client.pullDiagnostics) {
    result.capabilities.diagnosticProvider = { identifier: 'cadre-ia', interFileDependencies: false, workspaceDiagnostics: true };
  }
  return result;
}
