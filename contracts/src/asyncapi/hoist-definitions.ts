// Moves a standalone JSON Schema's `$defs` into the AsyncAPI document's components.schemas: inside
// the document `#` is the document's root, so a published schema's `#/$defs/X` must become
// `#/components/schemas/X`. Two schemas defining one name differently would silently overwrite each
// other, so that throws (both come from one generator, so key order is stable).
import type { JsonSchema } from '../json-schema/event-json-schema';

const rewriteRefs = (node: unknown, componentsRef: string): unknown => {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, componentsRef));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')
        ? [key, `${componentsRef}${value.slice('#/$defs/'.length)}`]
        : [key, rewriteRefs(value, componentsRef)],
    ),
  );
};

const addSchema = (schemas: Record<string, JsonSchema>, name: string, schema: JsonSchema): void => {
  const existing = schemas[name];
  if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(schema)) {
    throw new Error(`two schemas define ${name} differently; give one of them another .meta({ id })`);
  }
  schemas[name] = schema;
};

/** Adds the schema (as `name`, unless its root is only a `$ref`) and its definitions; returns the $ref to it. */
export const hoistDefinitions = (
  name: string,
  generated: JsonSchema,
  schemas: Record<string, JsonSchema>,
  componentsRef: string,
): string => {
  const { $schema: _schema, $id: _id, $defs, ...root } = rewriteRefs(generated, componentsRef) as JsonSchema;
  for (const [defName, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>))
    addSchema(schemas, defName, def);
  const keys = Object.keys(root);
  if (keys.length === 1 && typeof root['$ref'] === 'string') return root['$ref'];
  addSchema(schemas, name, root);
  return `${componentsRef}${name}`;
};
