// runTranscodeJob stopped while it stores its outputs: it stores nothing more and writes no manifest,
// so a cancel or a retry never finds a stopped attempt's manifest beside a half set of files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { createLogger } from '@mediaflow/logging';
import { runTranscodeJob } from '../../src/application/run-transcode-job';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';
import { FfprobeMediaProber } from '../../src/media/ffprobe-media-prober';
import { FfmpegTranscoder } from '../../src/media/ffmpeg-transcoder';
import { generateClip } from '../../src/testing/clips';

describe('runTranscodeJob stopped while storing its outputs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-store-stop-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores no further file, writes no manifest and fails as cancelled', async () => {
    const clip = await generateClip('no-audio');
    const logger = createLogger('processing-test');
    const binaries = mediaBinaries(process.env);
    const outputs = new LocalDiskBlobStorage({ root: path.join(dir, 'outputs') });
    const abort = new AbortController();
    const putKeys: string[] = [];
    // The stop arrives while the first file is being stored.
    const stopping = Object.assign(Object.create(outputs) as LocalDiskBlobStorage, {
      putFile: (key: string, file: string, options: Parameters<LocalDiskBlobStorage['putFile']>[2]) => {
        putKeys.push(key);
        abort.abort();
        return outputs.putFile(key, file, options);
      },
    });
    const run = runTranscodeJob(
      { jobId: 'job_stop', attempt: 1, input: clip.path, outputPrefix: 'owner-1/job_stop', profile: 'sd', wallClockLimitSeconds: 600 },
      {
        prober: new FfprobeMediaProber({ ffprobe: binaries.ffprobe, logger }),
        transcoder: new FfmpegTranscoder({ ffmpegPath: binaries.ffmpeg.path, logger }),
        outputs: stopping,
        resolveBlobInput: async () => clip.path,
        logger,
        uploadConcurrency: 1,
      },
      { signal: abort.signal },
    );
    await expect(run).rejects.toMatchObject({ code: 'TRANSCODE_CANCELLED' });
    expect(putKeys).toHaveLength(1);
    expect(await outputs.head('owner-1/job_stop/manifest.json')).toBeNull();
  }, 60_000);
});

describe('runTranscodeJob when storing an output fails', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-store-fail-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes no further file and fails only after every put in flight has ended, before the scratch folder goes', async () => {
    const clip = await generateClip('no-audio');
    const logger = createLogger('processing-test');
    const binaries = mediaBinaries(process.env);
    const outputs = new LocalDiskBlobStorage({ root: path.join(dir, 'outputs') });
    const started: string[] = [];
    const ended: string[] = [];
    let failedAt = -1;
    // The first put fails at once; the others are slow and must still find their file on disk.
    const failing = Object.assign(Object.create(outputs) as LocalDiskBlobStorage, {
      putFile: async (key: string, file: string, options: Parameters<LocalDiskBlobStorage['putFile']>[2]) => {
        started.push(key);
        if (started.length === 1) {
          failedAt = Date.now();
          throw Object.assign(new Error('503 SlowDown'), { name: 'SlowDown' });
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        const put = await outputs.putFile(key, file, options);
        ended.push(key);
        return put;
      },
    });
    const run = runTranscodeJob(
      { jobId: 'job_fail', attempt: 1, input: clip.path, outputPrefix: 'owner-1/job_fail', profile: 'sd', wallClockLimitSeconds: 600 },
      {
        prober: new FfprobeMediaProber({ ffprobe: binaries.ffprobe, logger }),
        transcoder: new FfmpegTranscoder({ ffmpegPath: binaries.ffmpeg.path, logger }),
        outputs: failing,
        resolveBlobInput: async () => clip.path,
        logger,
        uploadConcurrency: 3,
        scratchDir: dir,
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'SlowDown' });
    expect(failedAt).toBeGreaterThan(0);
    // The two other workers each had one put in flight: both ended (their files were still there),
    // and nobody started a fourth.
    expect(started).toHaveLength(3);
    expect(ended).toHaveLength(2);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('mediaflow-job_fail-'))).toEqual([]);
  }, 60_000);
});
