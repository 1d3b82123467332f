// Lookups over the event registry for code that starts from strings (a bus message, a file name):
// they answer with the registry's types when the arguments are literals, and throw UnknownEvent otherwise.
import type { z } from 'zod';
import { sourceOf, type ServiceName } from '../envelope';
import { UnknownEvent } from '../errors/unknown-event';
import {
  eventRegistry,
  type EventName,
  type EventSchemaOf,
  type EventVersion,
  type PublisherOf,
} from './event-registry';

/** One row per published (name, major version). */
export interface RegisteredEvent {
  readonly name: EventName;
  readonly version: number;
  readonly publisher: ServiceName;
  readonly source: `mediaflow.${ServiceName}`;
  /** The `.meta({ id })` of the schema, `<Name>.v<major>`. */
  readonly schemaId: string;
  readonly schema: z.ZodType;
}

export const eventNames = Object.freeze(Object.keys(eventRegistry) as EventName[]);

export const isEventName = (name: string): name is EventName => Object.hasOwn(eventRegistry, name);

export const versionsOf = (name: string): number[] =>
  isEventName(name) ? Object.keys(eventRegistry[name].versions).map(Number) : [];

export const schemaIdOf = (name: string, version: number): string => `${name}.v${version}`;

export function publisherOf<N extends EventName>(name: N): PublisherOf<N>;
export function publisherOf(name: string): ServiceName;
export function publisherOf(name: string): ServiceName {
  if (!isEventName(name)) throw new UnknownEvent({ eventName: name, knownVersions: [] });
  return eventRegistry[name].publisher;
}

export function schemaFor<N extends EventName, V extends EventVersion<N>>(
  name: N,
  version: V,
): EventSchemaOf<N, V>;
export function schemaFor(name: string, version: number): z.ZodType;
export function schemaFor(name: string, version: number): z.ZodType {
  if (!isEventName(name))
    throw new UnknownEvent({ eventName: name, eventVersion: version, knownVersions: [] });
  const versions: Readonly<Record<number, z.ZodType>> = eventRegistry[name].versions;
  const schema = Object.hasOwn(versions, version) ? versions[version] : undefined;
  if (schema === undefined) {
    throw new UnknownEvent({ eventName: name, eventVersion: version, knownVersions: versionsOf(name) });
  }
  return schema;
}

/** Every published (name, major version), in registry order then by version. */
export const registeredEvents = (): RegisteredEvent[] =>
  eventNames.flatMap((name) =>
    versionsOf(name)
      .sort((a, b) => a - b)
      .map((version) => {
        const publisher = publisherOf(name);
        return {
          name,
          version,
          publisher,
          source: sourceOf(publisher),
          schemaId: schemaIdOf(name, version),
          schema: schemaFor(name, version),
        };
      }),
  );
