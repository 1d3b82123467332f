// Reads why DynamoDB cancelled an append's transaction: CancellationReasons has one entry per
// transaction item, in order, so the failing item says whether the stream moved or the inbox had it.

/** What each transaction item of an append guards. */
export type AppendItemRole = 'stream' | 'inbox';

type AppendFailure = 'already-handled' | 'version-conflict' | 'unexplained';

const isTransactionCanceled = (
  error: unknown,
): error is Error & { CancellationReasons?: { Code?: string }[] } =>
  (error as { name?: unknown })?.name === 'TransactionCanceledException';

// Some emulators leave CancellationReasons out; DynamoDB and moto also list the codes in the message:
// "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]".
const reasonCodes = (error: Error & { CancellationReasons?: { Code?: string }[] }): string[] => {
  if (error.CancellationReasons?.length) return error.CancellationReasons.map((r) => r.Code ?? 'None');
  const listed = /\[([A-Za-z, ]+)\]\s*$/.exec(error.message)?.[1];
  return listed ? listed.split(',').map((code) => code.trim()) : [];
};

export const classifyAppendFailure = (error: unknown, roles: readonly AppendItemRole[]): AppendFailure => {
  if (!isTransactionCanceled(error)) return 'unexplained';
  const codes = reasonCodes(error);
  const failedAs = (role: AppendItemRole, code: string) =>
    codes.some((c, i) => c === code && roles[i] === role);
  // An inbox hit wins: a redelivered event usually also meets a stream that has moved on since.
  if (failedAs('inbox', 'ConditionalCheckFailed')) return 'already-handled';
  if (failedAs('stream', 'ConditionalCheckFailed')) return 'version-conflict';
  // TransactionConflict: another transaction was writing the same item at that moment. The retry
  // of a conflict re-reads the stream and sees which writer won (or that the event was handled).
  if (codes.includes('TransactionConflict')) return 'version-conflict';
  return 'unexplained';
};
