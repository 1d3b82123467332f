// The CLI's bundle: cli/src built by esbuild into ESM chunks under cli/dist/, so that node starts
// the `mediaflow` command in ~0.1 s instead of ~0.6 s through tsx, and a command loads only what it
// uses (the AWS SDK, the bus, zod and jose stay out of `upload` and `--help`). Beside the chunks,
// sources.json lists the workspace files it was built from: a bundle older than any of them is stale.
// `npm run build -w @mediaflow/cli` builds it; bin/mediaflow.cjs builds it itself when it is missing
// or stale, and runs the sources through tsx when it cannot (no esbuild, a build error).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const CLI = path.resolve(__dirname, '..');
const ROOT = path.resolve(CLI, '..');
const DIST = path.join(CLI, 'dist');
const POINTER = path.join(DIST, 'current.json');
/** Besides the sources esbuild read: a dependency update changes the lock file. */
const ALWAYS_WATCHED = ['package-lock.json', 'cli/package.json', 'cli/scripts/bundle.cjs'];
/** Builds older than this, other than the current one, are removed by the next build. */
const OLD_BUILD_MS = 3600_000;

const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

/** The entry of the current bundle when no source it lists is newer than it, else undefined. */
const freshEntry = () => {
  const pointer = readJson(POINTER);
  if (!pointer || typeof pointer.dir !== 'string') return undefined;
  const dir = path.join(DIST, pointer.dir);
  const manifest = readJson(path.join(dir, 'sources.json'));
  if (!manifest || !Array.isArray(manifest.sources)) return undefined;
  for (const source of manifest.sources) {
    let stat;
    try {
      stat = fs.statSync(path.join(ROOT, source));
    } catch {
      return undefined;
    }
    if (stat.mtimeMs > manifest.builtAtMs) return undefined;
  }
  const entry = path.join(dir, 'main.mjs');
  return fs.existsSync(entry) ? entry : undefined;
};

const removeOldBuilds = (keep) => {
  for (const name of fs.readdirSync(DIST)) {
    const dir = path.join(DIST, name);
    if (name === keep || !name.startsWith('build-')) continue;
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > OLD_BUILD_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another build removed it first.
    }
  }
};

/**
 * Builds into a folder of its own and then points current.json at it (a rename: atomic), so a
 * command running from the previous build keeps its chunks and concurrent builds do not collide.
 */
const build = async () => {
  const esbuild = require('esbuild');
  const builtAtMs = Date.now();
  const name = `build-${builtAtMs}-${process.pid}`;
  const dir = path.join(DIST, name);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: path.join(CLI, 'src', 'main.ts') },
    outdir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS packages call require(); ESM has none of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // A native addon finds its .node file next to its own package: leave it there. The AWS SDK (only
    // events replay --aws loads it) stays in node_modules too: node's own import of it gives the
    // named exports of its CommonJS build, which a bundled dynamic import() would not.
    external: ['better-sqlite3', '@aws-sdk/*'],
    metafile: true,
    logLevel: 'silent',
  });
  const sources = [...new Set([...Object.keys(result.metafile.inputs).filter((input) => !input.includes('node_modules/')), ...ALWAYS_WATCHED])];
  fs.writeFileSync(path.join(dir, 'sources.json'), JSON.stringify({ builtAtMs, sources }));
  const pointerTmp = `${POINTER}.${process.pid}.tmp`;
  fs.writeFileSync(pointerTmp, JSON.stringify({ dir: name }));
  fs.renameSync(pointerTmp, POINTER);
  removeOldBuilds(name);
  return path.join(dir, 'main.mjs');
};

/** The entry to run: the current bundle, or a new one; undefined when it cannot be built. */
const bundledEntry = async () => {
  const fresh = freshEntry();
  if (fresh) return fresh;
  try {
    return await build();
  } catch {
    return undefined;
  }
};

module.exports = { freshEntry, build, bundledEntry };

if (require.main === module) {
  build().then(
    (entry) => process.stdout.write(`built ${path.relative(ROOT, entry)}\n`),
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
