// Bench-only preload of an embedded-run child (`node --import tsx --import <this file>`): makes
// require('better-sqlite3') load the build in BENCH_BETTER_SQLITE3_PREFIX (made for this Node by
// scripts/better-sqlite3-line.mjs) instead of the repo's, which is built for the Node that installed it.
import Module, { createRequire } from 'node:module';
import path from 'node:path';

type ResolveFilename = (this: unknown, request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: ResolveFilename };

const prefix = process.env.BENCH_BETTER_SQLITE3_PREFIX;
if (!prefix) throw new Error('BENCH_BETTER_SQLITE3_PREFIX is not set');
// Resolved before the hook is in place (resolving through it would recurse).
const fromPrefix = createRequire(path.join(prefix, 'package.json'));
const main = fromPrefix.resolve('better-sqlite3');
const folder = path.dirname(fromPrefix.resolve('better-sqlite3/package.json'));
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (request, ...rest) {
  if (request === 'better-sqlite3') return main;
  const inside = request.startsWith('better-sqlite3/')
    ? path.join(folder, request.slice('better-sqlite3/'.length))
    : request;
  return resolveFilename.call(this, inside, ...rest);
};
