#!/usr/bin/env node
// Builds better-sqlite3 (the version the repo installed) for a pinned Node line installed by
// node-line.mjs, into .tools/better-sqlite3-node<major>, outside the repo's node_modules, so that Node
// can load it without touching the Node 20 build the workspaces use. Compiled with node-gyp against
// that Node's own headers (~100 s on 2 cores), then reused. Prints the folder holding node_modules/.
//   node scripts/better-sqlite3-line.mjs 24   →   …/.tools/better-sqlite3-node24
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const major = process.argv[2];
if (!/^\d+$/.test(major ?? '')) {
  process.stderr.write('usage: node scripts/better-sqlite3-line.mjs <node major, e.g. 24>\n');
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const version = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
).version;
const nodeBin = execFileSync(process.execPath, [path.join(root, 'scripts', 'node-line.mjs'), major], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 2],
}).trim();
const node = path.join(nodeBin, 'node');
// The npm package's folder has include/node (headers, common.gypi, config.gypi): node-gyp's --nodedir.
const nodeDir = path.dirname(nodeBin);
const prefix = path.join(root, '.tools', `better-sqlite3-node${major}`);
// build_from_source: no prebuilt binary fetched from GitHub; the addon is compiled here, against nodeDir.
const env = {
  ...process.env,
  PATH: `${nodeBin}${path.delimiter}${process.env.PATH}`,
  npm_config_build_from_source: 'true',
};

// Loads it in that Node: the build is usable only if its addon opens a database there.
const loads = () =>
  spawnSync(
    node,
    [
      '-e',
      `const D = require(${JSON.stringify(path.join(prefix, 'node_modules', 'better-sqlite3'))}); new D(':memory:').close(); if (require(${JSON.stringify(path.join(prefix, 'node_modules', 'better-sqlite3', 'package.json'))}).version !== ${JSON.stringify(version)}) process.exit(1)`,
    ],
    { env, stdio: 'ignore' },
  ).status === 0;

if (!loads()) {
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(prefix, { recursive: true });
  // Its own package.json keeps npm from taking the workspace root above for the project.
  fs.writeFileSync(
    path.join(prefix, 'package.json'),
    `${JSON.stringify({ name: `better-sqlite3-node${major}`, private: true }, null, 2)}\n`,
  );
  process.stderr.write(
    `building better-sqlite3@${version} for Node ${major} (${node}) into ${prefix}, once (~100 s)…\n`,
  );
  const r = spawnSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-save',
      '--no-package-lock',
      `--nodedir=${nodeDir}`,
      '--prefix',
      prefix,
      `better-sqlite3@${version}`,
    ],
    { env, stdio: ['ignore', 2, 2] }, // stdout carries only the folder
  );
  if (r.status !== 0 || !loads()) {
    process.stderr.write(`could not build better-sqlite3@${version} for Node ${major}\n`);
    process.exit(1);
  }
}
process.stdout.write(`${prefix}\n`);
