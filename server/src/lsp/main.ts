// Entry of dist/server.js: `node dist/server.js --stdio` (editors) or `--node-ipc` (the VS Code client).
//
// Start-up in two steps, so that `initialize` is answered before the bulk of the server is
// compiled: this bundle holds the LSP library and what `initialize` needs (capabilities.ts,
// clientFeatures.ts); the rest (the core, the handlers, the Node adapter: full.ts, bundled as
// dist/server-full.js) is loaded when the first message after `initialize` arrives (the
// client's `initialized`), before the connection handles that message. Every handler is
// therefore registered before any other message is handled. On the socket and pipe transports,
// whose reader is the library's own, everything is loaded at once, as before.
import * as lspLibrary from 'vscode-languageserver/node';
import type { InitializeParams } from 'vscode-languageserver/node';
import { initializeResult } from './capabilities';
import { features } from './clientFeatures';
import { defaultConnection } from './connection';

/** The LSP library, for dist/server-full.js (scripts/build.mjs): the connection's classes are the handlers' classes. */
export { lspLibrary };

/** The `initialize` answered here, handed to the rest of the server. */
let params: InitializeParams | undefined;
let loaded = false;

/** Loads and starts the rest of the server, once. A server that cannot load says why and exits (the editor restarts it). */
function loadServer(listening?: { initialized?: InitializeParams }): void {
  if (loaded) return;
  loaded = true;
  try {
    // Bundled: dist/server-full.js, next to this file (scripts/build.mjs); from source: full.ts.
    const { startFull } = require('./full') as typeof import('./full');
    startFull(connection, listening);
  } catch (e) {
    process.stderr.write(`cadre-ia: the language server cannot start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  }
}

const { connection, observed } = defaultConnection((m) => {
  if (!('method' in m && m.method === 'initialize')) loadServer({ initialized: params });
});
if (observed) {
  connection.onInitialize((p) => {
    params = p;
    return initializeResult(features(p.capabilities ?? {}).pullDiagnostics);
  });
  connection.listen();
} else {
  loadServer();
}
