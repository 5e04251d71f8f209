// Preloaded with `node --require` by security.test.ts: records every file the process reads or
// writes, every network attempt and every child process, one JSON line per event, in the file
// named by CADRE_IA_AUDIT. Network and process calls also fail, so that nothing leaves the machine.
// biome-ignore lint/suspicious/noRedundantUseStrict: a CommonJS script (package.json has no "type"), where the directive is not implied
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const out = process.env.CADRE_IA_AUDIT;
if (!out) throw new Error('CADRE_IA_AUDIT is not set');
const append = fs.appendFileSync.bind(fs);
const auditFile = path.resolve(out);
let busy = false;
const record = (kind, what) => {
  // Writing the record opens the audit file: that inner call is not recorded.
  if (busy || String(what) === auditFile) return;
  busy = true;
  try {
    append(out, JSON.stringify({ kind, what: String(what) }) + '\n');
  } catch {
    /* the audit never breaks the process it watches */
  } finally {
    busy = false;
  }
};
const target = (p) => {
  if (typeof p === 'number') return `fd:${p}`;
  if (p instanceof URL) return p.pathname;
  if (Buffer.isBuffer(p)) return p.toString();
  return path.resolve(String(p));
};
const writeFlag = (flags) =>
  (typeof flags === 'string' && /[wa+]/.test(flags)) || (typeof flags === 'number' && (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND)) !== 0);

function wrap(obj, name, kind, pick) {
  const orig = obj[name];
  if (typeof orig !== 'function') return;
  obj[name] = function (...args) {
    const k = typeof kind === 'function' ? kind(...args) : kind;
    if (k) record(k, pick(...args));
    return orig.apply(this, args);
  };
}

// Files read.
for (const n of ['readFileSync', 'readFile', 'createReadStream', 'readdirSync', 'readdir', 'opendirSync']) wrap(fs, n, 'read', (p) => target(p));
for (const n of ['readFile', 'readdir', 'open'])
  wrap(
    fs.promises,
    n,
    (_p, flags) => (n === 'open' && writeFlag(flags) ? 'write' : 'read'),
    (p) => target(p),
  );
wrap(
  fs,
  'openSync',
  (_p, flags) => (writeFlag(flags) ? 'write' : 'read'),
  (p) => target(p),
);
wrap(
  fs,
  'open',
  (_p, flags) => (writeFlag(flags) ? 'write' : 'read'),
  (p) => target(p),
);
// Files written, created, removed.
for (const n of [
  'writeFileSync',
  'writeFile',
  'appendFile',
  'createWriteStream',
  'mkdirSync',
  'mkdir',
  'rmSync',
  'rm',
  'rmdirSync',
  'rmdir',
  'unlinkSync',
  'unlink',
  'renameSync',
  'rename',
  'copyFileSync',
  'copyFile',
  'cpSync',
  'symlinkSync',
  'symlink',
  'linkSync',
  'chmodSync',
  'chmod',
  'truncateSync',
  'truncate',
  'mkdtempSync',
  'mkdtemp',
  'utimesSync',
]) {
  wrap(fs, n, 'write', (p) => target(p));
}
for (const n of ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile', 'mkdtemp']) wrap(fs.promises, n, 'write', (p) => target(p));
wrap(fs, 'appendFileSync', 'write', (p) => target(p));

// Network: recorded and refused.
const refuse = (what) => {
  record('network', what);
  throw new Error(`cadre-ia audit: network access refused (${what})`);
};
const net = require('node:net');
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const o = args[0];
  // A pipe to our own parent (fd-based sockets) never calls connect; anything that does is network.
  refuse(`net.Socket.connect ${typeof o === 'object' ? JSON.stringify(o) : String(o)}`);
  return origConnect.apply(this, args);
};
for (const n of ['connect', 'createConnection']) net[n] = (...a) => refuse(`net.${n} ${JSON.stringify(a[0])}`);
const origListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...a) {
  refuse(`net.Server.listen ${JSON.stringify(a[0])}`);
  return origListen.apply(this, a);
};
for (const mod of ['http', 'https', 'http2']) {
  const m = require(`node:${mod}`);
  for (const n of ['request', 'get', 'connect', 'createServer']) if (typeof m[n] === 'function') m[n] = (...a) => refuse(`${mod}.${n} ${String(a[0])}`);
}
const tls = require('node:tls');
tls.connect = (...a) => refuse(`tls.connect ${JSON.stringify(a[0])}`);
const dns = require('node:dns');
for (const n of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[n] = (...a) => refuse(`dns.${n} ${a[0]}`);
for (const n of ['lookup', 'resolve']) dns.promises[n] = async (...a) => refuse(`dns.promises.${n} ${a[0]}`);
require('node:dgram').createSocket = (...a) => refuse(`dgram.createSocket ${a[0]}`);
globalThis.fetch = async (u) => refuse(`fetch ${u}`);
globalThis.WebSocket = function () {
  refuse('WebSocket');
};

// Child processes: recorded and refused (nothing from the workspace, nor anything else, is run).
const cp = require('node:child_process');
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  cp[n] = (...a) => {
    record('process', `${n} ${String(a[0])}`);
    throw new Error(`cadre-ia audit: child process refused (${n} ${a[0]})`);
  };
}
record('start', process.argv.slice(1).join(' '));
process.on('exit', (code) => record('exit', code));
