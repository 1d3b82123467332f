// The one behavioural contract of the bus, run against every adapter (SQLite, EventBridge + SQS):
// routing by source, detail-type and major version; retries; dead letters; validation on both sides;
// redelivery after a restart; batching and the size limit.
import type { ServiceDeclaration } from '@mediaflow/topology';
import { declareService } from '@mediaflow/topology';
import type { DeadLetters } from '../ports/dead-letters';
import type { EnvelopeValidator } from '../ports/envelope-validator';
import type { EventConsumer, EventHandler } from '../ports/event-consumer';
import type { EventPublisher } from '../ports/event-publisher';
import { describeDeliveryContract } from './delivery-contract';
import { validateTestEnvelope } from './ping-events';
import { describePublishContract } from './publish-contract';

interface BusUnderTest {
  readonly publisher: EventPublisher;
  /** Provisions the subscriber if needed (queue + rules, or checkpoint) and returns a new, unstarted consumer. */
  consumer(declaration: ServiceDeclaration): Promise<EventConsumer>;
  deadLetters(declaration: ServiceDeclaration): DeadLetters;
  /** Puts an event on the transport as-is, bypassing publish validation (SQS SendMessage, raw log insert). */
  injectRaw(
    declaration: ServiceDeclaration,
    event: { source: string; 'detail-type': string; detail: unknown },
  ): Promise<void>;
  /** Entries per transport call made by publish so far, for adapters that batch. */
  publishBatchSizes?(): number[];
  cleanup(): Promise<void>;
}

/**
 * Builds a fresh, isolated bus validating with `validate` (the suite passes its Ping/Pong validator). Consumers should use a short retry delay, a stop timeout under a
 * second and short polls, so the suite runs in seconds.
 */
export type MakeBus = (validate: EnvelopeValidator) => Promise<BusUnderTest>;

/** Small limits keep the AWS run short: 3 attempts, 2 s visibility. */
const subscriber = (
  service: ServiceDeclaration['service'],
  subscriptions: ServiceDeclaration['subscriptions'],
) => declareService({ service, subscriptions, maxAttempts: 3, visibilityTimeoutSeconds: 2 });

export const declarations = {
  /** ingest's Ping v1 only. */
  jobs: subscriber('jobs', [{ from: 'ingest', event: 'Ping', versions: [1] }]),
  /** ingest's Ping v2 only. */
  processing: subscriber('processing', [{ from: 'ingest', event: 'Ping', versions: [2] }]),
  /** jobs' Ping v1 and ingest's Ping v1: fan-out beside `jobs`. */
  notifications: subscriber('notifications', [
    { from: 'jobs', event: 'Ping', versions: [1] },
    { from: 'ingest', event: 'Ping', versions: [1] },
  ]),
};

/** What each test gets: the bus, and consumers it starts that are stopped after the test. */
export interface ContractContext {
  bus(): BusUnderTest;
  start(declaration: ServiceDeclaration, handler: EventHandler): Promise<EventConsumer>;
}

export const describeBusContract = (name: string, makeBus: MakeBus): void => {
  describe(name, () => {
    let bus: BusUnderTest | undefined;
    let consumers: EventConsumer[] = [];

    beforeEach(async () => {
      bus = await makeBus(validateTestEnvelope);
    });

    afterEach(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      consumers = [];
      await bus?.cleanup();
      bus = undefined;
    });

    const context: ContractContext = {
      bus: () => {
        if (!bus) throw new Error('no bus: makeBus failed');
        return bus;
      },
      start: async (declaration, handler) => {
        const consumer = await context.bus().consumer(declaration);
        consumers.push(consumer);
        await consumer.start(handler);
        return consumer;
      },
    };

    describeDeliveryContract(context);
    describePublishContract(context);
  });
};
