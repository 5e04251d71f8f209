import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { HANDLERS } from './handlers/index';
import { initialize } from './handlers/initialize';
import { register as notice } from './handlers/notice';
import { register as report } from './handlers/report';
import { nodeHost } from './nodeHost';
import { CadreServer } from './server';

let shutdownReceived = false;

/** Reader errors that mean the byte stream itself is corrupt: the reader cannot find the next message again. */
const CORRUPT_STREAM = /^(Header must provide a Content-Length|Content-Length value must be a number|Message header must separate key and value)/;

/**
 * The stdio connection, with what the library's default does (exit when stdin ends, console kept
 * off stdout) plus one thing: a corrupt header leaves the library's reader stuck on it for good
 * (every later message unanswered), so the server says why on stderr and exits with 1 — the
 * editor restarts a server that exits, not one that stops answering. A message whose JSON is
 * invalid only loses that message: the stream goes on.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((e) => {
    if (!CORRUPT_STREAM.test(e.message)) return;
    process.stderr.write(`cadre-ia: corrupt LSP stream (${e.message.split('\n')[0]}); exiting so that the editor restarts the server\n`);
    process.exit(1);
  });
  reader.onClose(() => process.exit(shutdownReceived ? 0 : 1));
  // stdout carries the protocol: anything logged goes to stderr instead.
  const toStderr = (...args: unknown[]) => void process.stderr.write(format(...args) + '\n');
  console.log = console.info = console.debug = console.warn = console.error = console.trace = toStderr;
  return createConnection(ProposedFeatures.all, reader, writer);
}

/** The connection named on the command line: `--stdio` (guarded, above), `--node-ipc` or `--socket=N`. */
function defaultConnection(): Connection {
  return process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
}

/**
 * Starts the Cadre IA language server on a connection (by default the one named on the
 * command line: `--stdio`, `--node-ipc` or `--socket=N`). Returns the server, which keeps
 * serving until `exit`.
 */
export function startServer(connection: Connection = defaultConnection()): CadreServer {
  const s = new CadreServer(connection, nodeHost);
  connection.onInitialize(s.safe('initialize', (params) => initialize(s, params)));
  connection.onInitialized(() => void s.guardAsync('initialized', () => s.initialized()));
  for (const register of [...HANDLERS, report, notice]) register(s);
  connection.onShutdown(() => {
    shutdownReceived = true;
    s.shutdown();
  });
  s.documents.listen(connection);
  connection.listen();
  // Last resort: whatever escapes a handler is logged; the server keeps serving.
  process.on('uncaughtException', (e) => s.logError('uncaught', e));
  process.on('unhandledRejection', (e) => s.logError('unhandled rejection', e));
  return s;
}
