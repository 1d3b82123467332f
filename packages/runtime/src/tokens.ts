// The service identifiers every container binds. Composition roots are the only code that resolves them.
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { DeadLetters, EventConsumer, EventPublisher } from '@mediaflow/bus';
import type { EventStore, Outbox, OutboxRelay } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import type { Clock, IdGenerator, TypedHandlers } from '@mediaflow/service-kit';
import type { ServiceDeclaration } from '@mediaflow/topology';
import type { ServiceInfrastructureConfig } from './infrastructure-config';
import type { ServiceRuntime } from './service-runtime';

const token = <T>(name: string) => Symbol.for(`mediaflow.${name}`) as symbol & { __type?: T };

export const TOKENS = {
  Config: token<ServiceInfrastructureConfig>('Config'),
  Declaration: token<ServiceDeclaration>('Declaration'),
  Logger: token<Logger>('Logger'),
  Clock: token<Clock>('Clock'),
  Ids: token<IdGenerator>('Ids'),
  EventStore: token<EventStore>('EventStore'),
  Outbox: token<Outbox>('Outbox'),
  OutboxRelay: token<OutboxRelay>('OutboxRelay'),
  EventPublisher: token<EventPublisher>('EventPublisher'),
  EventConsumer: token<EventConsumer>('EventConsumer'),
  DeadLetters: token<DeadLetters>('DeadLetters'),
  UploadsStorage: token<BlobStorage>('UploadsStorage'),
  OutputsStorage: token<BlobStorage>('OutputsStorage'),
  /** The service's typed event handlers (bound by the service's own composition root). */
  EventHandlers: token<TypedHandlers>('EventHandlers'),
  Runtime: token<ServiceRuntime>('Runtime'),
} as const;
