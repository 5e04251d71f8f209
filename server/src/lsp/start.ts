import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { defaultConnection } from './connection';
import { HANDLERS } from './handlers/index';
import { initialize } from './handlers/initialize';
import { register as notice } from './handlers/notice';
import { register as report } from './handlers/report';
import { nodeHost } from './nodeHost';
import { CadreServer } from './server';

/**
 * Starts the Cadre IA language server on a connection (by default the one named on the
 * command line: `--stdio`, `--node-ipc` or `--socket=N`). Returns the server, which keeps
 * serving until `exit`.
 *
 * `listening`: the connection listens already (dist/server.js answers `initialize` before it
 * loads the rest of the server, lsp/main.ts); when it has answered `initialize`, the server takes
 * its parameters as its own `initialize` handler would.
 */
export function startServer(connection: Connection = defaultConnection().connection, listening?: { initialized?: InitializeParams }): CadreServer {
  const s = new CadreServer(connection, nodeHost);
  const initialized = listening?.initialized;
  if (initialized) s.guard('initialize', () => s.initialize(initialized));
  else connection.onInitialize(s.safe('initialize', (params) => initialize(s, params)));
  connection.onInitialized(() => void s.guardAsync('initialized', () => s.initialized()));
  for (const register of [...HANDLERS, report, notice]) register(s);
  connection.onShutdown(() => s.shutdown());
  s.documents.listen(connection);
  if (!listening) connection.listen();
  // Last resort: whatever escapes a handler is logged; the server keeps serving.
  process.on('uncaughtException', (e) => s.logError('uncaught', e));
  process.on('unhandledRejection', (e) => s.logError('unhandled rejection', e));
  return s;
}
