// The rules inside the v1 schemas that protect consumers: keys that cannot escape the blob root,
// strict objects, bounded numbers, and a plan/manifest vocabulary that stays in step.
import {
  MediaProbedV1Schema,
  OutputKindSchema,
  PlannedOutputSchema,
  StorageKeySchema,
  TranscodeProgressedV1Schema,
  UploadCompletedV1Schema,
  JobValidatedV1Schema,
  type OutputKind,
  type PlannedOutput,
} from '../src';
import { sampleData } from './fixtures/sample-events';

describe('storage keys', () => {
  it.each(['uploads/u1/source', 'outputs/j1/hls/1080p/index.m3u8', '.hidden/x', 'a'])('accepts %j', (key) => {
    expect(StorageKeySchema.safeParse(key).success).toBe(true);
  });

  it.each(['', '/etc/passwd', '../x', 'a/../b', 'a/./b', 'a//b', 'a/', 'a\\b', 'a\u0000b', 'x'.repeat(1025)])(
    'rejects %j',
    (key) => {
      expect(StorageKeySchema.safeParse(key).success).toBe(false);
    },
  );
});

describe('UploadCompleted.v1', () => {
  it('keeps optional what embedded mode or the client may not have', () => {
    const { bucket: _bucket, sha256: _sha, ...minimal } = sampleData.UploadCompleted;
    expect(UploadCompletedV1Schema.safeParse(minimal).success).toBe(true);
  });

  it('rejects a file name with a directory and an unknown field', () => {
    expect(
      UploadCompletedV1Schema.safeParse({ ...sampleData.UploadCompleted, filename: 'a/b.mp4' }).success,
    ).toBe(false);
    expect(UploadCompletedV1Schema.safeParse({ ...sampleData.UploadCompleted, owner: 'x' }).success).toBe(
      false,
    );
  });

  it('rejects a negative or fractional size', () => {
    expect(UploadCompletedV1Schema.safeParse({ ...sampleData.UploadCompleted, size: -1 }).success).toBe(
      false,
    );
    expect(UploadCompletedV1Schema.safeParse({ ...sampleData.UploadCompleted, size: 1.5 }).success).toBe(
      false,
    );
  });
});

describe('MediaProbed.v1', () => {
  it('describes an image without duration or streams', () => {
    const image = {
      kind: 'image',
      container: 'png_pipe',
      sizeBytes: 20_000,
      image: { format: 'png', width: 800, height: 600 },
    };
    expect(MediaProbedV1Schema.safeParse({ jobId: 'j1', mediaInfo: image }).success).toBe(true);
  });

  it('requires the video stream of a video, and only allows quarter-turn rotations', () => {
    const info = sampleData.MediaProbed.mediaInfo;
    if (info.kind !== 'video') throw new Error('the sample is a video');
    const { video: _video, ...withoutVideo } = info;
    expect(MediaProbedV1Schema.safeParse({ jobId: 'j1', mediaInfo: withoutVideo }).success).toBe(false);
    const tilted = { ...info, video: { ...info.video, rotation: 45 } };
    expect(MediaProbedV1Schema.safeParse({ jobId: 'j1', mediaInfo: tilted }).success).toBe(false);
  });
});

describe('JobValidated.v1', () => {
  it('plans exactly the output kinds a manifest can report', () => {
    // Compile-time: both directions of the union must be assignable.
    const sameKinds: [OutputKind, PlannedOutput['kind']] extends [PlannedOutput['kind'], OutputKind]
      ? true
      : false = true;
    expect(sameKinds).toBe(true);
    const planned = PlannedOutputSchema.options.map((o) => o.shape.kind.value).sort();
    expect(planned).toEqual([...OutputKindSchema.options].sort());
  });

  it('rejects an empty plan and an unknown output kind', () => {
    const plan = sampleData.JobValidated.plan;
    expect(JobValidatedV1Schema.safeParse({ jobId: 'j1', plan: { ...plan, outputs: [] } }).success).toBe(
      false,
    );
    const odd = { ...plan, outputs: [{ kind: 'gif' }] };
    expect(JobValidatedV1Schema.safeParse({ jobId: 'j1', plan: odd }).success).toBe(false);
  });
});

describe('TranscodeProgressed.v1', () => {
  it('bounds percent to 0..100 and rejects non-finite numbers', () => {
    const at = (percent: number) =>
      TranscodeProgressedV1Schema.safeParse({ jobId: 'j1', attempt: 1, percent }).success;
    expect([at(0), at(100), at(-0.1), at(100.1), at(Number.NaN), at(Number.POSITIVE_INFINITY)]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
