#!/usr/bin/env node
// biome-ignore lint/suspicious/noRedundantUseStrict: a CommonJS script (package.json has no "type"), where the directive is not implied
'use strict';
// The `cadre-ia` command. dist/cli.js is the bundle built by `npm run build` (npm runs it
// through the `prepare` script when this package is installed from git or packed).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'cadre-ia : le programme n’est pas construit (dist/cli.js manque) : lancez `npm run build` dans ' +
      path.join(__dirname, '..') +
      '.\ncadre-ia: the program is not built (dist/cli.js is missing): run `npm run build` in that folder.\n',
  );
  process.exitCode = 2;
} else {
  require(cli);
}
