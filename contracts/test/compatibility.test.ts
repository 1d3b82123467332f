// Holds the code to its published contracts: every committed schema in schemas/ is a published
// version, and the schema generated now from the zod source must not break it (see README).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  eventJsonSchema,
  findBreakingChanges,
  jsonSchemaFileName,
  registeredEvents,
  type BreakingChange,
  type JsonSchema,
} from '../src';

const schemasDir = join(__dirname, '..', 'schemas');
const readJson = (file: string): JsonSchema =>
  JSON.parse(readFileSync(join(schemasDir, file), 'utf8')) as JsonSchema;
const committedFiles = readdirSync(schemasDir).filter((f) => f.endsWith('.json') && f !== 'index.json');
const events = registeredEvents();
const registeredFiles = events.map((e) => jsonSchemaFileName(e.name, e.version));

const explain = (file: string, changes: BreakingChange[]): string =>
  [
    `${file}: the current zod schema breaks the published version:`,
    ...changes.map((c) => `  - ${c.path || '(root)'} [${c.kind}] ${c.message}`),
    'Undo the change, make it additive (a new optional field), or publish it as a new major version (README, "Versioning").',
  ].join('\n');

describe('published event schemas', () => {
  it('has a committed schema for every registered event version', () => {
    const missing = registeredFiles.filter((f) => !committedFiles.includes(f));
    if (missing.length > 0)
      throw new Error(
        `no committed schema for ${missing.join(', ')}: run \`npm run schemas -w @mediaflow/contracts\``,
      );
  });

  it('registers an event version for every committed schema (a published version is never dropped silently)', () => {
    const unregistered = committedFiles.filter((f) => !registeredFiles.includes(f));
    expect(unregistered).toEqual([]);
  });

  describe.each(events.map((e) => [jsonSchemaFileName(e.name, e.version), e] as const))(
    '%s',
    (file, event) => {
      const committed = committedFiles.includes(file) ? readJson(file) : undefined;
      const current = eventJsonSchema(event.name, event.version);

      it('is not broken by the current zod schema', () => {
        if (committed === undefined) return; // reported by the "has a committed schema" test
        const changes = findBreakingChanges(committed, current);
        if (changes.length > 0) throw new Error(explain(file, changes));
      });

      it('is up to date (an additive change is published by regenerating)', () => {
        if (committed === undefined) return;
        if (!isDeepStrictEqual(current, committed) && findBreakingChanges(committed, current).length === 0) {
          throw new Error(
            `${file} is out of date; the change is compatible: run \`npm run schemas -w @mediaflow/contracts\` to publish it`,
          );
        }
      });
    },
  );

  it('lists every published version in index.json', () => {
    const index = readJson('index.json') as {
      events: { name: string; version: number; publisher: string; file: string }[];
    };
    expect(index.events).toEqual(
      events.map((e) =>
        expect.objectContaining({
          name: e.name,
          version: e.version,
          publisher: e.publisher,
          file: jsonSchemaFileName(e.name, e.version),
        }),
      ),
    );
  });
});
