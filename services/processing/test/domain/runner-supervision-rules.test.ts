// The pure rules behind runner supervision: when progress is worth an event, when an attempt is
// stalled or lost, and what a runner's end means.
import { judgeAttempt, lastSignOfLife } from '../../src/domain/attempt-liveness';
import { defaultProgressThrottle, shouldEmitProgress } from '../../src/domain/progress-throttle';
import { terminalReport } from '../../src/adapters/local/runner-child';

describe('progress throttle', () => {
  const policy = defaultProgressThrottle(120_000);

  it('emits the first report, then at most one per 2 s and per 5 %', () => {
    expect(shouldEmitProgress(undefined, 0.1, 0, policy)).toBe(true);
    const last = { percent: 10, atMs: 0 };
    expect(shouldEmitProgress(last, 30, 1999, policy)).toBe(false);
    expect(shouldEmitProgress(last, 14.9, 5000, policy)).toBe(false);
    expect(shouldEmitProgress(last, 15, 2000, policy)).toBe(true);
  });

  it('emits a heartbeat after a quarter of the stall time (capped at 30 s) even without a 5 % step', () => {
    expect(policy.heartbeatMs).toBe(30_000);
    expect(shouldEmitProgress({ percent: 10, atMs: 0 }, 10.1, 30_000, policy)).toBe(true);
    expect(defaultProgressThrottle(8000).heartbeatMs).toBe(2000);
  });
});

describe('attempt liveness', () => {
  const at = (s: number) => new Date(s * 1000).toISOString();
  const events = [
    { type: 'TranscodeStarted', data: { attempt: 1 }, occurredAt: at(10) },
    { type: 'TranscodeProgressed', data: { attempt: 1, percent: 5 }, occurredAt: at(20) },
    { type: 'TranscodeProgressed', data: { attempt: 2, percent: 5 }, occurredAt: at(99) },
  ];

  it('takes the last start or progress of that attempt as its last sign of life', () => {
    expect(lastSignOfLife(events, 1)).toBe(20_000);
    expect(lastSignOfLife(events, 3)).toBeUndefined();
  });

  it('calls an attempt stalled past the stall time, counting from when its runner really started', () => {
    const running = (s: number) => ({ state: 'running' as const, since: new Date(s * 1000) });
    expect(judgeAttempt(20_000, running(15), 140_000, 120_000)).toBe('healthy');
    expect(judgeAttempt(20_000, running(15), 140_001, 120_000)).toBe('stalled');
    // Queued for long, started a second ago: not stalled.
    expect(judgeAttempt(20_000, running(139), 140_000, 120_000)).toBe('healthy');
  });

  it('never calls a queued attempt stalled, and calls one whose runner is gone lost', () => {
    expect(judgeAttempt(0, { state: 'queued' }, 10_000_000, 1000)).toBe('waiting');
    expect(judgeAttempt(Date.now(), { state: 'gone' }, Date.now(), 120_000)).toBe('lost');
  });
});

describe("a runner's end, as the pool reports it", () => {
  const base = { runnerId: 'local-1', jobId: 'job_1', attempt: 1 };
  const manifest = [{ key: 'o/j/poster.jpg', kind: 'poster' as const, sizeBytes: 1, sha256: 'a'.repeat(64) }];
  const end = (code: number | null, signal: NodeJS.Signals | null = null, stopRequested = false) => ({
    code,
    signal,
    stopRequested,
  });

  it('is finished with the manifest on exit 0 after a result', () => {
    expect(terminalReport(base, { type: 'finished', manifest }, end(0))).toEqual({
      ...base,
      type: 'finished',
      manifest,
    });
  });

  it('is a retryable failure on exit 0 without a result', () => {
    expect(terminalReport(base, undefined, end(0))).toMatchObject({
      type: 'failed',
      code: 'RUNNER_NO_RESULT',
      retryable: true,
    });
  });

  it("keeps the runner's own code and retryability when it reported a failure", () => {
    const failure = { type: 'failed' as const, code: 'CORRUPT_MEDIA', reason: 'bad', retryable: false };
    expect(terminalReport(base, failure, end(3))).toMatchObject({
      type: 'failed',
      code: 'CORRUPT_MEDIA',
      retryable: false,
    });
  });

  it('is cancelled on exit 130, or after a requested stop however it ended', () => {
    expect(terminalReport(base, undefined, end(130))).toMatchObject({ type: 'cancelled' });
    expect(terminalReport(base, undefined, end(null, 'SIGKILL', true))).toMatchObject({ type: 'cancelled' });
  });

  it('is a retryable RUNNER_KILLED when a signal ended it unasked, RUNNER_CRASHED on exit 1', () => {
    expect(terminalReport(base, undefined, end(null, 'SIGKILL'))).toMatchObject({
      type: 'failed',
      code: 'RUNNER_KILLED',
      retryable: true,
    });
    expect(terminalReport(base, undefined, end(1))).toMatchObject({
      type: 'failed',
      code: 'RUNNER_CRASHED',
      retryable: true,
    });
    expect(terminalReport(base, undefined, end(2))).toMatchObject({ type: 'failed', retryable: false });
  });
});
