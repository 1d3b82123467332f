// Reliability scenario shared by the embedded and AWS runs: a producer appends public events, its
// relay dies before publishing, then again after publishing but before marking; after the restart
// each subscriber's effect must exist exactly once per event, although the bus delivered duplicates.
import { OutboxRelay, type OutboxEntry } from '@mediaflow/event-store';
import { executeCommand, publishPublicEvents, randomIds, systemClock, causedBy, type Decider } from '@mediaflow/service-kit';
import { declareService } from '@mediaflow/topology';
import type { DeliveryWorld } from './delivery-worlds';

type Effect = { type: 'CancellationSeen'; data: { jobId: string } };
const recordEffect: Decider<{ jobId: string }, Effect, { seen: number }> = {
  initialState: { seen: 0 },
  evolve: (s) => ({ seen: s.seen + 1 }),
  decide: (c) => [{ type: 'CancellationSeen', data: { jobId: c.jobId } }],
};

const subscriber = (service: 'processing' | 'notifications') =>
  declareService({ service, subscriptions: [{ from: 'jobs', event: 'JobCancelled', versions: [1] }], maxAttempts: 5, visibilityTimeoutSeconds: 5 });

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

interface ScenarioResult {
  effectsPerJob: Record<string, Record<string, number>>;
  deliveries: Record<string, number>;
}

const runExactlyOnceScenario = async (world: DeliveryWorld, jobIds: readonly string[]): Promise<ScenarioResult> => {
  const deliveries: Record<string, number> = { processing: 0, notifications: 0 };
  const consumers = [];
  const stores: Record<string, Awaited<ReturnType<DeliveryWorld['openStore']>>> = {};
  for (const service of ['processing', 'notifications'] as const) {
    stores[service] = await world.openStore(service);
    const consumer = await world.consumer(subscriber(service));
    await consumer.start(async (envelope) => {
      deliveries[service]! += 1;
      const { metadata, data } = envelope.detail;
      const jobId = (data as { jobId: string }).jobId;
      const deps = { store: stores[service]!.store, clock: systemClock, ids: randomIds };
      await executeCommand(deps, recordEffect, `effect-${jobId}`, { jobId }, {
        context: causedBy(metadata),
        consumed: { consumer: `${service}.JobCancelled`, eventId: metadata.eventId },
      });
    });
    consumers.push(consumer);
  }

  const producer = await world.openStore('jobs');
  for (const jobId of jobIds) {
    const deps = { store: producer.store, clock: systemClock, ids: randomIds };
    await executeCommand(deps, { initialState: null, evolve: () => null, decide: () => [{ type: 'JobCancelled', data: { jobId } }] }, `job-${jobId}`, null, {
      context: { ownerId: 'owner-1', correlationId: `corr-${jobId}`, causationId: null },
    });
  }

  const publish = publishPublicEvents(world.publisher);
  const crash = (when: 'before' | 'after') => async (entries: readonly OutboxEntry[]) => {
    if (when === 'after') await publish(entries);
    throw new Error(`relay process died ${when} publishing`);
  };
  // 1: dies before publishing. 2 (restarted): dies after publishing, before marking. 3: publishes again.
  for (const [i, step] of [crash('before'), crash('after'), publish].entries()) {
    const restarted = i === 0 ? producer : await world.openStore('jobs');
    const relay = new OutboxRelay({ outbox: restarted.outbox, publish: step, leaseMs: 300, relayId: `relay-${i}` });
    await relay.relayOnce().catch((e: Error) => expect(e.message).toMatch(/died/));
    await new Promise((r) => setTimeout(r, 350)); // the dead relay's lease runs out
  }

  await waitFor(async () => deliveries.processing! >= 2 * jobIds.length && deliveries.notifications! >= 2 * jobIds.length, 30000);
  await Promise.all(consumers.map((c) => c.stop()));

  const effectsPerJob: ScenarioResult['effectsPerJob'] = {};
  for (const service of ['processing', 'notifications']) {
    effectsPerJob[service] = {};
    for (const jobId of jobIds) effectsPerJob[service]![jobId] = (await stores[service]!.store.read(`effect-${jobId}`)).length;
  }
  return { effectsPerJob, deliveries };
};


/** The scenario as a jest suite, run once per delivery world (embedded here, AWS in *.aws.test.ts). */
export const describeExactlyOnce = (title: string, makeWorld: () => Promise<DeliveryWorld>): void => {
  describe(`a relay that dies between append and publish, ${title}`, () => {
    it('ends with every subscriber effect exactly once although the bus delivered duplicates', async () => {
      const world = await makeWorld();
      try {
        const jobs = ['a1', 'b2', 'c3', 'd4', 'e5'];
        const { effectsPerJob, deliveries } = await runExactlyOnceScenario(world, jobs);
        const once = Object.fromEntries(jobs.map((j) => [j, 1]));
        expect(effectsPerJob).toEqual({ processing: once, notifications: once });
        expect(deliveries.processing).toBe(2 * jobs.length);
      } finally {
        await world.dispose();
      }
    });
  });
};
