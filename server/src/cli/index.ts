import { installNodeResources } from '../node/resources';
import { main } from './main';
import './catalogue';
import './diff';
import './init';
import './lsp';
import './notice';
import './report';

// Entry point of the `cadre-ia` bin.
installNodeResources();
main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
}).then(
  (code) => {
    // `lsp` keeps running; the others set the exit code and let stdout drain.
    if (code >= 0) process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`cadre-ia: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
