// The real UI build (esbuild + swagger-ui-dist) into a temp dist, and --if-stale skipping a fresh one.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = path.join(__dirname, '..', 'scripts', 'build.mjs');

let root: string;
let dist: string;

const build = (...args: string[]) => run(process.execPath, [script, ...args], { env: { ...process.env, MEDIAFLOW_WEB_DIST: dist }, timeout: 60_000 });
const stampTime = (): number => fs.statSync(path.join(dist, '.build-stamp')).mtimeMs;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-web-build-'));
  dist = path.join(root, 'dist');
  await build();
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('web/scripts/build.mjs', () => {
  it('writes index.html pointing at the hashed app script and stylesheet it built', () => {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const script = /<script type="module" src="(\/assets\/app-[A-Z0-9]+\.js)"><\/script>/.exec(html)?.[1];
    const styles = /<link rel="stylesheet" href="(\/assets\/app-[A-Z0-9]+\.css)" \/>/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(styles).toBeDefined();
    expect(fs.statSync(path.join(dist, script!)).size).toBeGreaterThan(1000);
    expect(fs.statSync(path.join(dist, styles!)).size).toBeGreaterThan(100);
    expect(html).not.toContain('<!-- build:');
  });

  it('splits hls.js into its own chunk', () => {
    expect(fs.readdirSync(path.join(dist, 'assets')).some((f) => /^chunk-hls-[A-Z0-9]+\.js$/.test(f))).toBe(true);
  });

  it('writes the API docs page with Swagger UI beside it', () => {
    for (const file of ['index.html', 'docs.js', 'swagger-ui-bundle.js', 'swagger-ui.css']) expect(fs.existsSync(path.join(dist, 'docs', file))).toBe(true);
  });

  it('writes the events page beside it, with no script or style from another origin', () => {
    const events = path.join(dist, 'docs', 'events');
    for (const file of ['index.html', 'events.js', 'events.css']) expect(fs.existsSync(path.join(events, file))).toBe(true);
    const html = fs.readFileSync(path.join(events, 'index.html'), 'utf8');
    expect(html.match(/(?:src|href)="[^"]*"/g)?.filter((ref) => /\/\//.test(ref))).toEqual([]);
    expect(fs.readFileSync(path.join(dist, 'docs', 'index.html'), 'utf8')).toContain('href="events/index.html"');
  });

  it('does not rebuild with --if-stale right after a build', async () => {
    const before = stampTime();
    const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const { stdout } = await build('--if-stale');
    expect(stdout).toBe('');
    expect(stampTime()).toBe(before);
    expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe(index);
  }, 60_000);

  it('rebuilds with --if-stale once a source is newer than the build stamp', async () => {
    const stamp = path.join(dist, '.build-stamp');
    fs.utimesSync(stamp, new Date(0), new Date(0));
    const { stdout } = await build('--if-stale');
    expect(stdout).toMatch(/^web: built /);
    expect(stampTime()).toBeGreaterThan(Date.now() - 60_000);
  }, 60_000);
});
