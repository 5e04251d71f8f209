import { format } from 'node:util';
import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type Message,
  type MessageReader,
} from 'vscode-languageserver/node';

/** Reader errors that mean the byte stream itself is corrupt: the reader cannot find the next message again. */
const CORRUPT_STREAM = /^(Header must provide a Content-Length|Content-Length value must be a number|Message header must separate key and value)/;

/** Calls `see` with every message the reader reads, before the connection gets it. */
function observe(reader: MessageReader, see: (m: Message) => void): void {
  const listen = reader.listen.bind(reader);
  reader.listen = (callback) =>
    listen((m) => {
      see(m);
      callback(m);
    });
}

/**
 * The stdio connection, with what the library's default does (exit when stdin ends, console kept
 * off stdout) plus one thing: a corrupt header leaves the library's reader stuck on it for good
 * (every later message unanswered), so the server says why on stderr and exits with 1 — the
 * editor restarts a server that exits, not one that stops answering. A message whose JSON is
 * invalid only loses that message: the stream goes on. `see` is called with every message
 * before the connection handles it.
 */
function stdioConnection(see?: (m: Message) => void): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  // Whether this connection has received `shutdown`: the exit code when stdin closes.
  let shutdownReceived = false;
  observe(reader, (m) => {
    if ('method' in m && m.method === 'shutdown') shutdownReceived = true;
    see?.(m);
  });
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

/**
 * The connection named on the command line: `--stdio` (guarded, above), `--node-ipc` or
 * `--socket=N` / `--pipe=NAME`. With `see`, every message read is shown to it before the
 * connection handles it (`observed`), on stdio and IPC; the socket and pipe transports are the
 * library's own (`observed: false`).
 */
export function defaultConnection(see?: (m: Message) => void): { connection: Connection; observed: boolean } {
  if (process.argv.includes('--stdio')) return { connection: stdioConnection(see), observed: true };
  if (see && process.argv.includes('--node-ipc')) {
    const reader = new IPCMessageReader(process);
    observe(reader, see);
    return { connection: createConnection(ProposedFeatures.all, reader, new IPCMessageWriter(process)), observed: true };
  }
  return { connection: createConnection(ProposedFeatures.all), observed: false };
}
