// Validates the `data` of one event version against its published schema.
import type { z } from 'zod';
import { issuesFromZodError } from '../errors/contract-issue';
import { ContractViolation } from '../errors/contract-violation';
import { schemaFor } from '../registry/event-lookup';
import { parseTolerantly } from './tolerant-reader';
import type { EventDataOf, EventName, EventVersion } from '../registry/event-registry';

export interface ParseOptions {
  /** Drop fields the schema does not know instead of refusing them (consumers; see tolerant-reader). */
  tolerateUnknownFields?: boolean;
}

/**
 * Returns the parsed data, typed by name and version when they are literals.
 * @throws UnknownEvent when (name, version) is not registered
 * @throws ContractViolation (part 'data') when the data does not match the schema
 */
export function parseEventData<N extends EventName, V extends EventVersion<N>>(
  name: N,
  version: V,
  data: unknown,
  options?: ParseOptions,
): EventDataOf<N, V>;
export function parseEventData(name: string, version: number, data: unknown, options?: ParseOptions): unknown;
export function parseEventData(name: string, version: number, data: unknown, options: ParseOptions = {}): unknown {
  const schema = schemaFor(name, version) as z.ZodType;
  const result = options.tolerateUnknownFields ? parseTolerantly(schema, data) : schema.safeParse(data);
  if (result.success) return result.data;
  throw new ContractViolation({
    part: 'data',
    eventName: name,
    eventVersion: version,
    issues: issuesFromZodError(result.error),
    cause: result.error,
  });
}
