// Connects the live streams to the persisted recent-events log. prepare() seeds an owner's replay
// buffer before a resume (after a restart, or on another process than the consumer); follow() keeps
// an owner's new events flowing from the log while they have a stream open, for deployments where
// the process serving SSE is not the one consuming the bus (AWS: api and worker tasks).
import type { Logger } from '@mediaflow/logging';
import type { Clock } from '@mediaflow/service-kit';
import type { RecentEventsLog } from '../ports/recent-events-log';
import type { LiveEventHub } from './live-event-hub';

interface LiveFeedOptions {
  readonly log: RecentEventsLog;
  readonly hub: LiveEventHub;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How far back a resume may reach (the log's retention). */
  readonly replayWindowMs: number;
  /** Events read per owner at most, per prepare or poll (the hub's buffer size). */
  readonly limit: number;
  /** Poll the log for followed owners; off when this process consumes the bus itself (embedded). */
  readonly tail: false | { readonly pollIntervalMs: number; readonly lookbackMs: number };
}

export class LiveFeed {
  private readonly followers = new Map<string, { count: number; since: Date }>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(private readonly options: LiveFeedOptions) {}

  async prepare(ownerId: string, lastEventId: string | undefined): Promise<void> {
    if (lastEventId === undefined || this.options.hub.has(ownerId, lastEventId)) return;
    const since = new Date(this.options.clock.now().getTime() - this.options.replayWindowMs);
    this.options.hub.seed(ownerId, await this.options.log.readSince(ownerId, since, this.options.limit));
  }

  /** Follows the owner until the returned function is called (once per open stream). */
  follow(ownerId: string): () => void {
    const tail = this.options.tail;
    if (!tail) return () => undefined;
    const current = this.followers.get(ownerId);
    if (current) current.count++;
    else this.followers.set(ownerId, { count: 1, since: new Date(this.options.clock.now().getTime() - tail.lookbackMs) });
    this.timer ??= setInterval(() => void this.poll(tail.lookbackMs), tail.pollIntervalMs);
    this.timer.unref();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const follower = this.followers.get(ownerId);
      if (follower && --follower.count === 0) this.followers.delete(ownerId);
      if (this.followers.size === 0) this.close();
    };
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Re-reads a lookback window each time (stores on several hosts commit out of order); the hub drops repeats. */
  private async poll(lookbackMs: number): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const [ownerId, follower] of this.followers) {
        const started = this.options.clock.now();
        const events = await this.options.log.readSince(ownerId, follower.since, this.options.limit);
        events.forEach((e) => this.options.hub.publish(e));
        follower.since = new Date(started.getTime() - lookbackMs);
      }
    } catch (error) {
      this.options.logger.warn('reading recent events for live streams failed; retrying at the next poll', { error: error as Error });
    } finally {
      this.polling = false;
    }
  }
}
