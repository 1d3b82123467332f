// TranscodeRequested → the attempt handed to a runner: recorded as dispatched (internal), not as
// TranscodeStarted (that is the runner's own first report), with processing's probe in the job spec so
// the runner plans from what jobs planned from and does not probe the input again.
import {
  mediaInfoFromContract,
  planOutputs,
  profileByName,
  toRenditionPlan,
} from '@mediaflow/media-planning';
import { SqliteActiveTranscodes } from '../../src/adapters/local/sqlite-active-transcodes';
import { handleTranscodeRequested } from '../../src/application/dispatch-attempt';
import { FakeRunnerDispatcher } from '../support/fake-runner-dispatcher';
import { busEvent } from '../support/processing-harness';
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
import { JOB, mediaInfo, probed, registered } from '../support/transcode-events';

describe('dispatching an attempt', () => {
  let temp: TempStore;
  let active: SqliteActiveTranscodes;
  const clock = manualClock(Date.parse('2026-01-01T00:00:00Z'));
  beforeEach(async () => {
    temp = openTempStore();
    active = new SqliteActiveTranscodes(`${temp.dir}/processing.read.sqlite`);
    await seed(temp.store, JOB, [registered(), probed], clock.now());
  });
  afterEach(() => {
    active.close();
    temp.close();
  });

  it('hands the runner the spec with the probe jobs planned from, and records the dispatch, not TranscodeStarted', async () => {
    const dispatcher = new FakeRunnerDispatcher();
    const plan = toRenditionPlan(
      planOutputs(mediaInfoFromContract(mediaInfo), profileByName('sd')),
      `owner-1/${JOB}`,
    );
    const deps = { store: temp.store, clock, ids: testIds, dispatcher, active };
    await handleTranscodeRequested(
      deps,
      busEvent('TranscodeRequested', { jobId: JOB, attempt: 1, plan }),
      quietLogger(),
    );

    expect(dispatcher.started).toHaveLength(1);
    expect(dispatcher.started[0]).toMatchObject({
      jobId: JOB,
      attempt: 1,
      mediaInfo,
      outputPrefix: `owner-1/${JOB}`,
    });
    const types = await typesOf(temp.store, JOB);
    expect(types).toContain('TranscodeAttemptDispatched');
    expect(types).not.toContain('TranscodeStarted');
    const [dispatched] = (await dataOf(temp.store, JOB, 'TranscodeAttemptDispatched')) as {
      runnerId: string;
    }[];
    expect(dispatched!.runnerId).toBe(`fake-${JOB}-1`); // the runner the dispatcher answered
  });
});
