// The environment's EventBridge schema registry: one schema per published event and major version,
// JSON Schema draft-04 built from @mediaflow/contracts' zod schemas, so other teams can browse them
// and download code bindings. Names: `<source>@<EventName>.v<major>` (see README "Schema registry").
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SchemasRegistry } from '@cdktf/provider-aws/lib/schemas-registry';
import { SchemasSchema } from '@cdktf/provider-aws/lib/schemas-schema';
import { eventJsonSchemaDraft4, registeredEvents, type RegisteredEvent } from '@mediaflow/contracts';
import { Construct } from 'constructs';
import { foundationNames } from '../naming/infra-names';

/** EventBridge's limit on a schema's content. */
export const MAX_SCHEMA_CHARACTERS = 100_000;

/** `mediaflow.jobs@JobCompleted.v1`: the source, `@`, the detail-type, the major version. */
export const registrySchemaName = (event: Pick<RegisteredEvent, 'source' | 'name' | 'version'>): string =>
  `${event.source}@${event.name}.v${event.version}`;

/** The version of @mediaflow/contracts the schemas come from (its package.json, next to its entry's folder). */
const contractsVersion = (): string => {
  const entry = require.resolve('@mediaflow/contracts');
  const manifest = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
};

export class SchemaRegistry extends Construct {
  readonly registry: SchemasRegistry;
  readonly schemas: SchemasSchema[];

  constructor(scope: Construct, id: string, props: { env: string }) {
    super(scope, id);
    const version = contractsVersion();
    this.registry = new SchemasRegistry(this, 'registry', {
      name: foundationNames(props.env).schemaRegistry,
      description: `mediaflow's published events (@mediaflow/contracts ${version})`,
    });
    this.schemas = registeredEvents().map((event) => {
      const name = registrySchemaName(event);
      const content = JSON.stringify(eventJsonSchemaDraft4(event.name, event.version));
      if (content.length > MAX_SCHEMA_CHARACTERS) {
        throw new Error(`schema ${name} is ${content.length} characters, over EventBridge's ${MAX_SCHEMA_CHARACTERS}`);
      }
      return new SchemasSchema(this, name, {
        registryName: this.registry.name,
        name,
        type: 'JSONSchemaDraft4',
        content,
        description: `${event.name} v${event.version}: detail-type ${event.name}, source ${event.source} (@mediaflow/contracts ${version})`,
        tags: { 'contracts-version': version, event: event.name, 'major-version': String(event.version) },
      });
    });
  }
}
