// The typed identifiers every service container binds, and the two helpers that keep a binding and
// a resolution checked against the identifier's type. Composition roots are the only code that
// resolves them.
import type { Bind, ResolutionContext, ServiceIdentifier } from 'inversify';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { DeadLetters, EventConsumer, EventPublisher } from '@mediaflow/bus';
import type { EventStore, Outbox, OutboxEntry, OutboxRelay } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import type { Clock, IdGenerator, TypedHandlers } from '@mediaflow/service-kit';
import type { RetentionPruner } from './retention-pruner';
import type { ServiceRuntime } from './service-runtime';

/** An inversify identifier that carries the type bound to it. */
type Identifier<T> = ServiceIdentifier<T> & symbol & { readonly __type?: T };

export const identifier = <T>(name: string): Identifier<T> => Symbol.for(`mediaflow.${name}`) as Identifier<T>;

/** `bind(id)` whose `to…` accepts only the identifier's type. */
export const bindTyped = <T>(bind: Bind, id: Identifier<T>) => bind<T>(id);

/** `get(id)` typed by the identifier. */
export const resolve = <T>(from: Pick<ResolutionContext, 'get'>, id: Identifier<T>): T => from.get<T>(id);

/** Run by the relay before it publishes a batch (notifications projects its subscription events). */
export type BeforePublish = (entries: readonly OutboxEntry[]) => Promise<void>;

export const TOKENS = {
  Logger: identifier<Logger>('Logger'),
  Clock: identifier<Clock>('Clock'),
  Ids: identifier<IdGenerator>('Ids'),
  EventStore: identifier<EventStore>('EventStore'),
  Outbox: identifier<Outbox>('Outbox'),
  OutboxRelay: identifier<OutboxRelay>('OutboxRelay'),
  /** Optional: bound by a service whose relay must do something before publishing. */
  BeforePublish: identifier<BeforePublish>('BeforePublish'),
  EventPublisher: identifier<EventPublisher>('EventPublisher'),
  EventConsumer: identifier<EventConsumer>('EventConsumer'),
  DeadLetters: identifier<DeadLetters>('DeadLetters'),
  /** Embedded only: prunes the service's published outbox rows and old inbox entries, run by its runtime. */
  Pruner: identifier<RetentionPruner>('Pruner'),
  UploadsStorage: identifier<BlobStorage>('UploadsStorage'),
  OutputsStorage: identifier<BlobStorage>('OutputsStorage'),
  /** AWS mode: the process's one DynamoDB client and one S3 client, for the services' own tables and buckets. */
  DynamoDb: identifier<DynamoDBClient>('DynamoDb'),
  S3: identifier<S3Client>('S3'),
  /** The service's typed event handlers (bound by the service's own module when it subscribes). */
  EventHandlers: identifier<TypedHandlers>('EventHandlers'),
  Runtime: identifier<ServiceRuntime>('Runtime'),
} as const;
