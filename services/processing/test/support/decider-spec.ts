// Given/when/then for the Transcode aggregate: given past events, when a command, then new events
// (or an error). Evolves the given events through the real evolve, so the spec tests both halves.
import { foldEvents } from '@mediaflow/service-kit';
import { transcodeDecider, type TranscodeCommand } from '../../src/domain/transcode-decider';
import type { TranscodeEvent } from '../../src/domain/transcode-events';

export const given = (...past: TranscodeEvent[]) => ({
  when: (command: TranscodeCommand) => {
    const run = () => transcodeDecider.decide(command, foldEvents(transcodeDecider, past));
    return {
      then: (...expected: TranscodeEvent[]) => expect(run()).toEqual(expected),
      thenNothing: () => expect(run()).toEqual([]),
      thenThrows: (error: new (...args: never[]) => Error) => expect(run).toThrow(error),
    };
  },
});
