// The production clock and id generator; tests pass fixed ones.
import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from './event-context';

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: IdGenerator = { next: () => randomUUID() };
