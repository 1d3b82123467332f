// The outbox sort keys: string order must be append order, within a millisecond and when the clock
// steps back.
import { createOutboxSequence } from '../src/adapters/dynamodb-outbox-sequence';

describe('outbox sequence', () => {
  it('sorts in the order it was issued, within one millisecond and when the clock steps back', () => {
    const clock = [1_000, 1_000, 1_000, 999, 2_000, 1_500, 2_001];
    const next = createOutboxSequence(() => clock.shift() ?? 0);

    const issued = Array.from({ length: 7 }, () => next());

    expect([...issued].sort()).toEqual(issued);
    expect(new Set(issued).size).toBe(7);
  });

  it('has a fixed width, so string order matches time order across digit counts', () => {
    const early = createOutboxSequence(() => 999)();
    const late = createOutboxSequence(() => 1_000)();
    expect(early.length).toBe(late.length);
    expect(early < late).toBe(true);
  });
});
