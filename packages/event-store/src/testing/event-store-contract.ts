// The one behavioural contract of the event store, run against every adapter (SQLite, DynamoDB):
// appends and reads, optimistic concurrency, the transactional inbox, the outbox and its relay, and
// input validation. Adapters pass a factory; the suite shares one store per adapter run.
import type { EventStore } from '../event-store';
import type { Outbox } from '../outbox';
import { describeAppendAndRead } from './contract/append-and-read';
import { describeConcurrency } from './contract/concurrency';
import { describeInbox } from './contract/inbox';
import { describeInputValidation } from './contract/input-validation';
import { describeOutboxRelay } from './contract/outbox-relay';

export interface StoreInstance {
  readonly store: EventStore;
  readonly outbox: Outbox;
}

export interface EventStoreUnderTest extends StoreInstance {
  /**
   * Opens another instance over the same file or table, as a second process (or this one after a
   * restart) would; the fixture closes it in cleanup.
   */
  reopen(): Promise<StoreInstance>;
  cleanup(): Promise<void>;
}

type MakeEventStore = () => Promise<EventStoreUnderTest>;

/** What each part of the suite gets: the store made for this run (valid inside tests only). */
export type ContractContext = () => EventStoreUnderTest;

export const describeEventStoreContract = (name: string, makeStore: MakeEventStore): void => {
  describe(name, () => {
    let underTest: EventStoreUnderTest | undefined;

    beforeAll(async () => {
      underTest = await makeStore();
    });
    afterAll(async () => {
      await underTest?.cleanup();
    });

    const context: ContractContext = () => {
      if (!underTest) throw new Error('the event store under test is only available inside tests');
      return underTest;
    };

    describeAppendAndRead(context);
    describeConcurrency(context);
    describeInbox(context);
    describeOutboxRelay(context);
    describeInputValidation(context);
  });
};
