// Runs one command against one stream: read, fold, decide, append at the version read. A concurrent
// writer makes the append conflict, so the command is decided again on fresh state (bounded). When
// the command reacts to an incoming event, that event's id goes into the inbox in the same append:
// a redelivered event then writes nothing (exactly-once effects on at-least-once delivery).
import { isEventAlreadyHandled, isStreamVersionConflict, type ConsumedEvent, type EventStore } from '@mediaflow/event-store';
import { foldEvents, type Decider, type DomainEvent } from './decider';
import { metadataFor, type Clock, type EventContext, type IdGenerator } from './event-context';

export interface CommandDependencies {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface ExecuteOptions {
  readonly context: EventContext;
  /** Set when the command reacts to a bus event: recorded in the consumer's inbox atomically. */
  readonly consumed?: ConsumedEvent;
  /** Attempts on version conflicts before giving up (default 5). */
  readonly maxAttempts?: number;
}

export type CommandOutcome<E, S> =
  | { readonly status: 'applied'; readonly events: readonly E[]; readonly state: S; readonly version: number }
  | { readonly status: 'duplicate' };

class CommandConflictPersisted extends Error {
  readonly code = 'COMMAND_CONFLICT_PERSISTED';
  override readonly name = 'CommandConflictPersisted';
  constructor(
    readonly streamId: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`stream ${streamId} kept changing under the command: ${attempts} attempts conflicted`, options);
  }
}

export const executeCommand = async <C, E extends DomainEvent, S>(
  deps: CommandDependencies,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  options: ExecuteOptions,
): Promise<CommandOutcome<E, S>> => {
  const maxAttempts = options.maxAttempts ?? 5;
  let lastConflict: unknown;
  // A redelivered event is answered before deciding: its first delivery already changed the state,
  // so deciding again could refuse it (e.g. "already created") instead of recognising it.
  if (options.consumed && (await deps.store.hasHandled(options.consumed.consumer, options.consumed.eventId))) {
    return { status: 'duplicate' };
  }
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const stored = await deps.store.read(streamId);
    const past = stored.map((e) => ({ type: e.type, data: e.data }) as E);
    const state = foldEvents(decider, past);
    const events = decider.decide(command, state);
    const newEvents = events.map((e) => ({ type: e.type, data: e.data, metadata: metadataFor(e.type, options.context, deps.clock, deps.ids) }));
    try {
      const { nextExpectedVersion } = await deps.store.append(streamId, stored.length, newEvents, { consumed: options.consumed });
      return { status: 'applied', events, state: events.reduce((s, e) => decider.evolve(s, e), state), version: nextExpectedVersion };
    } catch (error) {
      if (isEventAlreadyHandled(error)) return { status: 'duplicate' };
      if (!isStreamVersionConflict(error)) throw error;
      lastConflict = error;
    }
  }
  throw new CommandConflictPersisted(streamId, maxAttempts, { cause: lastConflict });
};
