// From TypeScript sources the embedded pool forks a bundle of the runner, not runner.ts through tsx:
// plain node loads one CommonJS file in a fraction of tsx's time. esbuild (a root devDependency) builds
// it once per pool start with the options of docker/bundle-entrypoints.mjs (our workspaces and the
// ESM-only packages inlined, every other package a require() of node_modules). The file is named by a
// hash of its own content, so pools of different checkouts or test workers never overwrite a bundle
// another pool's runners are loading, and an unchanged build is not written twice. It sits in
// node_modules/.cache (the home of tool caches, shared by every data dir and test run) so that its
// external require()s resolve to the repository's node_modules.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type * as Esbuild from 'esbuild';

// Inlined: our workspaces, and the ESM-only packages a CommonJS bundle cannot require() on every Node 20.
const INLINE = [/^@mediaflow\//, /^inversify$/, /^@inversifyjs\//, /^jose$/];

const packageNameOf = (specifier: string): string =>
  specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const thirdPartyStaysExternal: Esbuild.Plugin = {
  name: 'third-party-stays-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || path.isAbsolute(args.path)) return undefined;
      return INLINE.some((r) => r.test(packageNameOf(args.path))) ? undefined : { path: args.path, external: true };
    });
  },
};

/** node_modules/.cache/mediaflow-runner beside the esbuild this build uses, i.e. the repository's node_modules. */
const cacheDir = (): string => {
  const esbuildDir = path.dirname(require.resolve('esbuild/package.json'));
  return path.join(path.dirname(esbuildDir), '.cache', 'mediaflow-runner');
};

export interface RunnerBundle {
  readonly path: string;
  readonly built: boolean;
  readonly ms: number;
}

/** A bundle no pool has started with (or forked from, warm-spares.ts) for this long is deleted. */
const UNUSED_BUNDLE_MS = 30 * 24 * 3600 * 1000;
const BUNDLE_NAME = /^runner-[0-9a-f]{16}\.cjs$/;

/** Its mtime says when a pool last used it. Best effort: a read-only cache only loses the pruning. */
export const markUsed = (file: string): void => {
  if (!BUNDLE_NAME.test(path.basename(file))) return; // runner.ts or a build's runner.js: not ours to touch
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // not ours to write (or not a bundle): nothing is pruned by mtime then
  }
};

/** Each source change leaves a ~1 MB bundle behind: those unused for 30 days go. */
export const pruneUnusedBundles = (dir: string, keep: string, now = Date.now()): void => {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // no cache yet
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (file === keep || !BUNDLE_NAME.test(name)) continue;
    try {
      if (fs.statSync(file).mtimeMs < now - UNUSED_BUNDLE_MS) fs.rmSync(file, { force: true });
    } catch {
      // gone already: another pool pruned it
    }
  }
};

/** Bundles `source` (runner.ts) into the cache; throws when esbuild is missing or the build fails. */
export const bundleRunner = async (source: string): Promise<RunnerBundle> => {
  const started = Date.now();
  // Required here, not imported: a compiled build never bundles and may not ship esbuild.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { build } = require('esbuild') as typeof Esbuild;
  const dir = cacheDir();
  const result = await build({
    entryPoints: [source],
    // Not written (write: false) but placed: the source map's paths are relative to this folder.
    outfile: path.join(dir, 'runner.cjs'),
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    keepNames: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [thirdPartyStaysExternal],
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.cjs'));
  if (!code) throw new Error('esbuild produced no runner bundle');
  const hash = createHash('sha256').update(code.contents).digest('hex').slice(0, 16);
  const file = path.join(dir, `runner-${hash}.cjs`);
  pruneUnusedBundles(dir, file);
  if (fs.existsSync(file)) {
    markUsed(file);
    return { path: file, built: false, ms: Date.now() - started };
  }
  fs.mkdirSync(dir, { recursive: true });
  // Written beside and renamed: a runner never loads a half-written file.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, code.contents);
  fs.renameSync(temp, file);
  return { path: file, built: true, ms: Date.now() - started };
};
