// The JSON Schema (draft-04) of one published event version as EventBridge carries it — source,
// detail-type, and detail = { metadata, data } — for registries that take draft-04 only (the
// EventBridge schema registry). Built from the same zod schemas as the published draft 2020-12 files.
import { z } from 'zod';
import { EventMetadataSchema, sourceOf } from '../envelope';
import { publisherOf, schemaFor } from '../registry/event-lookup';
import type { JsonSchema } from './event-json-schema';

export const eventJsonSchemaDraft4 = (name: string, version: number): JsonSchema =>
  z.toJSONSchema(
    z.object({
      source: z.literal(sourceOf(publisherOf(name))),
      'detail-type': z.literal(name),
      detail: z.object({
        metadata: EventMetadataSchema.extend({ version: z.literal(version) }),
        data: schemaFor(name, version),
      }),
    }),
    // Same choices as eventJsonSchema: the wire format (input), and no silent `{}` for a zod type
    // JSON Schema cannot express.
    { target: 'draft-4', io: 'input', unrepresentable: 'throw' },
  ) as JsonSchema;
