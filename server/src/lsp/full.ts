// Entry of dist/server-full.js: the language server past `initialize` (the core, the handlers,
// the Node adapter), loaded by dist/server.js (lsp/main.ts) once it has answered `initialize`.
// Its LSP library is dist/server.js's own (scripts/build.mjs): one set of classes
// (`ResponseError`…) for the connection and the handlers.
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { installNodeResources } from '../node/resources';
import { startServer } from './start';

/** Starts the server (see `startServer`). */
export function startFull(connection?: Connection, listening?: { initialized?: InitializeParams }): void {
  installNodeResources();
  startServer(connection, listening);
}
