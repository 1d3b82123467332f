#!/usr/bin/env node
// Installs a pinned Node.js line beside the project, no system change: the official binaries as the
// npm registry ships them (package node-<platform>-<arch>, a tarball with bin/node and nothing to
// build), into .tools/node-<major>. Prints the folder to put first on PATH. Reuses an existing install.
//   PATH="$(node scripts/node-line.mjs 24):$PATH" npm test
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PINNED = { 22: '22.23.5', 24: '24.22.3' };

const major = process.argv[2];
const version = PINNED[major];
if (!version) {
  process.stderr.write(`usage: node scripts/node-line.mjs <${Object.keys(PINNED).join('|')}>\n`);
  process.exit(2);
}
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const prefix = path.join(root, '.tools', `node-${major}`);
const pkg = `node-${process.platform}-${process.arch}`;
const bin = path.join(prefix, 'node_modules', pkg, 'bin');

const installed = () => {
  const r = spawnSync(path.join(bin, 'node'), ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${version}`;
};

if (!installed()) {
  fs.mkdirSync(prefix, { recursive: true });
  // Its own package.json keeps npm from taking the workspace root above for the project.
  fs.writeFileSync(path.join(prefix, 'package.json'), `${JSON.stringify({ name: `node-${major}`, private: true }, null, 2)}\n`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', '--prefix', prefix, `${pkg}@${version}`], {
    stdio: ['ignore', 2, 2], // stdout carries only the folder
  });
  if (r.status !== 0 || !installed()) {
    process.stderr.write(`could not install Node ${version} (${pkg}) from the npm registry\n`);
    process.exit(1);
  }
}
process.stdout.write(`${bin}\n`);
