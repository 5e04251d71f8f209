import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import { initializeResult } from '../capabilities';
import type { CadreServer } from '../server';

/** initialize: reads the client's capabilities and locale, answers the server's capabilities. */
export function initialize(s: CadreServer, params: InitializeParams): InitializeResult {
  s.initialize(params);
  return initializeResult(s.client.pullDiagnostics);
}
