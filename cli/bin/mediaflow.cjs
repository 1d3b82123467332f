#!/usr/bin/env node
// The `mediaflow` command. Runs the CLI's esbuild bundle (cli/dist, see scripts/bundle.cjs: ~0.1 s
// to start instead of ~0.6 s), building it first when it is missing or older than one of its
// sources; when it cannot be built (no esbuild installed, a build error) runs the TypeScript sources
// through tsx's CommonJS hook, as `npm start` runs the server. Works on Node 20.19+ and 22.
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { bundledEntry } = require('../scripts/bundle.cjs');

const argv = process.argv.slice(2);

const fromSources = () => {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'src', 'main.ts')).main(argv);
};

bundledEntry().then((entry) => {
  if (!entry) return fromSources();
  return import(pathToFileURL(entry).href).then((cli) => cli.main(argv), fromSources);
});
