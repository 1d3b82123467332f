// Given/when/then for deciders: given past events, when a command, then the new events or an error.
import { foldEvents, type Decider, type DomainEvent } from '@mediaflow/service-kit';

export const deciderSpec = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>) => ({
  given: (past: readonly E[]) => ({
    when: (command: C) => {
      const run = (): readonly E[] => decider.decide(command, foldEvents(decider, past));
      return {
        then: (expected: readonly E[]) => expect(run()).toEqual(expected),
        thenThrows: (errorType: new (...args: never[]) => Error, code?: string) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorType);
          if (code !== undefined) expect((thrown as { code?: string }).code).toBe(code);
        },
      };
    },
  }),
});
