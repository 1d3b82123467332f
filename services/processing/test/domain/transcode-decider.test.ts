import { DeciderSpecification } from '@mediaflow/service-kit/testing';
import { transcodeDecider } from '../../src/domain/transcode-decider';
import { TranscodeNotRegistered } from '../../src/domain/transcode-errors';
import { commandForRunnerReport } from '../../src/domain/runner-report';
import {
  cancelled,
  dispatched,
  failed,
  finished,
  JOB,
  legacyBegan,
  manifest,
  mediaInfo,
  probed,
  progressed,
  registered,
  registration,
  started,
} from '../support/transcode-events';

const given = DeciderSpecification.for(transcodeDecider);

describe('Transcode aggregate: probing', () => {
  const outcome = { ok: true as const, mediaInfo };

  it('registers the job and records the probe of its first ProbeRequested', () => {
    given([])
      .when({ type: 'RecordProbe', registration: registration(), outcome })
      .then([registered(), probed]);
  });

  it('probes nothing twice once the media is probed', () => {
    given([registered(), probed])
      .when({ type: 'RecordProbe', registration: registration(), outcome })
      .thenNothingHappened();
  });

  it('records a new probe after a transient probe failure, without registering again', () => {
    const transient = {
      type: 'ProbeFailed' as const,
      data: { jobId: JOB, code: 'SOURCE_UNREACHABLE', reason: 'timeout', retryable: true },
    };
    given([registered(), transient])
      .when({ type: 'RecordProbe', registration: registration(), outcome })
      .then(probed);
  });

  it('keeps a probe failure within the contract: code upper-snake, reason at most 2000 characters', () => {
    const events = given([]).when({
      type: 'RecordProbe',
      registration: registration(),
      outcome: { ok: false, code: 'enoent', reason: 'x'.repeat(5000), retryable: false },
    });
    events.then([
      registered(),
      {
        type: 'ProbeFailed',
        data: {
          jobId: JOB,
          code: 'ENOENT',
          reason: expect.stringMatching(/truncated\)$/) as string,
          retryable: false,
        },
      },
    ]);
  });

  it('only registers a job cancelled before it was probed', () => {
    given([cancelled()])
      .when({ type: 'RecordProbe', registration: registration(), outcome })
      .then(registered());
  });
});

describe('Transcode aggregate: attempts', () => {
  it('starts attempt 1 of a probed job on its runner', () => {
    given([registered(), probed])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 1, runnerId: 'r1' })
      .then(dispatched(1, 'r1'));
  });

  it('does not start the same attempt twice (a redelivered TranscodeRequested)', () => {
    given([registered(), probed, dispatched(1, 'r1')])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 1, runnerId: 'r2' })
      .thenNothingHappened();
  });

  it('does not start an older attempt after a newer one', () => {
    given([registered(), probed, dispatched(1), failed(1), dispatched(2)])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 1, runnerId: 'x' })
      .thenNothingHappened();
  });

  it('starts the retry after a retryable failure', () => {
    given([registered(), probed, dispatched(1), failed(1)])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 2, runnerId: 'r2' })
      .then(dispatched(2, 'r2'));
  });

  it('abandons an attempt still counted as running when a higher one starts', () => {
    given([registered(), probed, dispatched(1)])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 2, runnerId: 'r2' })
      .then([
        { type: 'TranscodeAttemptAbandoned', data: { jobId: JOB, attempt: 1, supersededBy: 2 } },
        dispatched(2, 'r2'),
      ]);
  });

  it('starts nothing after a cancel', () => {
    given([registered(), probed, cancelled()])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 1, runnerId: 'r1' })
      .thenNothingHappened();
  });

  it('refuses to start a job whose ProbeRequested it never recorded', () => {
    given([])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 1, runnerId: 'r1' })
      .thenThrows(TranscodeNotRegistered);
  });
});

