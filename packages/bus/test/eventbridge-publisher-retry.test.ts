// EventBridgePublisher's handling of per-entry failures. EventBridge (and moto) refuse single entries
// only under throttling or internal errors, which cannot be caused on demand, so a middleware answers
// PutEvents in place of the service here; everything else is the real SDK client.
import {
  EventBridgeClient,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { EventBridgePublisher } from '../src/adapters/aws/eventbridge-publisher';
import { PublishFailed } from '../src/errors/publish-failed';
import { eventIdOf, testEvent, validateTestEnvelope } from '../src/testing/ping-events';

/** The test events carry their position as data.n. */
const nOf = (entry: PutEventsRequestEntry): string =>
  String((JSON.parse(entry.Detail ?? '{}') as { data: { n: number } }).data.n);

type Answer = (entries: PutEventsRequestEntry[], call: number) => PutEventsCommandOutput['Entries'];

const publisherAnswering = (answer: Answer) => {
  const calls: string[][] = [];
  const client = new EventBridgeClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  client.middlewareStack.add(
    () => async (args) => {
      const entries = (args.input as { Entries: PutEventsRequestEntry[] }).Entries;
      calls.push(entries.map(nOf));
      const results = answer(entries, calls.length) ?? [];
      const output = {
        Entries: results,
        FailedEntryCount: results.filter((r) => r.ErrorCode).length,
        $metadata: {},
      };
      return { output, response: {} } as never;
    },
    { step: 'initialize', name: 'answerPutEvents' },
  );
  const publisher = new EventBridgePublisher({
    client,
    busName: 'b',
    validate: validateTestEnvelope,
    maxAttempts: 3,
    retryDelay: () => 1,
  });
  return { publisher, calls };
};

const ok = { EventId: 'id' };
const throttled = { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' };

describe('EventBridgePublisher retries', () => {
  it('resends only the entries EventBridge refused, until they are accepted', async () => {
    const { publisher, calls } = publisherAnswering((entries, call) =>
      entries.map((_, i) => (call === 1 && i === 1 ? throttled : ok)),
    );

    await publisher.publish([0, 1, 2].map((n) => testEvent('ingest', 'Ping', 1, { n })));

    expect(calls).toEqual([['0', '1', '2'], ['1']]);
  });

  it('gives up after maxAttempts and names the events that were not published', async () => {
    const { publisher, calls } = publisherAnswering((entries) =>
      entries.map((e) => (nOf(e) === '1' ? throttled : ok)),
    );
    const events = [0, 1, 2].map((n) => testEvent('ingest', 'Ping', 1, { n }));

    const failure = publisher.publish(events);

    await expect(failure).rejects.toBeInstanceOf(PublishFailed);
    await expect(failure).rejects.toMatchObject({
      code: 'PUBLISH_FAILED',
      failed: [
        {
          eventId: eventIdOf(events[1]!),
          detailType: 'Ping',
          code: 'ThrottlingException',
          message: 'slow down',
        },
      ],
    });
    expect(calls).toEqual([['0', '1', '2'], ['1'], ['1']]);
  });

  it('does not retry an entry refused for a reason a retry cannot fix', async () => {
    const { publisher, calls } = publisherAnswering((entries) =>
      entries.map(() => ({ ErrorCode: 'MalformedDetail', ErrorMessage: 'bad' })),
    );

    await expect(publisher.publish([testEvent('ingest', 'Ping', 1, { n: 0 })])).rejects.toMatchObject({
      failed: [{ code: 'MalformedDetail' }],
    });
    expect(calls).toHaveLength(1);
  });

  it('keeps publishing later batches after one fails, and reports only what failed', async () => {
    const { publisher, calls } = publisherAnswering((entries) =>
      entries.map((e) => (nOf(e) === '3' ? throttled : ok)),
    );
    const events = Array.from({ length: 12 }, (_, n) => testEvent('ingest', 'Ping', 1, { n }));

    await expect(publisher.publish(events)).rejects.toMatchObject({
      failed: [{ eventId: eventIdOf(events[3]!) }],
    });
    expect(calls.map((c) => c.length)).toEqual([10, 1, 1, 2]);
  });
});
