// processing's handlers end to end inside the service: the real SQLite store, ffprobe, and the real
// pool forking the real runner on generated clips. Events in are delivered as the bus would.
import fs from 'node:fs';
import path from 'node:path';
import { MediaProbedV1Schema, type EventDataOf } from '@mediaflow/contracts';
import { generateClip } from '../../src/testing/clips';
import { busEvent, createHarness, type Harness } from '../support/processing-harness';

describe('processing handlers (real store, real runner, real ffmpeg)', () => {
  let h: Harness;
  beforeAll(() => {
    h = createHarness({ concurrency: 2 });
  });
  afterAll(() => h.close());

  it('probes the upload of a ProbeRequested into MediaProbed, exactly once per event', async () => {
    const clip = await generateClip('no-audio');
    const created = await h.upload('job_probe', clip.path);
    await h.deliver(created);
    await h.deliver(created);
    expect(await h.types('job_probe')).toEqual(['TranscodeRegistered', 'MediaProbed']);
    const [probed] = (await h.data('job_probe', 'MediaProbed')) as EventDataOf<'MediaProbed', 1>[];
    expect(MediaProbedV1Schema.parse(probed)).toMatchObject({
      mediaInfo: { kind: 'video', sizeBytes: clip.sizeBytes, video: { width: 640, height: 360 } },
    });
  });

  it('runs a validated job: TranscodeStarted, progress, then TranscodeFinished with stored outputs', async () => {
    const clip = await generateClip('no-audio');
    await h.deliver(await h.upload('job_run', clip.path));
    const validated = await h.validated('job_run');
    await h.deliver(validated);
    await h.deliver({ ...validated, metadata: { ...validated.metadata, eventId: 'another-delivery' } });
    await h.waitFor('TranscodeFinished', async () =>
      (await h.types('job_run')).includes('TranscodeFinished'),
    );

    const types = await h.types('job_run');
    expect(types.filter((t) => t === 'TranscodeStarted')).toHaveLength(1);
    expect(types.indexOf('TranscodeProgressed')).toBeGreaterThan(types.indexOf('TranscodeStarted'));
    const [done] = (await h.data('job_run', 'TranscodeFinished')) as EventDataOf<'TranscodeFinished', 1>[];
    expect(done).toMatchObject({ jobId: 'job_run', attempt: 1 });
    const kinds = done!.manifest.outputs.map((o) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(['hls-master', 'hls-rendition', 'mp4', 'poster']));
    for (const output of done!.manifest.outputs)
      expect(fs.statSync(path.join(h.outputsDir, output.key)).size).toBe(output.sizeBytes);
  }, 120_000);

  it('stops the runner of a cancelled job: TranscodeCancelled, no TranscodeFinished, no outputs', async () => {
    // 20 s, so the cancel lands mid-transcode even on a loaded machine (a 2 s clip could finish first).
    const clip = await generateClip('long-landscape');
    await h.deliver(await h.upload('job_cancel', clip.path, 'high'));
    await h.deliver(await h.validated('job_cancel', 'high'));
    await h.waitFor('the runner to report', async () =>
      (await h.types('job_cancel')).includes('TranscodeProgressed'),
    );
    await h.deliver(busEvent('JobCancelled', { jobId: 'job_cancel', reason: 'owner asked' }));
    await h.waitFor('the runner to stop', async () => h.dispatcher.load.running === 0, 30_000);

    const types = await h.types('job_cancel');
    expect(types).toContain('TranscodeCancelled');
    expect(types).not.toContain('TranscodeFinished');
    expect(types).not.toContain('TranscodeFailed');
    expect(h.outputsOf('job_cancel')).toEqual([]);
  }, 120_000);

  it('deletes the outputs an attempt stored when the cancel lands after it finished', async () => {
    const clip = await generateClip('no-audio');
    await h.deliver(await h.upload('job_late_cancel', clip.path));
    await h.deliver(await h.validated('job_late_cancel'));
    await h.waitFor('TranscodeFinished', async () => (await h.types('job_late_cancel')).includes('TranscodeFinished'));
    expect(h.outputsOf('job_late_cancel')).toContain('manifest.json');

    await h.deliver(busEvent('JobCancelled', { jobId: 'job_late_cancel' }));
    expect(h.outputsOf('job_late_cancel')).toEqual([]);
    expect((await h.types('job_late_cancel')).slice(-2)).toEqual(['TranscodeCancelled', 'TranscodeOutputsDeleted']);
  }, 120_000);

  it('answers a corrupt upload with a permanent ProbeFailed', async () => {
    const clip = await generateClip('truncated-mp4');
    await h.deliver(await h.upload('job_corrupt', clip.path));
    expect(await h.data('job_corrupt', 'ProbeFailed')).toEqual([
      { jobId: 'job_corrupt', code: 'CORRUPT_MEDIA', reason: expect.any(String), retryable: false },
    ]);
  });

  it('answers a ProbeRequested whose upload does not exist with a permanent SOURCE_NOT_FOUND', async () => {
    await h.deliver(await h.upload('job_missing', undefined));
    expect(await h.data('job_missing', 'ProbeFailed')).toEqual([
      { jobId: 'job_missing', code: 'SOURCE_NOT_FOUND', reason: expect.any(String), retryable: false },
    ]);
  });

  it('fails loudly with PLAN_MISMATCH when the plan jobs sent differs from the runner’s own', async () => {
    const clip = await generateClip('no-audio');
    await h.deliver(await h.upload('job_drift', clip.path, 'sd'));
    // jobs planned with another profile than the one the job was created with: the ladders differ.
    await h.deliver(await h.validated('job_drift', 'default'));
    await h.waitFor('TranscodeFailed', async () => (await h.types('job_drift')).includes('TranscodeFailed'));
    expect(await h.data('job_drift', 'TranscodeFailed')).toEqual([
      {
        jobId: 'job_drift',
        attempt: 1,
        code: 'PLAN_MISMATCH',
        reason: expect.stringContaining('expected'),
        retryable: false,
      },
    ]);
  }, 60_000);
});