describe('Transcode aggregate: runner reports', () => {
  const waiting = [registered(), probed, dispatched(1)];
  const running = [...waiting, started(1)];

  it("publishes TranscodeStarted, once, when the dispatched attempt's runner began (it left the queue)", () => {
    given(waiting).when({ type: 'RecordRunnerBegan', attempt: 1 }).then(started(1));
    given(running).when({ type: 'RecordRunnerBegan', attempt: 1 }).thenNothingHappened();
    given([...waiting, failed(1)])
      .when({ type: 'RecordRunnerBegan', attempt: 1 })
      .thenNothingHappened();
  });

  it('publishes TranscodeStarted first when progress or a finish shows a runner began whose first report was lost', () => {
    given(waiting)
      .when({ type: 'RecordProgress', attempt: 1, percent: 5 })
      .then([started(1), progressed(1, 5)]);
    given(waiting)
      .when({ type: 'FinishAttempt', attempt: 1, manifest })
      .then([started(1), finished(1)]);
  });

  it('reads streams written before TranscodeAttemptDispatched: TranscodeStarted was the dispatch, TranscodeRunnerBegan the start', () => {
    const legacy = [registered(), probed, started(1)];
    given(legacy).when({ type: 'RecordRunnerBegan', attempt: 1 }).then(started(1));
    given([...legacy, legacyBegan(1)])
      .when({ type: 'RecordRunnerBegan', attempt: 1 })
      .thenNothingHappened();
    given([...legacy, legacyBegan(1)])
      .when({ type: 'RecordProgress', attempt: 1, percent: 5 })
      .then(progressed(1, 5));
  });

  it('maps a runner dropped from the queue to a retryable RUNNER_NOT_STARTED (and no TranscodeStarted: it never began), a stopped one to RUNNER_INTERRUPTED', () => {
    given(waiting)
      .when(commandForRunnerReport(1, { type: 'dropped' }))
      .then({
        type: 'TranscodeFailed',
        data: {
          jobId: JOB,
          attempt: 1,
          code: 'RUNNER_NOT_STARTED',
          reason: expect.any(String),
          retryable: true,
        },
      });
    given(running)
      .when(commandForRunnerReport(1, { type: 'cancelled' }))
      .then({
        type: 'TranscodeFailed',
        data: {
          jobId: JOB,
          attempt: 1,
          code: 'RUNNER_INTERRUPTED',
          reason: expect.any(String),
          retryable: true,
        },
      });
  });

  it('records progress of the running attempt, clamped to 0..100', () => {
    given(running).when({ type: 'RecordProgress', attempt: 1, percent: 42.04 }).then(progressed(1, 42));
    given(running).when({ type: 'RecordProgress', attempt: 1, percent: 180 }).then(progressed(1, 100));
  });

  it('records an unchanged percent (a heartbeat) but never a step back', () => {
    given([...running, progressed(1, 40)])
      .when({ type: 'RecordProgress', attempt: 1, percent: 40 })
      .then(progressed(1, 40));
    given([...running, progressed(1, 40)])
      .when({ type: 'RecordProgress', attempt: 1, percent: 30 })
      .thenNothingHappened();
  });

  it('ignores progress of an attempt that is not the current one', () => {
    given([...running, failed(1), dispatched(2)])
      .when({ type: 'RecordProgress', attempt: 1, percent: 50 })
      .thenNothingHappened();
  });

  it('finishes the running attempt with its manifest, once', () => {
    given(running).when({ type: 'FinishAttempt', attempt: 1, manifest }).then(finished(1));
    given(running)
      .when({ type: 'FinishAttempt', attempt: 1, manifest, transcodeSeconds: 1.25 })
      .then({
        type: 'TranscodeFinished',
        data: { jobId: JOB, attempt: 1, manifest, transcodeSeconds: 1.25 },
      });
    given([...running, finished(1)])
      .when({ type: 'FinishAttempt', attempt: 1, manifest })
      .thenNothingHappened();
  });

  it('ignores a finish after the attempt was cancelled or failed by the watchdog', () => {
    given([...running, cancelled(1)])
      .when({ type: 'FinishAttempt', attempt: 1, manifest })
      .thenNothingHappened();
    given([...running, failed(1, 'RUNNER_STALLED')])
      .when({ type: 'FinishAttempt', attempt: 1, manifest })
      .thenNothingHappened();
  });

  it('fails the running attempt with a contract-safe code', () => {
    given(running)
      .when({ type: 'FailAttempt', attempt: 1, code: 'RUNNER_LOST', reason: 'gone', retryable: true })
      .then({
        type: 'TranscodeFailed',
        data: { jobId: JOB, attempt: 1, code: 'RUNNER_LOST', reason: 'gone', retryable: true },
      });
    given(running)
      .when({ type: 'FailAttempt', attempt: 1, code: 'weird code!', reason: ' ', retryable: false })
      .then({
        type: 'TranscodeFailed',
        data: { jobId: JOB, attempt: 1, code: 'WEIRD_CODE_', reason: 'no reason given', retryable: false },
      });
  });
});

describe('Transcode aggregate: cancellation', () => {
  it('records the cancel with the attempt it stops', () => {
    given([registered(), probed, dispatched(1), progressed(1, 10)])
      .when({ type: 'Cancel', jobId: JOB, reason: 'owner asked' })
      .then({
        type: 'TranscodeCancelled',
        data: { jobId: JOB, attempt: 1, reason: 'owner asked' },
      });
  });

  it('records a cancel with no attempt running, and only once', () => {
    given([registered(), probed]).when({ type: 'Cancel', jobId: JOB }).then(cancelled());
    given([registered(), probed, cancelled()]).when({ type: 'Cancel', jobId: JOB }).thenNothingHappened();
  });
});

describe('Transcode aggregate: outputs of a cancelled job', () => {
  const planned = {
    type: 'TranscodeOutputsPlanned' as const,
    data: { jobId: JOB, outputPrefix: 'owner-1/job' },
  };
  const deleted = {
    type: 'TranscodeOutputsDeleted' as const,
    data: { jobId: JOB, outputPrefix: 'owner-1/job', count: 4 },
  };

  it('records where the outputs go when the first attempt starts, and not again on a retry', () => {
    given([registered(), probed])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 1, runnerId: 'r1', outputPrefix: 'owner-1/job' })
      .then([planned, dispatched(1, 'r1')]);
    given([registered(), probed, planned, dispatched(1, 'r1'), failed(1)])
      .when({ type: 'StartAttempt', jobId: JOB, attempt: 2, runnerId: 'r2', outputPrefix: 'owner-1/job' })
      .then(dispatched(2, 'r2'));
  });

  it("records the deletion of a cancelled job's outputs once", () => {
    given([registered(), probed, planned, dispatched(1), finished(1), cancelled()])
      .when({ type: 'RecordOutputsDeleted', outputPrefix: 'owner-1/job', count: 4 })
      .then(deleted);
    given([registered(), probed, planned, dispatched(1), finished(1), cancelled(), deleted])
      .when({ type: 'RecordOutputsDeleted', outputPrefix: 'owner-1/job', count: 0 })
      .thenNothingHappened();
  });

  it('records no deletion for a job that was not cancelled', () => {
    given([registered(), probed, planned, dispatched(1), finished(1)])
      .when({ type: 'RecordOutputsDeleted', outputPrefix: 'owner-1/job', count: 4 })
      .thenNothingHappened();
  });
});
