// The README's settings table is generated from the settings schemas: it fails here when a variable
// is added, removed, re-described or given another default without `npm run settings:table -- --write`.
import fs from 'node:fs';
import { settingRows } from '@mediaflow/config';
import { expectedReadme, README, settingsSources } from '../../scripts/settings-table';

it("the README's settings table matches the schemas", () => {
  const readme = fs.readFileSync(README, 'utf8');
  expect(readme).toBe(expectedReadme(readme));
});

it('declares each MEDIAFLOW_ variable once, with a description', () => {
  const rows = settingRows(settingsSources);
  const names = rows.map((r) => r.name);
  expect(names.filter((n, i) => n.startsWith('MEDIAFLOW_') && names.indexOf(n) !== i)).toEqual([]);
  expect(rows.filter((r) => r.description === '').map((r) => r.name)).toEqual([]);
});
