// The README's package map is generated from the exports maps: it fails here when a subpath is
// added, removed or re-described without `node scripts/package-map.mjs --write`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

it("the README's package map matches every workspace's exports", () => {
  const result = spawnSync(process.execPath, [path.resolve(__dirname, '..', '..', 'scripts', 'package-map.mjs'), '--check'], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});
