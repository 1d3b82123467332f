// The decider specification itself: it passes when the decider does what the spec says, and fails
// (with a message) when the events differ, when nothing was expected, or when a refusal is not the one expected.
import type { Decider } from '../src';
import { DeciderSpecification } from '../src/testing';

type CounterEvent = { type: 'Incremented'; data: { by: number } } | { type: 'Reset'; data: Record<string, never> };
type Command = { type: 'Increment'; by: number; max: number } | { type: 'Reset' };
class LimitReached extends Error {
  readonly code = 'LIMIT_REACHED';
}
class OtherError extends Error {
  readonly code = 'OTHER';
}

const counter: Decider<Command, CounterEvent, { total: number }> = {
  initialState: { total: 0 },
  evolve: (s, e) => (e.type === 'Reset' ? { total: 0 } : { total: s.total + e.data.by }),
  decide: (c, s) => {
    if (c.type === 'Reset') return s.total === 0 ? [] : [{ type: 'Reset', data: {} }];
    if (s.total + c.by > c.max) throw new LimitReached(`would pass ${c.max}`);
    return [{ type: 'Incremented', data: { by: c.by } }];
  },
};

const given = DeciderSpecification.for(counter);
const incremented = (by: number): CounterEvent => ({ type: 'Incremented', data: { by } });
const increment = (by: number, max = 10): Command => ({ type: 'Increment', by, max });

describe('DeciderSpecification', () => {
  it('passes when the command causes exactly the expected events, given as a list or as one event', () => {
    given([]).when(increment(2)).then([incremented(2)]);
    given(incremented(1)).when(increment(2)).then(incremented(2));
    given([incremented(3), incremented(4)]).when({ type: 'Reset' }).then([{ type: 'Reset', data: {} }]);
  });

  it('folds the given events through evolve before deciding', () => {
    given([incremented(9)]).when(increment(2)).thenThrows(LimitReached);
    given([incremented(9), { type: 'Reset', data: {} }]).when(increment(2)).then([incremented(2)]);
  });

  it('fails when the events differ, in content, number or order', () => {
    expect(() => given([]).when(increment(2)).then([incremented(3)])).toThrow();
    expect(() => given([]).when(increment(2)).then([incremented(2), incremented(2)])).toThrow();
    expect(() => given([]).when(increment(2)).then([])).toThrow();
  });

  it('passes thenNothingHappened only when no event is caused', () => {
    given([]).when({ type: 'Reset' }).thenNothingHappened();
    expect(() => given([incremented(1)]).when({ type: 'Reset' }).thenNothingHappened()).toThrow();
  });

  it('lets an unexpected refusal through to the test', () => {
    expect(() => given([incremented(10)]).when(increment(1)).then([incremented(1)])).toThrow(LimitReached);
    expect(() => given([incremented(10)]).when(increment(1)).thenNothingHappened()).toThrow(LimitReached);
  });

  it('passes thenThrows with the error type, its properties, or a predicate', () => {
    const refused = given([incremented(10)]).when(increment(1));
    refused.thenThrows(LimitReached);
    refused.thenThrows(Error);
    refused.thenThrows(LimitReached, { code: 'LIMIT_REACHED' });
    refused.thenThrows(LimitReached, (error) => error.message === 'would pass 10');
    refused.thenThrows({ code: 'LIMIT_REACHED' });
    refused.thenThrows((error) => error.code === 'LIMIT_REACHED');
  });

  it('fails thenThrows when the command is accepted', () => {
    expect(() => given([]).when(increment(1)).thenThrows(LimitReached)).toThrow(/expected the command to be refused/);
    expect(() => given([]).when({ type: 'Reset' }).thenThrows({ code: 'LIMIT_REACHED' })).toThrow(/expected the command to be refused/);
  });

  it('fails thenThrows when the error is of another type or does not match', () => {
    const refused = given([incremented(10)]).when(increment(1));
    expect(() => refused.thenThrows(OtherError)).toThrow(/expected a OtherError, got/);
    expect(() => refused.thenThrows(LimitReached, { message: 'would pass 11' })).toThrow();
    expect(() => refused.thenThrows(LimitReached, () => false)).toThrow(/does not match the expected condition/);
    expect(() => refused.thenThrows({ code: 'OTHER' })).toThrow();
    expect(() => refused.thenThrows((error) => error.code === 'OTHER')).toThrow(/does not match/);
  });
});
