// Consumers read tolerantly: a field added to a version after they were built (an additive, optional
// change, allowed within a major version) must not make them refuse the event. Producers stay strict
// (makeEnvelope), so our own typos are still caught where they are made.
import type { z } from 'zod';

const MAX_PASSES = 8;

const deleteKeysAt = (root: unknown, path: readonly PropertyKey[], keys: readonly string[]): unknown => {
  // Event data is JSON off the bus: a JSON round trip is a faithful deep copy (and needs no DOM/node types).
  const clone: unknown = JSON.parse(JSON.stringify(root));
  let node: unknown = clone;
  for (const step of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[step];
  if (node && typeof node === 'object') for (const k of keys) delete (node as Record<string, unknown>)[k];
  return clone;
};

/**
 * Parses like schema.safeParse, but drops object keys the schema does not know (at any depth) and
 * parses again, so only real violations — a missing field, a wrong type — remain errors.
 */
export const parseTolerantly = <T>(schema: z.ZodType<T>, data: unknown): z.ZodSafeParseResult<T> => {
  let current = data;
  let result = schema.safeParse(current);
  for (let pass = 0; !result.success && pass < MAX_PASSES; pass++) {
    const unknownKeys = result.error.issues.filter((i) => i.code === 'unrecognized_keys');
    if (unknownKeys.length === 0) break;
    for (const issue of unknownKeys) current = deleteKeysAt(current, issue.path, issue.keys);
    result = schema.safeParse(current);
  }
  return result;
};
