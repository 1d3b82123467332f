// Given/when/then for deciders (Emmett's DeciderSpecification): given past events, when a command,
// then the new events, nothing, or an error. The given events go through the real evolve, so a spec
// tests both halves of the decider.
import { foldEvents, type Decider, type DomainEvent } from '../decider';

type ErrorConstructor<ErrorType extends Error> = new (...args: never[]) => ErrorType;
/** A predicate on the thrown error, or properties it must have (`{ code: 'JOB_NOT_FOUND' }`). */
type ErrorCheck<ErrorType extends Error> = ((error: ErrorType) => boolean) | Partial<ErrorType>;
/** Any error, with whatever properties it carries (`code` on our domain errors). */
type AnyError = Error & Record<string, unknown>;

interface DeciderOutcome<Event extends DomainEvent> {
  /** The command causes exactly these events, in this order. */
  then(expected: Event | readonly Event[]): void;
  /** The command causes no event. */
  thenNothingHappened(): void;
  /** The command is refused with an error matching the check. */
  thenThrows(check: ErrorCheck<AnyError>): void;
  /** The command is refused with an error of this type (and, when given, matching the check). */
  thenThrows<ErrorType extends Error>(errorType: ErrorConstructor<ErrorType>, check?: ErrorCheck<ErrorType>): void;
}

export type DeciderSpecification<Command, Event extends DomainEvent> = (given: Event | readonly Event[]) => {
  when(command: Command): DeciderOutcome<Event>;
};

const asArray = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? (value as readonly T[]) : [value as T]);

// A class has a prototype whose constructor is itself; an arrow-function predicate has no prototype.
const isErrorConstructor = (value: unknown): value is ErrorConstructor<Error> =>
  typeof value === 'function' && (value as { prototype?: { constructor?: unknown } }).prototype?.constructor === value;

const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

const assertMatches = (error: AnyError, check: ErrorCheck<AnyError>): void => {
  if (typeof check === 'function') {
    if (!check(error)) throw new Error(`the error does not match the expected condition: ${describeError(error)}`);
    return;
  }
  expect(error).toMatchObject(check);
};

const outcome = <Event extends DomainEvent>(decide: () => readonly Event[]): DeciderOutcome<Event> => ({
  then: (expected) => expect(decide()).toEqual(asArray(expected)),
  thenNothingHappened: () => expect(decide()).toEqual([]),
  thenThrows: (first: ErrorConstructor<Error> | ErrorCheck<AnyError>, check?: ErrorCheck<AnyError>) => {
    let thrown: unknown;
    let events: readonly Event[] | undefined;
    try {
      events = decide();
    } catch (error) {
      thrown = error;
    }
    if (events !== undefined) throw new Error(`expected the command to be refused, but it was accepted with ${JSON.stringify(events)}`);
    if (!(thrown instanceof Error)) throw new Error(`expected an Error to be thrown, got ${describeError(thrown)}`);
    if (isErrorConstructor(first)) {
      if (!(thrown instanceof first)) throw new Error(`expected a ${first.name}, got ${describeError(thrown)}`);
      if (check !== undefined) assertMatches(thrown as AnyError, check);
      return;
    }
    assertMatches(thrown as AnyError, first);
  },
});

export const DeciderSpecification = {
  for:
    <Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>): DeciderSpecification<Command, Event> =>
    (given) => ({
      when: (command) => outcome<Event>(() => decider.decide(command, foldEvents(decider, asArray(given)))),
    }),
};
