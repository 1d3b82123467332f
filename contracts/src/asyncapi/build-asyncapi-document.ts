// Builds the AsyncAPI 3.0 catalog of every registered event: one channel per detail-type on the
// EventBridge bus, one message per major version (payload = the published JSON Schema inside the bus
// envelope), one `send` operation by its publisher. AsyncAPI has no EventBridge binding, so the
// source, detail-type and rule pattern are stated in `x-eventbridge-*` fields.
import { z } from 'zod';
import { EventMetadataSchema } from '../envelope';
import { eventJsonSchema, jsonSchemaFileName, type JsonSchema } from '../json-schema/event-json-schema';
import { registeredEvents, schemaFor, type RegisteredEvent } from '../registry/event-lookup';
import { hoistDefinitions } from './hoist-definitions';

export interface AsyncApiOptions {
  /** The contracts package version: the catalog is versioned with the schemas. */
  readonly version: string;
  /** A valid `detail.data` for an event version, shown as the message's example (checked here). */
  readonly exampleData: (name: string, version: number) => unknown;
  /** `detail.metadata` of the examples. */
  readonly exampleMetadata: (version: number) => unknown;
}

export type AsyncApiDocument = Record<string, unknown> & { asyncapi: '3.0.0' };

const COMPONENTS_REF = '#/components/schemas/';
const messageId = (e: RegisteredEvent): string => e.schemaId; // e.g. JobCompleted.v1
const operationId = (name: string): string => `publish${name}`;

/** What `.meta({ description })` says of the schema: the event's meaning, in one sentence. */
const meaningOf = (e: RegisteredEvent): string => {
  const meta = z.globalRegistry.get(e.schema);
  return typeof meta?.description === 'string' ? meta.description : `${e.name} version ${e.version}.`;
};

const eventPattern = (e: RegisteredEvent) => ({
  source: [e.source],
  'detail-type': [e.name],
  detail: { metadata: { version: [e.version] } },
});

const envelopeSchema = (e: RegisteredEvent, metadataRef: string, dataRef: string): JsonSchema => ({
  type: 'object',
  description: `The EventBridge event a subscriber's target receives (EventBridge adds id, time, account, region, resources).`,
  properties: {
    source: { type: 'string', const: e.source },
    'detail-type': { type: 'string', const: e.name },
    detail: {
      type: 'object',
      properties: {
        metadata: {
          allOf: [{ $ref: metadataRef }],
          properties: { version: { const: e.version } },
        },
        data: { $ref: dataRef },
      },
      required: ['metadata', 'data'],
      additionalProperties: false,
    },
  },
  required: ['source', 'detail-type', 'detail'],
});

const exampleOf = (e: RegisteredEvent, options: AsyncApiOptions) => {
  const data = options.exampleData(e.name, e.version);
  if (data === undefined) return [];
  const parsed = schemaFor(e.name, e.version).safeParse(data);
  if (!parsed.success)
    throw new Error(`the example of ${messageId(e)} does not match its schema: ${parsed.error.message}`);
  const metadata = EventMetadataSchema.parse(options.exampleMetadata(e.version));
  return [
    {
      name: `${e.name}-v${e.version}`,
      summary: `A ${e.name} ${e.source} publishes, as a subscriber receives it.`,
      payload: { source: e.source, 'detail-type': e.name, detail: { metadata, data } },
    },
  ];
};

export const buildAsyncApiDocument = (options: AsyncApiOptions): AsyncApiDocument => {
  const events = registeredEvents();
  const schemas: Record<string, JsonSchema> = {};
  const metadataSchema = z.toJSONSchema(EventMetadataSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
  });
  const metadataRef = hoistDefinitions(
    'EventMetadata',
    metadataSchema as JsonSchema,
    schemas,
    COMPONENTS_REF,
  );

  const messages: Record<string, unknown> = {};
  for (const e of events) {
    const dataRef = hoistDefinitions(e.schemaId, eventJsonSchema(e.name, e.version), schemas, COMPONENTS_REF);
    messages[messageId(e)] = {
      name: e.name,
      title: `${e.name} v${e.version}`,
      summary: meaningOf(e),
      description:
        `Published by ${e.publisher} on mediaflow's EventBridge bus with source \`${e.source}\` and ` +
        `detail-type \`${e.name}\`; \`detail.metadata.version\` is ${e.version}. \`detail.data\` is ` +
        `\`schemas/${jsonSchemaFileName(e.name, e.version)}\` ` +
        `in @mediaflow/contracts.`,
      contentType: 'application/json',
      'x-eventbridge-source': e.source,
      'x-eventbridge-detail-type': e.name,
      'x-eventbridge-pattern': eventPattern(e),
      'x-mediaflow-version': e.version,
      'x-json-schema': `schemas/${jsonSchemaFileName(e.name, e.version)}`,
      payload: envelopeSchema(e, metadataRef, dataRef),
      examples: exampleOf(e, options),
    };
  }

  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const name of [...new Set(events.map((e) => e.name))]) {
    const versions = events.filter((e) => e.name === name);
    const { source, publisher } = versions[0]!;
    channels[name] = {
      address: `${source}/${name}`,
      title: name,
      summary: meaningOf(versions[versions.length - 1]!),
      description: `Events with detail-type \`${name}\` from \`${source}\` on the bus; one message per major version.`,
      'x-eventbridge-source': source,
      'x-eventbridge-detail-type': name,
      messages: Object.fromEntries(
        versions.map((e) => [messageId(e), { $ref: `#/components/messages/${messageId(e)}` }]),
      ),
    };
    operations[operationId(name)] = {
      action: 'send',
      title: `${publisher} publishes ${name}`,
      channel: { $ref: `#/channels/${name}` },
      messages: versions.map((e) => ({ $ref: `#/channels/${name}/messages/${messageId(e)}` })),
      'x-publisher': publisher,
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'mediaflow events',
      version: options.version,
      description:
        "The events mediaflow publishes on its EventBridge bus, generated from @mediaflow/contracts' registry. " +
        'Each message is one event at one major version: EventBridge `source` = `mediaflow.<publisher>`, ' +
        '`detail-type` = the event name, `detail` = `{ metadata, data }`. Subscribe with a rule matching ' +
        '`x-eventbridge-pattern`; deduplicate by `detail.metadata.eventId` (delivery is at least once).',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas, messages },
  };
};
