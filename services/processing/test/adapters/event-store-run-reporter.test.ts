// The ECS runner's reporter against the real SQLite store: it appends through the Transcode aggregate
// like the service does, throttles progress, and notices when its attempt was ended under it.
import { EventStoreRunReporter } from '../../src/adapters/aws/event-store-run-reporter';
import type { JobSpec } from '../../src/application/job-spec';
import { defaultProgressThrottle } from '../../src/domain/progress-throttle';
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
import { cancelled, JOB, probed, registered, dispatched } from '../support/transcode-events';

const spec: JobSpec = {
  jobId: JOB,
  attempt: 1,
  input: 'blob:owner-1/up/source',
  outputPrefix: `owner-1/${JOB}`,
  profile: 'sd',
  context: { ownerId: 'owner-1', correlationId: 'corr-1' },
  wallClockLimitSeconds: 60,
};
const manifest = [
  { key: `owner-1/${JOB}/poster.jpg`, kind: 'poster' as const, sizeBytes: 3, sha256: 'b'.repeat(64) },
];

describe('EventStoreRunReporter (runner on ECS)', () => {
  let temp: TempStore;
  const clock = manualClock();
  const reporter = (onAttemptEnded?: () => void) =>
    new EventStoreRunReporter({
      store: temp.store,
      clock,
      ids: testIds,
      logger: quietLogger(),
      spec,
      throttle: defaultProgressThrottle(120_000),
      onAttemptEnded,
    });

  beforeEach(async () => {
    temp = openTempStore();
    await seed(temp.store, JOB, [registered(), probed, dispatched(1)]);
  });
  afterEach(() => temp.close());

  it('appends throttled progress, then TranscodeFinished with the manifest, in order', async () => {
    const r = reporter();
    r.progress(1);
    clock.advance(500);
    r.progress(30); // within 2 s of the last event: dropped
    clock.advance(2000);
    r.progress(31);
    await r.finished({ manifest, transcodeSeconds: 1, planKind: 'video' });
    expect(await dataOf(temp.store, JOB, 'TranscodeProgressed')).toEqual([
      { jobId: JOB, attempt: 1, percent: 1 },
      { jobId: JOB, attempt: 1, percent: 31 },
    ]);
    expect(await dataOf(temp.store, JOB, 'TranscodeFinished')).toEqual([
      { jobId: JOB, attempt: 1, manifest: { outputs: manifest }, transcodeSeconds: 1 },
    ]);
    const [last] = (await temp.store.read(`transcode-${JOB}`)).slice(-1);
    expect(last?.metadata).toMatchObject({ ownerId: 'owner-1', correlationId: 'corr-1' });
  });

  it('records, first and once, that the runner began the attempt (the task left provisioning)', async () => {
    const r = reporter();
    r.began();
    r.began();
    await r.failed({ exitCode: 3, code: 'CORRUPT_MEDIA', reason: 'damaged', retryable: false });
    expect((await typesOf(temp.store, JOB)).slice(3)).toEqual(['TranscodeStarted', 'TranscodeFailed']);
    expect(await dataOf(temp.store, JOB, 'TranscodeStarted')).toEqual([{ jobId: JOB, attempt: 1, runnerId: 'runner-1' }]);
  });

  it('appends TranscodeFailed with the runner failure', async () => {
    await reporter().failed({ exitCode: 3, code: 'CORRUPT_MEDIA', reason: 'damaged', retryable: false });
    expect(await dataOf(temp.store, JOB, 'TranscodeFailed')).toEqual([
      { jobId: JOB, attempt: 1, code: 'CORRUPT_MEDIA', reason: 'damaged', retryable: false },
    ]);
  });

  it('tells the runner to stop once its attempt was cancelled, and records nothing for it', async () => {
    await seed(temp.store, JOB, [cancelled(1)]);
    const ended = jest.fn();
    const r = reporter(ended);
    r.progress(5);
    await r.finished({ manifest, transcodeSeconds: 1, planKind: 'video' });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(await typesOf(temp.store, JOB)).toEqual([
      'TranscodeRegistered',
      'MediaProbed',
      'TranscodeAttemptDispatched',
      'TranscodeCancelled',
    ]);
  });
});
