#!/usr/bin/env node
// Bundles every service entrypoint for the images: services/<name>/src/main/<file>.ts becomes
// services/<name>/dist/main/<file>.js (the commands in cdktf/src/service-commands.ts). Workspace
// packages, whose `main` is TypeScript source, are inlined; every other package stays a require()
// of node_modules, so the image can prune to production dependencies after this step.
// esbuild comes with tsx (a root devDependency). Like tsx, it emits no decorator metadata: the
// services put @inject() on every constructor parameter.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Inlined: our workspaces, and the ESM-only packages a CommonJS bundle cannot require() on every Node 20.
const INLINE = [/^@mediaflow\//, /^inversify$/, /^@inversifyjs\//, /^jose$/];

const packageNameOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const thirdPartyStaysExternal = {
  name: 'third-party-stays-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point' || path.isAbsolute(args.path)) return undefined;
      const name = packageNameOf(args.path);
      return INLINE.some((r) => r.test(name)) ? undefined : { path: args.path, external: true };
    });
  },
};

const entryPoints = readdirSync(path.join(root, 'services')).flatMap((service) => {
  const main = path.join(root, 'services', service, 'src', 'main');
  if (!existsSync(main)) return [];
  return readdirSync(main)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => ({ in: path.join(main, f), out: path.join('services', service, 'dist', 'main', f.slice(0, -'.ts'.length)) }));
});

if (entryPoints.length === 0) {
  process.stderr.write('no entrypoints under services/*/src/main/: nothing for the image to run\n');
  process.exit(1);
}

await build({
  absWorkingDir: root,
  entryPoints,
  outdir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'info',
  plugins: [thirdPartyStaysExternal],
});
process.stderr.write(`bundled ${entryPoints.length} entrypoints: ${entryPoints.map((e) => e.out).join(', ')}\n`);
