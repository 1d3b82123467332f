// Given/when/then for deciders: given past events, when a command, then the new events or an error.
import { foldEvents, type Decider, type DomainEvent } from '@mediaflow/service-kit';

export const deciderSpec = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>) => ({
  given: (past: readonly E[]) => ({
    when: (command: C) => {
      const run = () => decider.decide(command, foldEvents(decider, past));
      return {
        then: (expected: readonly E[]) => expect(run()).toEqual(expected),
        thenNothing: () => expect(run()).toEqual([]),
        thenThrows: (error: new (...args: never[]) => Error, code: string) => {
          let thrown: unknown;
          try {
            run();
          } catch (caught) {
            thrown = caught;
          }
          expect(thrown).toBeInstanceOf(error);
          expect((thrown as { code?: string }).code).toBe(code);
        },
      };
    },
  }),
});
