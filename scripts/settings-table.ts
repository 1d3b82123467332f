// The README's settings table, generated from the zod schemas every process validates its
// environment with: `npm run settings:table` prints it, `-- --write` puts it into README.md between
// the markers, `-- --check` exits 1 when the README differs (tests/test/settings-table.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { renderSettingsTable, withSettingsTable, type SettingsSource } from '@mediaflow/config';
import { EmbeddedEnvironmentSchema } from '@mediaflow/embedded';
import { AuthEnvironmentSchema } from '@mediaflow/http';
import { IngestEnvironmentSchema } from '@mediaflow/ingest/settings';
import { JobsEnvironmentSchema } from '@mediaflow/jobs/settings';
import { NotificationsEnvironmentSchema } from '@mediaflow/notifications/settings';
import { ProcessingEnvironmentSchema } from '@mediaflow/processing/settings';
import { ApiProcessEnvironmentSchema, InfrastructureEnvironmentSchema } from '@mediaflow/runtime';

const SERVICES = ['ingest', 'jobs', 'processing', 'notifications'];

/** Every schema a process reads its environment with, and who reads it. */
export const settingsSources: readonly SettingsSource[] = [
  { readBy: [...SERVICES, 'embedded'], schema: InfrastructureEnvironmentSchema },
  { readBy: ['AWS api tasks'], schema: ApiProcessEnvironmentSchema },
  { readBy: ['AWS api tasks'], schema: AuthEnvironmentSchema },
  { readBy: ['embedded'], schema: EmbeddedEnvironmentSchema },
  { readBy: ['ingest'], schema: IngestEnvironmentSchema },
  { readBy: ['jobs'], schema: JobsEnvironmentSchema },
  { readBy: ['processing'], schema: ProcessingEnvironmentSchema },
  { readBy: ['notifications'], schema: NotificationsEnvironmentSchema },
];

export const README = path.resolve(__dirname, '..', 'README.md');

/** The README as it should be: its settings table rendered from the schemas. */
export const expectedReadme = (readme: string): string => withSettingsTable(readme, renderSettingsTable(settingsSources));

if (require.main === module) {
  const readme = fs.readFileSync(README, 'utf8');
  if (process.argv.includes('--write')) fs.writeFileSync(README, expectedReadme(readme));
  else if (process.argv.includes('--check')) {
    if (expectedReadme(readme) !== readme) {
      process.stderr.write('README.md settings table is out of date: npm run settings:table -- --write\n');
      process.exitCode = 1;
    }
  } else process.stdout.write(`${renderSettingsTable(settingsSources)}\n`);
}
