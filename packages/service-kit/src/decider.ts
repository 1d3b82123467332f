// Aggregates are two pure functions (Emmett's decider): decide(command, state) → events and
// evolve(state, event) → state. No I/O, no clock, no random inside: time and ids come in the command.
export interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  /** Returns the events the command causes ([] when it changes nothing); throws a typed domain error to refuse. */
  decide(command: Command, state: State): readonly Event[];
}

export const foldEvents = <E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S =>
  events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
