import type { ClientCapabilities } from 'vscode-languageserver/node';

/** What the client can do, read once at initialization. */
export interface ClientFeatures {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  workspaceFolders: boolean;
  watchedFilesDynamic: boolean;
  codeLensRefresh: boolean;
  codeActionResolveEdit: boolean;
  codeActionLiterals: boolean;
  documentChanges: boolean;
  snippets: boolean;
  markdownHover: boolean;
  markdownCompletion: boolean;
  hierarchicalSymbols: boolean;
  insertTextModeAsIs: boolean;
  relatedInformation: boolean;
  versionedPush: boolean;
}

export function features(c: ClientCapabilities): ClientFeatures {
  const td = c.textDocument ?? {};
  return {
    pullDiagnostics: !!td.diagnostic,
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    watchedFilesDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    codeLensRefresh: !!c.workspace?.codeLens?.refreshSupport,
    codeActionResolveEdit: !!td.codeAction?.resolveSupport?.properties?.includes('edit'),
    codeActionLiterals: !!td.codeAction?.codeActionLiteralSupport,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    snippets: !!td.completion?.completionItem?.snippetSupport,
    markdownHover: !!td.hover?.contentFormat?.includes('markdown'),
    markdownCompletion: !!td.completion?.completionItem?.documentationFormat?.includes('markdown'),
    hierarchicalSymbols: !!td.documentSymbol?.hierarchicalDocumentSymbolSupport,
    insertTextModeAsIs: !!td.completion?.completionItem?.insertTextModeSupport?.valueSet?.includes(1),
    relatedInformation: td.publishDiagnostics?.relatedInformation !== false,
    versionedPush: !!td.publishDiagnostics?.versionSupport,
  };
}
