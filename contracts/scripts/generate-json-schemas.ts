// Writes the JSON Schema of every registered (event, major version) to schemas/, plus an index.
// The files are committed: they are the published versions the compatibility test holds us to, so
// this script refuses to overwrite one with a breaking change (that is a new major version instead).
// Run: npm run schemas -w @mediaflow/contracts   (--force: overwrite anyway, for a version never released)
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBreakingChanges } from '../src/compat/breaking-changes';
import { eventJsonSchema, jsonSchemaFileName, type JsonSchema } from '../src/json-schema/event-json-schema';
import { registeredEvents } from '../src/registry/event-lookup';

const schemasDir = join(__dirname, '..', 'schemas');
const force = process.argv.includes('--force');
const toFileText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const events = registeredEvents();
const generated = events.map(({ name, version }) => ({
  file: jsonSchemaFileName(name, version),
  schema: eventJsonSchema(name, version),
}));

const breaking = generated.flatMap(({ file, schema }) => {
  const path = join(schemasDir, file);
  if (!existsSync(path)) return [];
  const published = JSON.parse(readFileSync(path, 'utf8')) as JsonSchema;
  return findBreakingChanges(published, schema).map((change) => `${file} ${change.path}: ${change.message}`);
});
if (breaking.length > 0 && !force) {
  console.error(`Refusing to overwrite published schemas with breaking changes:\n  ${breaking.join('\n  ')}`);
  console.error(
    'Publish a new major version instead (see README), or pass --force for a version never released.',
  );
  process.exit(1);
}

mkdirSync(schemasDir, { recursive: true });
for (const { file, schema } of generated) writeFileSync(join(schemasDir, file), toFileText(schema));

const index = events.map(({ name, version, publisher, source, schemaId }) => ({
  name,
  version,
  publisher,
  source,
  schemaId,
  file: jsonSchemaFileName(name, version),
}));
writeFileSync(join(schemasDir, 'index.json'), toFileText({ events: index }));

// A version dropped from the registry leaves the package too; git shows the deletion for review.
const kept = new Set(['index.json', ...generated.map((g) => g.file)]);
for (const file of readdirSync(schemasDir)) {
  if (file.endsWith('.json') && !kept.has(file)) {
    rmSync(join(schemasDir, file));
    console.log(`removed ${file} (no longer registered)`);
  }
}
console.log(`wrote ${generated.length} schemas and index.json to ${schemasDir}`);
