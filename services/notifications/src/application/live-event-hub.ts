// Fans notified events out to the owner's open live streams (SSE) and keeps each owner's most recent
// events in a bounded buffer, so a client that reconnects with Last-Event-ID gets what it missed.
// In memory, per process: a restart or another process starts with an empty buffer (see README).
import type { NotifiedEvent } from '../domain/notification-payload';

export interface LiveListener {
  deliver(event: NotifiedEvent): void;
  /** The hub is closing (shutdown): end the stream. */
  end(): void;
}

interface Replay {
  readonly events: readonly NotifiedEvent[];
  /** False when Last-Event-ID is no longer (or never was) in the buffer: events may have been missed. */
  readonly complete: boolean;
}

interface LiveSubscription {
  readonly replay: Replay;
  unsubscribe(): void;
}

interface LiveEventHubOptions {
  /** Recent events kept per owner for replay (default 500). */
  readonly bufferPerOwner?: number;
  /** Owners whose buffers are kept; the least recently active without open streams go first (default 10,000). */
  readonly maxOwners?: number;
}

interface OwnerChannel {
  readonly recent: NotifiedEvent[];
  readonly ids: Set<string>;
  readonly listeners: Set<LiveListener>;
}

export class LiveEventHub {
  private readonly owners = new Map<string, OwnerChannel>();
  private readonly bufferPerOwner: number;
  private readonly maxOwners: number;

  constructor(options: LiveEventHubOptions = {}) {
    this.bufferPerOwner = options.bufferPerOwner ?? 500;
    this.maxOwners = options.maxOwners ?? 10_000;
  }

  /** Buffers the event and hands it to the owner's listeners; an event seen before (a bus redelivery) is dropped. */
  publish(event: NotifiedEvent): void {
    const channel = this.touch(event.ownerId);
    if (channel.ids.has(event.eventId)) return;
    channel.recent.push(event);
    channel.ids.add(event.eventId);
    if (channel.recent.length > this.bufferPerOwner) {
      const dropped = channel.recent.shift();
      if (dropped) channel.ids.delete(dropped.eventId);
    }
    for (const listener of channel.listeners) listener.deliver(event);
  }

  /** Registers the listener and answers what to replay, atomically (no event falls in between). */
  subscribe(ownerId: string, lastEventId: string | undefined, listener: LiveListener): LiveSubscription {
    const channel = this.touch(ownerId);
    channel.listeners.add(listener);
    return { replay: this.replayAfter(channel, lastEventId), unsubscribe: () => channel.listeners.delete(listener) };
  }

  /**
   * Fills an owner's buffer from the persisted log (oldest first) without delivering anything: only
   * the events older than what the buffer already holds are added, so its order stays the log's.
   */
  seed(ownerId: string, events: readonly NotifiedEvent[]): void {
    const channel = this.touch(ownerId);
    const firstKnown = events.findIndex((e) => channel.ids.has(e.eventId));
    // Nothing in common with a non-empty buffer: the two cannot be ordered against each other.
    if (firstKnown === -1 && channel.recent.length > 0) return;
    const older = (firstKnown === -1 ? events : events.slice(0, firstKnown)).filter((e) => !channel.ids.has(e.eventId));
    const room = this.bufferPerOwner - channel.recent.length;
    const added = room > 0 ? older.slice(Math.max(0, older.length - room)) : [];
    channel.recent.unshift(...added);
    added.forEach((e) => channel.ids.add(e.eventId));
  }

  /** Whether the owner's buffer holds the event (so a resume after it needs no seeding). */
  has(ownerId: string, eventId: string): boolean {
    return this.owners.get(ownerId)?.ids.has(eventId) ?? false;
  }

  openStreams(ownerId: string): number {
    return this.owners.get(ownerId)?.listeners.size ?? 0;
  }

  /** Ends every open stream (shutdown); buffers stay for a restart of the HTTP side. */
  closeAll(): void {
    for (const channel of this.owners.values()) {
      for (const listener of [...channel.listeners]) listener.end();
      channel.listeners.clear();
    }
  }

  private replayAfter(channel: OwnerChannel, lastEventId: string | undefined): Replay {
    if (lastEventId === undefined) return { events: [], complete: true };
    const index = channel.recent.findIndex((e) => e.eventId === lastEventId);
    if (index === -1) return { events: [...channel.recent], complete: false };
    return { events: channel.recent.slice(index + 1), complete: true };
  }

  /** The owner's channel, moved to the most recently used end; evicts idle owners over the cap. */
  private touch(ownerId: string): OwnerChannel {
    const channel = this.owners.get(ownerId) ?? { recent: [], ids: new Set<string>(), listeners: new Set<LiveListener>() };
    this.owners.delete(ownerId);
    this.owners.set(ownerId, channel);
    if (this.owners.size > this.maxOwners) {
      for (const [id, c] of this.owners) {
        if (this.owners.size <= this.maxOwners) break;
        if (c.listeners.size === 0 && id !== ownerId) this.owners.delete(id);
      }
    }
    return channel;
  }
}
