#!/usr/bin/env node
// The `mediaflow` command: runs the TypeScript sources through tsx's CommonJS hook (no build step),
// as `npm start` runs the server. Works on Node 20.19+ and 22.
'use strict';
const path = require('node:path');

require('tsx/cjs');
require(path.join(__dirname, '..', 'src', 'main.ts')).main(process.argv.slice(2));
