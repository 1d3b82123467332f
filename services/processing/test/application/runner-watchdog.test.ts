// The watchdog against the real SQLite store: a fake RunnerDispatcher plays the runners (their liveness is
// what the test sets), a hand-moved clock plays time.
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import type { EventStore } from '@mediaflow/event-store';
import { SqliteActiveTranscodes } from '../../src/adapters/local/sqlite-active-transcodes';
import { ChildProcessRunnerDispatcher } from '../../src/adapters/local/child-process-runner-dispatcher';
import { runnerEntrypoint } from '../../src/adapters/local/runner-entrypoint';
import { RunnerWatchdog } from '../../src/application/runner-watchdog';
import type { TranscodeEvent } from '../../src/domain/transcode-events';
import type { RunnerDispatcher, RunnerLiveness } from '../../src/ports/runner-dispatcher';
import { FakeRunnerDispatcher } from '../support/fake-runner-dispatcher';
import {
  dataOf,
  manualClock,
  openTempStore,
  quietLogger,
  seed,
  testIds,
  typesOf,
  type TempStore,
} from '../support/processing-store';
import {
  cancelled,
  dispatched,
  failed,
  finished,
  JOB,
  mediaInfo,
  probed,
  progressed,
  registered,
  started,
} from '../support/transcode-events';

const STALL_MS = 1000;

