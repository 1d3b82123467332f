// The JSON Schema of one published event version, built one way for the generator script and the
// compatibility test, so the committed files and the test's in-memory copies cannot drift apart.
import { z } from 'zod';
import { schemaFor } from '../registry/event-lookup';

export type JsonSchema = Record<string, unknown>;

export const jsonSchemaFileName = (name: string, version: number): string => `${name}.v${version}.json`;

export const eventJsonSchema = (name: string, version: number): JsonSchema => {
  const generated = z.toJSONSchema(schemaFor(name, version), {
    target: 'draft-2020-12',
    // 'input' describes what parsing accepts, i.e. the bytes on the wire, which is what another team
    // (or another language) validates against. 'output' would differ as soon as a schema used a
    // default or a transform: a defaulted field would show as required though producers may omit it.
    io: 'input',
    // Any zod type without a JSON Schema form must fail generation, not silently publish `{}`.
    unrepresentable: 'throw',
  }) as JsonSchema;
  const { $schema, ...rest } = generated;
  // A relative $id lets a validator (ajv, jsonschema) load every published file and resolve them by name.
  return { $schema, $id: jsonSchemaFileName(name, version), ...rest };
};
