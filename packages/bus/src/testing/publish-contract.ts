// Bus contract, publishing side: validation before sending, batching, and the event size limit.
import { EventTooLarge } from '../errors/event-too-large';
import { InvalidEnvelope } from '../errors/invalid-envelope';
import { MAX_EVENT_BYTES } from '../prepare-for-publish';
import type { ContractContext } from './bus-contract';
import { declarations } from './bus-contract';
import { eventIdOf, testEvent } from './ping-events';
import { pause, recorder, waitFor } from './recorder';

const QUIET_MS = 1500;

export const describePublishContract = (t: ContractContext): void => {
  const { jobs } = declarations;

  it('refuses a whole publish call when one envelope breaks its schema, and sends nothing', async () => {
    const r = recorder();
    await t.start(jobs, r.handler);
    const valid = testEvent('ingest', 'Ping', 1, { n: 1 });
    const invalid = testEvent('ingest', 'Ping', 1, { n: 'one' });

    const refused = t.bus().publisher.publish([valid, invalid]);

    await expect(refused).rejects.toBeInstanceOf(InvalidEnvelope);
    await expect(refused).rejects.toMatchObject({
      code: 'INVALID_ENVELOPE',
      index: 1,
      reason: { issues: [expect.objectContaining({ path: 'n' })] },
    });
    await pause(QUIET_MS);
    expect(r.deliveries).toEqual([]);
    expect(t.bus().publishBatchSizes?.() ?? []).toEqual([]);
  });

  it('refuses an event over the entry limit (MAX_EVENT_BYTES, 1 MB) with EventTooLarge, and sends nothing', async () => {
    const r = recorder();
    await t.start(jobs, r.handler);
    const small = testEvent('ingest', 'Ping', 1, { n: 1 });
    const big = testEvent('ingest', 'Ping', 1, { n: 2, note: 'é'.repeat(MAX_EVENT_BYTES / 2) }); // 2 bytes per char in UTF-8

    const refused = t.bus().publisher.publish([small, big]);

    await expect(refused).rejects.toBeInstanceOf(EventTooLarge);
    await expect(refused).rejects.toMatchObject({
      code: 'EVENT_TOO_LARGE',
      eventId: eventIdOf(big),
      limitBytes: MAX_EVENT_BYTES,
    });
    await pause(QUIET_MS);
    expect(r.deliveries).toEqual([]);
  });

  it('publishes 25 events in one call, in batches of at most 10, and every one arrives', async () => {
    const r = recorder();
    await t.start(jobs, r.handler);
    const events = Array.from({ length: 25 }, (_, n) => testEvent('ingest', 'Ping', 1, { n }));

    await t.bus().publisher.publish(events);

    await waitFor('25 deliveries', () => new Set(r.eventIds()).size === 25);
    expect(new Set(r.eventIds())).toEqual(new Set(events.map(eventIdOf)));
    const batches = t.bus().publishBatchSizes?.();
    if (batches) expect(batches).toEqual([10, 10, 5]);
  });
};
