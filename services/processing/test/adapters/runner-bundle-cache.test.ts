// The runner bundles' cache: each source change leaves a bundle behind, and a pool's start deletes
// those no pool has used for 30 days, never the one it is about to fork nor files that are not bundles.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { markUsed, pruneUnusedBundles } from '../../src/adapters/local/runner-bundle';

const DAY = 24 * 3600 * 1000;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-bundle-cache-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, ageDays: number): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '// bundle');
  const at = new Date(Date.now() - ageDays * DAY);
  fs.utimesSync(file, at, at);
  return file;
};

describe('runner bundle cache', () => {
  it('deletes bundles unused for 30 days, keeps recent ones, the current one and anything that is not a bundle', () => {
    const old = write('runner-0123456789abcdef.cjs', 31);
    const recent = write('runner-fedcba9876543210.cjs', 29);
    const current = write('runner-aaaaaaaaaaaaaaaa.cjs', 90);
    const other = write('notes.txt', 400);
    pruneUnusedBundles(dir, current);
    expect([old, recent, current, other].map((f) => fs.existsSync(f))).toEqual([false, true, true, true]);
  });

  it('marks a bundle used when a pool forks from it, so another pool does not prune it, and touches no other file', () => {
    const bundle = write('runner-0123456789abcdef.cjs', 40);
    const source = write('runner.ts', 40);
    markUsed(bundle);
    markUsed(source);
    pruneUnusedBundles(dir, path.join(dir, 'runner-ffffffffffffffff.cjs'));
    expect(fs.existsSync(bundle)).toBe(true);
    expect(Date.now() - fs.statSync(bundle).mtimeMs).toBeLessThan(DAY);
    expect(Date.now() - fs.statSync(source).mtimeMs).toBeGreaterThan(39 * DAY);
  });
});
