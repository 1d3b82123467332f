// Bus contract, consuming side: routing, retries, dead letters, invalid messages, restarts.
import type { ContractContext } from './bus-contract';
import { declarations } from './bus-contract';
import { eventIdOf, testEvent } from './ping-events';
import { pause, recorder, waitFor } from './recorder';

/** How long "and nothing else arrives" is watched for after the expected deliveries. */
const QUIET_MS = 1500;

class HandlerBroke extends Error {
  readonly code = 'HANDLER_BROKE';
  override readonly name = 'HandlerBroke';
}

export const describeDeliveryContract = (t: ContractContext): void => {
  const { jobs, processing, notifications } = declarations;

  it('delivers an event to every subscriber whose source, detail-type and major version match, and to no other', async () => {
    const [j, p, n] = [recorder(), recorder(), recorder()];
    await t.start(jobs, j.handler);
    await t.start(processing, p.handler);
    await t.start(notifications, n.handler);
    const ingestPingV1 = testEvent('ingest', 'Ping', 1, { n: 1 });
    const ingestPingV2 = testEvent('ingest', 'Ping', 2, { n: 2, label: 'two' });
    const jobsPingV1 = testEvent('jobs', 'Ping', 1, { n: 3 });
    const ingestPongV1 = testEvent('ingest', 'Pong', 1, {});

    await t.bus().publisher.publish([ingestPingV1, ingestPingV2, jobsPingV1, ingestPongV1]);

    await waitFor(
      'every expected delivery',
      () => j.deliveries.length >= 1 && p.deliveries.length >= 1 && n.deliveries.length >= 2,
    );
    await pause(QUIET_MS);
    expect(j.eventIds()).toEqual([eventIdOf(ingestPingV1)]);
    expect(p.eventIds()).toEqual([eventIdOf(ingestPingV2)]);
    expect(n.eventIds().sort()).toEqual([eventIdOf(ingestPingV1), eventIdOf(jobsPingV1)].sort());
    expect(j.deliveries[0]?.event).toEqual(ingestPingV1);
    expect(j.deliveries[0]?.ctx.attempt).toBe(1);
  });

  it('retries a failing handler and stops once it succeeds', async () => {
    const r = recorder(async (_e, ctx) => {
      if (ctx.attempt === 1) throw new HandlerBroke('first attempt fails');
    });
    await t.start(jobs, r.handler);
    const event = testEvent('ingest', 'Ping', 1, { n: 1 });

    await t.bus().publisher.publish([event]);

    await waitFor('the second attempt', () => r.deliveries.length >= 2);
    await pause(QUIET_MS);
    expect(r.deliveries.map((d) => d.ctx.attempt)).toEqual([1, 2]);
    expect(r.eventIds()).toEqual([eventIdOf(event), eventIdOf(event)]);
    expect(await t.bus().deadLetters(jobs).list()).toEqual([]);
  });

  it('dead-letters a poison event after maxAttempts, keeping the last error', async () => {
    const r = recorder(async (_e, ctx) => {
      throw new HandlerBroke(`attempt ${ctx.attempt} failed`);
    });
    await t.start(jobs, r.handler);
    const event = testEvent('ingest', 'Ping', 1, { n: 1 });

    await t.bus().publisher.publish([event]);

    const [dead] = await waitFor('a dead letter', async () => {
      const list = await t.bus().deadLetters(jobs).list();
      return list.length > 0 ? list : undefined;
    });
    expect(r.deliveries.map((d) => d.ctx.attempt)).toEqual([1, 2, 3]);
    expect(dead).toMatchObject({
      envelope: event,
      attempts: 3,
      error: { code: 'HANDLER_BROKE', message: 'attempt 3 failed' },
    });
    expect(dead?.deadLetteredAt).toBeInstanceOf(Date);
    await pause(QUIET_MS);
    expect(r.deliveries).toHaveLength(3);
  });

  it('dead-letters at once an event that breaks its schema on the transport, without calling the handler', async () => {
    const r = recorder();
    await t.start(jobs, r.handler);
    const {
      source,
      'detail-type': detailType,
      detail,
    } = testEvent('ingest', 'Ping', 1, { n: 'not a number' });

    await t.bus().injectRaw(jobs, { source, 'detail-type': detailType, detail });

    const [dead] = await waitFor('a dead letter', async () => {
      const list = await t.bus().deadLetters(jobs).list();
      return list.length > 0 ? list : undefined;
    });
    expect(dead).toMatchObject({ attempts: 1, raw: { source, 'detail-type': detailType, detail } });
    expect(dead?.error.issues).toEqual([expect.objectContaining({ path: 'n' })]);
    expect(dead?.error.code).toEqual(expect.any(String));
    await pause(QUIET_MS);
    expect(r.deliveries).toEqual([]);
  });

  it('redelivers an event whose consumer stopped before its handler finished', async () => {
    let release = (): void => undefined;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const first = recorder(() => stuck);
    const consumer = await t.start(jobs, first.handler);
    const event = testEvent('ingest', 'Ping', 1, { n: 1 });
    await t.bus().publisher.publish([event]);
    await waitFor('the first delivery', () => first.deliveries.length === 1);

    await consumer.stop(); // gives up waiting after the stop timeout
    const second = recorder();
    await t.start(jobs, second.handler);

    try {
      await waitFor('the redelivery', () => second.deliveries.length >= 1);
      expect(second.eventIds()[0]).toBe(eventIdOf(event));
      expect(second.deliveries[0]?.ctx.attempt).toBeGreaterThanOrEqual(2);
    } finally {
      release();
    }
  });

  it('keeps an event from being redelivered while a slow handler runs past the visibility timeout', async () => {
    const visibilityMs = jobs.visibilityTimeoutSeconds * 1000;
    const r = recorder(() => pause(visibilityMs * 2));
    await t.start(jobs, r.handler);
    const event = testEvent('ingest', 'Ping', 1, { n: 1 });

    await t.bus().publisher.publish([event]);

    await waitFor('the delivery', () => r.deliveries.length === 1);
    await pause(visibilityMs * 2 + QUIET_MS);
    expect(r.deliveries.map((d) => d.ctx.attempt)).toEqual([1]);
  });
};