describe('runner watchdog', () => {
  let temp: TempStore;
  let active: SqliteActiveTranscodes;
  const outputs = () => new LocalDiskBlobStorage({ root: `${temp.dir}/outputs` });
  const clock = manualClock(Date.parse('2026-01-01T00:00:00Z'));
  const watchdog = (dispatcher: RunnerDispatcher, store: EventStore = temp.store) =>
    new RunnerWatchdog({
      store,
      clock,
      ids: testIds,
      logger: quietLogger(),
      active,
      dispatcher,
      outputs: outputs(),
      stallMs: STALL_MS,
      sweepIntervalMs: 50,
    });

  beforeEach(async () => {
    temp = openTempStore();
    active = new SqliteActiveTranscodes(`${temp.dir}/processing.read.sqlite`);
    await seed(temp.store, JOB, [registered(), probed, dispatched(1, 'r1')], clock.now());
    await active.add(JOB, clock.now());
  });
  afterEach(() => {
    active.close();
    temp.close();
  });

  it('leaves an attempt alone while it reports within the stall time', async () => {
    const dispatcher = new FakeRunnerDispatcher();
    dispatcher.liveness.set('r1', { state: 'running', since: clock.now() });
    clock.advance(800);
    await seed(temp.store, JOB, [progressed(1, 40)], clock.now());
    clock.advance(800);
    await watchdog(dispatcher).sweep();
    expect(await typesOf(temp.store, JOB)).not.toContain('TranscodeFailed');
    expect(dispatcher.stopped).toEqual([]);
  });

  it('fails a silent attempt as retryable RUNNER_STALLED and stops its runner', async () => {
    const dispatcher = new FakeRunnerDispatcher();
    dispatcher.liveness.set('r1', { state: 'running', since: clock.now() });
    clock.advance(STALL_MS + 1);
    await watchdog(dispatcher).sweep();
    expect(await dataOf(temp.store, JOB, 'TranscodeFailed')).toEqual([
      { jobId: JOB, attempt: 1, code: 'RUNNER_STALLED', reason: expect.any(String), retryable: true },
    ]);
    expect(dispatcher.stopped).toEqual(['r1']);
  });

  it('never fails an attempt still waiting in the queue', async () => {
    const dispatcher = new FakeRunnerDispatcher();
    dispatcher.liveness.set('r1', { state: 'queued' });
    clock.advance(STALL_MS * 10);
    await watchdog(dispatcher).sweep();
    expect(await typesOf(temp.store, JOB)).not.toContain('TranscodeFailed');
  });

  it('sweeps on its own once started, and stops sweeping when stopped', async () => {
    const dispatcher = new FakeRunnerDispatcher();
    dispatcher.liveness.set('r1', { state: 'running', since: clock.now() });
    const dog = watchdog(dispatcher);
    await dog.start();
    expect(await typesOf(temp.store, JOB)).not.toContain('TranscodeFailed');
    clock.advance(STALL_MS + 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await dog.stop();
    expect(await typesOf(temp.store, JOB)).toContain('TranscodeFailed');
  });

  it('drops a job from its index once nothing runs, and stops a cancelled attempt whose runner lives on', async () => {
    const dispatcher = new FakeRunnerDispatcher();
    dispatcher.liveness.set('r1', { state: 'running', since: clock.now() });
    await seed(temp.store, JOB, [cancelled(1)], clock.now());
    clock.advance(STALL_MS + 1);
    await watchdog(dispatcher).sweep();
    expect(dispatcher.stopped).toEqual(['r1']);
    expect(await active.list()).toEqual([]);
  });

  it('deletes the outputs of a cancelled job once its runner is gone, then drops the job from its index', async () => {
    const stored = outputs();
    await stored.put('owner-1/job/manifest.json', Buffer.from('{}'), { contentType: 'application/json' });
    await stored.put('owner-1/job-other/manifest.json', Buffer.from('{}'), {
      contentType: 'application/json',
    });
    const planned = {
      type: 'TranscodeOutputsPlanned' as const,
      data: { jobId: JOB, outputPrefix: 'owner-1/job' },
    };
    await seed(temp.store, JOB, [planned, cancelled(1)], clock.now());
    const dispatcher = new FakeRunnerDispatcher();
    dispatcher.liveness.set('r1', { state: 'running', since: clock.now() });
    clock.advance(STALL_MS + 1);

    await watchdog(dispatcher).sweep(); // its runner still lives: it may store more
    expect(await stored.head('owner-1/job/manifest.json')).not.toBeNull();
    expect((await active.list()).map((e) => e.jobId)).toEqual([JOB]);

    dispatcher.liveness.delete('r1');
    await watchdog(dispatcher).sweep();
    expect((await stored.list('owner-1/')).map((b) => b.key)).toEqual(['owner-1/job-other/manifest.json']);
    expect((await typesOf(temp.store, JOB)).at(-1)).toBe('TranscodeOutputsDeleted');
    expect(await active.list()).toEqual([]);
  });

  it('keeps a young index entry whose attempt has not been recorded yet (a dispatch in flight)', async () => {
    await seed(temp.store, JOB, [finished(1)], clock.now());
    await active.add('job_in_flight', clock.now());
    await watchdog(new FakeRunnerDispatcher()).sweep();
    expect((await active.list()).map((e) => e.jobId)).toEqual([JOB, 'job_in_flight']);
  });

  describe('an attempt whose runner is gone', () => {
    const sweepWith = async (liveness: RunnerLiveness) => {
      const dispatcher = new FakeRunnerDispatcher();
      dispatcher.liveness.set('r1', liveness);
      await watchdog(dispatcher).sweep();
      return dataOf(temp.store, JOB, 'TranscodeFailed');
    };

    it('is failed as RUNNER_HOST_RESTARTED when it had begun in a host process that restarted since', async () => {
      await seed(temp.store, JOB, [started(1)], clock.now());
      expect(await sweepWith({ state: 'gone', cause: 'host-restarted' })).toEqual([
        { jobId: JOB, attempt: 1, code: 'RUNNER_HOST_RESTARTED', reason: expect.any(String), retryable: true },
      ]);
    });

    it('is failed as RUNNER_LOST when it had begun and its dispatcher gives no cause', async () => {
      await seed(temp.store, JOB, [started(1)], clock.now());
      expect(await sweepWith({ state: 'gone' })).toEqual([
        { jobId: JOB, attempt: 1, code: 'RUNNER_LOST', reason: expect.any(String), retryable: true },
      ]);
    });

    it('is failed as RUNNER_NOT_STARTED when it never began, whatever the cause', async () => {
      expect(await sweepWith({ state: 'gone', cause: 'host-restarted' })).toEqual([
        { jobId: JOB, attempt: 1, code: 'RUNNER_NOT_STARTED', reason: expect.any(String), retryable: true },
      ]);
    });
  });

  describe("at start, an attempt whose runner is not in this process's pool (restart after kill -9)", () => {
    // The pools here only answer status(): no warm spares, and no bundle built (an entrypoint is given).
    const restart = async () => {
      const dog = watchdog(
        new ChildProcessRunnerDispatcher({ concurrency: 1, warmSpares: 0, entrypoint: runnerEntrypoint(), logger: quietLogger(), env: process.env }),
      );
      await dog.start();
      await dog.stop();
      return (await dataOf(temp.store, JOB, 'TranscodeFailed')) as { attempt: number; code: string }[];
    };

    it('is failed as RUNNER_LOST once its runner had begun', async () => {
      await seed(temp.store, JOB, [started(1)], clock.now());
      expect(await restart()).toEqual([
        { jobId: JOB, attempt: 1, code: 'RUNNER_LOST', reason: expect.any(String), retryable: true },
      ]);
    });

    it('is failed as RUNNER_LOST when it had reported progress (a runner older than its began report)', async () => {
      await seed(temp.store, JOB, [progressed(1, 0)], clock.now());
      expect(await restart()).toEqual([
        { jobId: JOB, attempt: 1, code: 'RUNNER_LOST', reason: expect.any(String), retryable: true },
      ]);
    });

    it('is failed as RUNNER_NOT_STARTED while it had only waited in the queue (it did no work)', async () => {
      expect(await restart()).toEqual([
        { jobId: JOB, attempt: 1, code: 'RUNNER_NOT_STARTED', reason: expect.any(String), retryable: true },
      ]);
    });

    it('fails the attempts that never began first, so jobs retries them first (not the job that just ran, again)', async () => {
      const OTHER = 'job_02OTHER';
      const other: TranscodeEvent[] = [
        registered({ jobId: OTHER, uploadId: 'up_02OTHER' }),
        { type: 'MediaProbed', data: { jobId: OTHER, mediaInfo } },
        { type: 'TranscodeStarted', data: { jobId: OTHER, attempt: 1, runnerId: 'r9' } },
      ];
      await seed(temp.store, JOB, [started(1)], clock.now());
      await seed(temp.store, OTHER, other, clock.now());
      clock.advance(1);
      await active.add(OTHER, clock.now()); // after JOB in the index
      const failedStreams: string[] = [];
      const recording = new Proxy(temp.store, {
        get(target, prop) {
          if (prop === 'append')
            return (...args: Parameters<EventStore['append']>) => {
              if (args[2].some((e) => e.type === 'TranscodeFailed')) failedStreams.push(args[0]);
              return target.append(...args);
            };
          const value: unknown = Reflect.get(target, prop);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const dog = watchdog(
        new ChildProcessRunnerDispatcher({ concurrency: 1, warmSpares: 0, entrypoint: runnerEntrypoint(), logger: quietLogger(), env: process.env }),
        recording,
      );
      await dog.start();
      await dog.stop();
      expect(failedStreams).toEqual([`transcode-${OTHER}`, `transcode-${JOB}`]);
      expect(await dataOf(temp.store, OTHER, 'TranscodeFailed')).toMatchObject([
        { code: 'RUNNER_NOT_STARTED' },
      ]);
      expect(await dataOf(temp.store, JOB, 'TranscodeFailed')).toMatchObject([{ code: 'RUNNER_LOST' }]);
    });

    it("is failed as RUNNER_HOST_RESTARTED when its runner id names an earlier incarnation of the pool", async () => {
      const earlier = 'local-0123456789ab-6f1c2a9e-0d4b-4c1e-9a57-3b2f8e1d7c60';
      await seed(temp.store, JOB, [started(1), failed(1, 'RUNNER_LOST'), dispatched(2, earlier), started(2)], clock.now());
      expect((await restart()).map((f) => [f.attempt, f.code])).toEqual([
        [1, 'RUNNER_LOST'],
        [2, 'RUNNER_HOST_RESTARTED'],
      ]);
    });

    it('asks whether the current attempt began: an earlier one that began does not count', async () => {
      await seed(temp.store, JOB, [started(1), failed(1, 'RUNNER_LOST'), dispatched(2, 'r2')], clock.now());
      expect((await restart()).map((f) => [f.attempt, f.code])).toEqual([
        [1, 'RUNNER_LOST'],
        [2, 'RUNNER_NOT_STARTED'],
      ]);
    });
  });
});
