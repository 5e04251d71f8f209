import { COMMANDS } from './main';

// `cadre-ia lsp --stdio` (or --node-ipc, --socket=N): the same server as dist/server.js.
COMMANDS.set('lsp', (args, io) => {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout('Usage: cadre-ia lsp --stdio | --node-ipc | --socket=PORT\n');
    return 0;
  }
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    io.stderr('cadre-ia lsp: --stdio, --node-ipc or --socket=PORT is required\n');
    return 2;
  }
  // Loaded here so that `lint` does not pay for the LSP libraries.
  const { startServer } = require('../lsp/start') as typeof import('../lsp/start');
  startServer();
  return -1; // keeps running until the client says exit
});
