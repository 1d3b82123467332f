// The live hub: per-owner fan-out, replay after Last-Event-ID from a bounded buffer, dropped repeats.
import { LiveEventHub, type LiveListener } from '../../src/application/live-event-hub';
import type { NotifiedEvent } from '../../src/domain/notification-payload';

const event = (ownerId: string, n: number): NotifiedEvent => ({
  eventId: `evt-${ownerId}-${n}`,
  ownerId,
  payload: { type: 'TranscodeProgressed', timestamp: '2026-11-25T12:00:00.000Z', version: 1, data: { jobId: 'job_1', percent: n } },
});

const recorder = () => {
  const got: string[] = [];
  let ended = false;
  const listener: LiveListener = { deliver: (e) => got.push(e.eventId), end: () => (ended = true) };
  return { listener, got, ended: () => ended };
};

describe('LiveEventHub', () => {
  it("delivers an owner's events to that owner's listeners only, in order", () => {
    const hub = new LiveEventHub();
    const a = recorder();
    const b = recorder();
    hub.subscribe('owner-a', undefined, a.listener);
    hub.subscribe('owner-b', undefined, b.listener);
    [event('owner-a', 1), event('owner-b', 1), event('owner-a', 2)].forEach((e) => hub.publish(e));
    expect(a.got).toEqual(['evt-owner-a-1', 'evt-owner-a-2']);
    expect(b.got).toEqual(['evt-owner-b-1']);
  });

  it('replays what came after Last-Event-ID, and says so when it is no longer buffered', () => {
    const hub = new LiveEventHub({ bufferPerOwner: 3 });
    for (let n = 1; n <= 5; n++) hub.publish(event('owner-a', n));
    const resumed = hub.subscribe('owner-a', 'evt-owner-a-3', recorder().listener);
    expect(resumed.replay).toEqual({ events: [event('owner-a', 4), event('owner-a', 5)], complete: true });
    const tooOld = hub.subscribe('owner-a', 'evt-owner-a-1', recorder().listener);
    expect(tooOld.replay.complete).toBe(false);
    expect(tooOld.replay.events.map((e) => e.eventId)).toEqual(['evt-owner-a-3', 'evt-owner-a-4', 'evt-owner-a-5']);
    expect(hub.subscribe('owner-b', 'evt-owner-a-4', recorder().listener).replay).toEqual({ events: [], complete: false });
  });

  it('drops a redelivered event, and stops delivering after unsubscribe', () => {
    const hub = new LiveEventHub();
    const a = recorder();
    const subscription = hub.subscribe('owner-a', undefined, a.listener);
    hub.publish(event('owner-a', 1));
    hub.publish(event('owner-a', 1));
    subscription.unsubscribe();
    hub.publish(event('owner-a', 2));
    expect(a.got).toEqual(['evt-owner-a-1']);
    expect(hub.openStreams('owner-a')).toBe(0);
  });

  it('ends every stream on closeAll', () => {
    const hub = new LiveEventHub();
    const a = recorder();
    hub.subscribe('owner-a', undefined, a.listener);
    hub.closeAll();
    expect(a.ended()).toBe(true);
    expect(hub.openStreams('owner-a')).toBe(0);
  });

  it('forgets the least recently active owners without open streams beyond the cap', () => {
    const hub = new LiveEventHub({ maxOwners: 2 });
    const kept = recorder();
    hub.subscribe('owner-1', undefined, kept.listener);
    hub.publish(event('owner-2', 1));
    hub.publish(event('owner-3', 1));
    expect(hub.subscribe('owner-2', 'evt-owner-2-1', recorder().listener).replay.complete).toBe(false);
    hub.publish(event('owner-1', 1));
    expect(kept.got).toEqual(['evt-owner-1-1']);
  });
});

describe('LiveEventHub.seed', () => {
  it('fills an empty buffer from the log without delivering, so a resume can replay', () => {
    const hub = new LiveEventHub();
    const a = recorder();
    hub.subscribe('owner-a', undefined, a.listener).unsubscribe();
    hub.seed('owner-a', [event('owner-a', 1), event('owner-a', 2), event('owner-a', 3)]);
    expect(a.got).toEqual([]);
    expect(hub.has('owner-a', 'evt-owner-a-2')).toBe(true);
    expect(hub.subscribe('owner-a', 'evt-owner-a-1', recorder().listener).replay.events.map((e) => e.eventId)).toEqual(['evt-owner-a-2', 'evt-owner-a-3']);
  });

  it('adds only what is older than the buffer, keeping the log order', () => {
    const hub = new LiveEventHub();
    hub.publish(event('owner-a', 3));
    hub.publish(event('owner-a', 4));
    hub.seed('owner-a', [event('owner-a', 1), event('owner-a', 2), event('owner-a', 3)]);
    expect(hub.subscribe('owner-a', 'evt-owner-a-1', recorder().listener).replay.events.map((e) => e.eventId)).toEqual(['evt-owner-a-2', 'evt-owner-a-3', 'evt-owner-a-4']);
    hub.seed('owner-a', [event('owner-a', 7)]);
    expect(hub.has('owner-a', 'evt-owner-a-7')).toBe(false);
  });
});
