#!/usr/bin/env node
// Builds the web UI into web/dist: the app bundled by esbuild (hashed names; hls.js split into its own
// chunk, loaded only by the job page), index.html pointing at them, and the API docs page (Swagger UI
// from swagger-ui-dist, rendering the API's /openapi.json; docs/events/, rendering its /asyncapi.json). Static files only: the embedded server
// serves them, or S3 + CloudFront (cdktf web stack). `--if-stale` skips the build when dist is newer
// than every source file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const appDir = path.join(webDir, 'app');
const dist = process.env.MEDIAFLOW_WEB_DIST ?? path.join(webDir, 'dist');
const stamp = path.join(dist, '.build-stamp');
const require = createRequire(import.meta.url);

const newestSource = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }, 0);

export const isStale = () =>
  !fs.existsSync(stamp) || Math.max(newestSource(appDir), fs.statSync(fileURLToPath(import.meta.url)).mtimeMs) > fs.statSync(stamp).mtimeMs;

export const buildWeb = async ({ quiet = false } = {}) => {
  const started = Date.now();
  // Loaded here, not at the top: `--if-stale` on a fresh build (every `npm start`, every test
  // deployment) then costs a stat walk instead of loading esbuild.
  const esbuild = await import('esbuild');
  // Built beside dist and swapped in at the end: a server (or a parallel test worker) reading dist
  // meanwhile sees the whole old build or the whole new one, never a half-emptied folder.
  const out = `${dist}.building-${process.pid}`;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'docs'), { recursive: true });
  const result = await esbuild.build({
    entryPoints: { app: path.join(appDir, 'main.tsx') },
    outdir: path.join(out, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    sourcemap: true,
    target: ['chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: path.join(appDir, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: quiet ? 'error' : 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, o]) => o.entryPoint?.endsWith('main.tsx') && !o.cssBundle?.endsWith('.map'));
  const js = entry?.[0];
  const css = entry?.[1].cssBundle;
  if (!js || !css) throw new Error('web build: the app bundle or its stylesheet is missing from the esbuild output');
  const rel = (file) => `/${path.relative(out, path.resolve(file)).split(path.sep).join('/')}`;
  const html = fs
    .readFileSync(path.join(appDir, 'index.html'), 'utf8')
    .replace('<!-- build: styles -->', `<link rel="stylesheet" href="${rel(css)}" />`)
    .replace('<!-- build: script -->', `<script type="module" src="${rel(js)}"></script>`);
  fs.writeFileSync(path.join(out, 'index.html'), html);
  const swagger = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) fs.copyFileSync(path.join(swagger, file), path.join(out, 'docs', file));
  for (const file of ['index.html', 'docs.js']) fs.copyFileSync(path.join(appDir, 'docs', file), path.join(out, 'docs', file));
  // The events page: plain files rendering the API's /asyncapi.json, no bundle and no CDN.
  fs.mkdirSync(path.join(out, 'docs', 'events'));
  for (const file of ['index.html', 'events.js', 'events.css']) fs.copyFileSync(path.join(appDir, 'docs', 'events', file), path.join(out, 'docs', 'events', file));
  const digest = crypto.createHash('sha256').update(html).digest('hex').slice(0, 12);
  fs.writeFileSync(path.join(out, '.build-stamp'), `${new Date().toISOString()} ${digest}\n`);
  const kb = (f) => `${(fs.statSync(path.resolve(f)).size / 1024).toFixed(0)} KB`;
  const sizes = `app ${kb(js)}, css ${kb(css)}`;
  const old = `${dist}.old-${process.pid}`;
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(out, dist);
  fs.rmSync(old, { recursive: true, force: true });
  if (!quiet) process.stdout.write(`web: built ${path.relative(process.cwd(), dist) || dist} in ${Date.now() - started} ms (${sizes})\n`);
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale()) await buildWeb();
}
