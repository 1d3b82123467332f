// How a cancelled append transaction is explained, item by item, including the shapes emulators
// send (reasons only in the message) and DynamoDB's TransactionConflict under contention.
import { classifyAppendFailure, type AppendItemRole } from '../src/adapters/dynamodb-append-failure';

const cancelled = (codes: string[], withReasons = true) =>
  Object.assign(
    new Error(
      `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    ),
    {
      name: 'TransactionCanceledException',
      ...(withReasons ? { CancellationReasons: codes.map((Code) => ({ Code })) } : {}),
    },
  );

// An append at version 3 of two events, recording a consumed event: check v3, put v4, put v5, inbox.
const roles: AppendItemRole[] = ['stream', 'stream', 'stream', 'inbox'];

describe('explaining a cancelled append transaction', () => {
  it('reads a failed stream condition as a version conflict', () => {
    expect(classifyAppendFailure(cancelled(['None', 'ConditionalCheckFailed', 'None', 'None']), roles)).toBe(
      'version-conflict',
    );
    expect(classifyAppendFailure(cancelled(['ConditionalCheckFailed', 'None', 'None', 'None']), roles)).toBe(
      'version-conflict',
    );
  });

  it('reads a failed inbox condition as an already handled event, even when the stream failed too', () => {
    expect(classifyAppendFailure(cancelled(['None', 'None', 'None', 'ConditionalCheckFailed']), roles)).toBe(
      'already-handled',
    );
    expect(
      classifyAppendFailure(
        cancelled(['None', 'ConditionalCheckFailed', 'None', 'ConditionalCheckFailed']),
        roles,
      ),
    ).toBe('already-handled');
  });

  it('reads a TransactionConflict (a concurrent writer on the same item) as a version conflict to retry', () => {
    expect(classifyAppendFailure(cancelled(['None', 'TransactionConflict', 'None', 'None']), roles)).toBe(
      'version-conflict',
    );
    expect(classifyAppendFailure(cancelled(['None', 'None', 'None', 'TransactionConflict']), roles)).toBe(
      'version-conflict',
    );
  });

  it('falls back on the codes listed in the message when CancellationReasons is missing', () => {
    expect(
      classifyAppendFailure(cancelled(['None', 'None', 'None', 'ConditionalCheckFailed'], false), roles),
    ).toBe('already-handled');
  });

  it('leaves other failures unexplained, to be rethrown as they are', () => {
    expect(classifyAppendFailure(cancelled(['None', 'ThrottlingError', 'None', 'None']), roles)).toBe(
      'unexplained',
    );
    expect(
      classifyAppendFailure(
        Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }),
        roles,
      ),
    ).toBe('unexplained');
    expect(classifyAppendFailure('not even an error', roles)).toBe('unexplained');
  });
});
