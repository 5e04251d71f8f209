import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { HANDLERS } from './handlers/index';
import { initialize } from './handlers/initialize';
import { CadreServer } from './server';

/**
 * Starts the Cadre IA language server on a connection (by default the one named on the
 * command line: `--stdio`, `--node-ipc` or `--socket=N`). Returns the server, which keeps
 * serving until `exit`.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): CadreServer {
  const s = new CadreServer(connection);
  connection.onInitialize(s.safe('initialize', (params) => initialize(s, params)));
  connection.onInitialized(() => void s.guardAsync('initialized', () => s.initialized()));
  for (const register of HANDLERS) register(s);
  connection.onShutdown(() => s.shutdown());
  s.documents.listen(connection);
  connection.listen();
  // Last resort: whatever escapes a handler is logged; the server keeps serving.
  process.on('uncaughtException', (e) => s.logError('uncaught', e));
  process.on('unhandledRejection', (e) => s.logError('unhandled rejection', e));
  return s;
}
