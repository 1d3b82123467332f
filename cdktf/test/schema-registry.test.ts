// The foundation's EventBridge schema registry: exactly one draft-04 schema per published event and
// major version of @mediaflow/contracts' registry, named `<source>@<Name>.v<major>`, within AWS limits.
import { eventJsonSchemaDraft4, registeredEvents } from '@mediaflow/contracts';
import { MAX_SCHEMA_CHARACTERS, registrySchemaName } from '../src/foundation/schema-registry';
import { foundationNames } from '../src/naming/infra-names';
import { referencedResource } from './support/references';
import { only, resources, synthesizeStacks, TEST_ENV, type StackJson } from './support/synthesized-app';

describe('foundation stack: schema registry', () => {
  let foundation: StackJson;
  beforeAll(() => {
    foundation = synthesizeStacks({}, ['foundation']).foundation!;
  });
  const schemas = () => resources(foundation, 'aws_schemas_schema');

  it('has one registry, named with the environment', () => {
    const registry = only(resources(foundation, 'aws_schemas_registry'), 'schema registry');
    expect(registry.name).toBe(`mediaflow-${TEST_ENV}-events`);
    expect(registry.name).toBe(foundationNames(TEST_ENV).schemaRegistry);
    for (const s of schemas()) expect(referencedResource(foundation, s.registry_name)).toBe(foundation.resource!.aws_schemas_registry![registry.logicalId]);
  });

  it('holds exactly one schema per registered event and major version, with unique names', () => {
    const names = schemas().map((s) => String(s.name));
    const expected = registeredEvents().map((e) => `${e.source}@${e.name}.v${e.version}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual([...expected].sort());
    expect(registrySchemaName({ source: 'mediaflow.jobs', name: 'JobCompleted', version: 1 })).toBe('mediaflow.jobs@JobCompleted.v1');
  });

  it('stores JSON Schema draft-04 content, within 100,000 characters, matching the contracts and versioned with them', () => {
    const byName = new Map(schemas().map((s) => [String(s.name), s]));
    for (const event of registeredEvents()) {
      const schema = byName.get(registrySchemaName(event))!;
      expect(schema.type).toBe('JSONSchemaDraft4');
      const content = String(schema.content);
      expect(content.length).toBeLessThanOrEqual(MAX_SCHEMA_CHARACTERS);
      const parsed = JSON.parse(content) as Record<string, unknown>;
      expect(parsed.$schema).toBe('http://json-schema.org/draft-04/schema#');
      expect(content).not.toContain('$defs'); // a 2019+ keyword: draft-04 has only `definitions`
      expect(parsed).toEqual(eventJsonSchemaDraft4(event.name, event.version));
      expect(parsed).toMatchObject({
        properties: {
          source: { enum: [event.source] },
          'detail-type': { enum: [event.name] },
          detail: { properties: { metadata: { properties: { version: { enum: [event.version] } } } } },
        },
      });
      expect(String(schema.description)).toMatch(new RegExp(`^${event.name} v${event.version}: .*@mediaflow/contracts \\d+\\.\\d+\\.\\d+`));
      expect(schema.tags).toMatchObject({ event: event.name, 'major-version': String(event.version) });
      expect(String(schema.description).length).toBeLessThanOrEqual(256);
    }
  });

  it('names fit what Terraform and EventBridge accept', () => {
    for (const s of schemas()) expect(String(s.name)).toMatch(/^[A-Za-z][A-Za-z0-9_.@-]{0,384}$/);
  });
});
