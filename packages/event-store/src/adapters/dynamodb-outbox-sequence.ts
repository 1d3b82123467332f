// Sort keys for pending outbox entries: millisecond time, then a counter within the millisecond, then
// a per-process tag, as fixed-width text, so string order is append order.
import { randomBytes } from 'node:crypto';

export type OutboxSequence = () => string;

/**
 * Monotonic within a process even if the clock steps back. Across processes the order is the clocks'
 * order: two appends to one stream are a read and a conditional write apart (several ms), far more
 * than the skew of NTP-synchronised hosts, so a stream's entries still sort in version order.
 */
export const createOutboxSequence = (now: () => number = Date.now): OutboxSequence => {
  const tag = randomBytes(4).toString('hex');
  let lastMs = 0;
  let counter = 0;
  return () => {
    const ms = Math.max(now(), lastMs);
    counter = ms === lastMs ? counter + 1 : 0;
    lastMs = ms;
    return `${String(ms).padStart(13, '0')}-${String(counter).padStart(6, '0')}-${tag}`;
  };
};
