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
