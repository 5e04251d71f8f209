import { CodeActionKind, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { version } from '../../../package.json';

/** The code action kind of "fix everything that can be fixed" in a declaration. */
export const FIX_ALL_KIND = 'source.fixAll.cadre-ia';

/**
 * The answer to `initialize`: the server's capabilities, the pull model of diagnostics only when
 * the client has it. Light on purpose (the LSP library and nothing of the core): dist/server.js
 * answers `initialize` with it before it loads the rest of the server (lsp/main.ts).
 */
export function initializeResult(pullDiagnostics: boolean): InitializeResult {
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
    serverInfo: { name: 'cadre-ia', version },
  };
  if (pullDiagnostics) {
    result.capabilities.diagnosticProvider = { identifier: 'cadre-ia', interFileDependencies: false, workspaceDiagnostics: true };
  }
  return result;
}
