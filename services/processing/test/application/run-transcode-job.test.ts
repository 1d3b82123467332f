// runTranscodeJob while it stores its outputs: stopped, it stores nothing more and writes no manifest
// (a cancel or a retry never finds a stopped attempt's manifest beside a half set of files); when one
// upload fails, the others take no further file and the attempt fails only once every upload in flight
// has ended (they read from the scratch folder the attempt removes when it ends).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { createLogger } from '@mediaflow/logging';
import { mediaInfoToContract } from '@mediaflow/media-planning';
import { runTranscodeJob } from '../../src/application/run-transcode-job';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';
import { FfprobeMediaProber } from '../../src/media/ffprobe-media-prober';
import { FfmpegTranscoder } from '../../src/media/ffmpeg-transcoder';
import { generateClip } from '../../src/testing/clips';

type PutFile = LocalDiskBlobStorage['putFile'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-store-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs a real transcode of a short clip whose output puts go through `putFile(real, …)`. */
const runWithPuts = async (
  jobId: string,
  putFile: (real: LocalDiskBlobStorage, ...args: Parameters<PutFile>) => ReturnType<PutFile>,
  options: { uploadConcurrency: number; signal?: AbortSignal },
) => {
  const clip = await generateClip('no-audio');
  const logger = createLogger('processing-test');
  const binaries = mediaBinaries(process.env);
  const outputs = new LocalDiskBlobStorage({ root: path.join(dir, 'outputs') });
  const wrapped = Object.assign(Object.create(outputs) as LocalDiskBlobStorage, {
    putFile: (...args: Parameters<PutFile>) => putFile(outputs, ...args),
  });
  const run = runTranscodeJob(
    {
      jobId,
      attempt: 1,
      input: clip.path,
      outputPrefix: `owner-1/${jobId}`,
      profile: 'sd',
      wallClockLimitSeconds: 600,
    },
    {
      prober: new FfprobeMediaProber({ ffprobe: binaries.ffprobe, logger }),
      transcoder: new FfmpegTranscoder({ ffmpegPath: binaries.ffmpeg.path, logger }),
      outputs: wrapped,
      resolveBlobInput: async () => clip.path,
      logger,
      uploadConcurrency: options.uploadConcurrency,
      scratchDir: dir,
    },
    options.signal ? { signal: options.signal } : {},
  );
  return { run, outputs };
};

describe('runTranscodeJob while storing its outputs', () => {
  it('stopped: stores no further file, writes no manifest and fails as cancelled', async () => {
    const abort = new AbortController();
    const putKeys: string[] = [];
    // The stop arrives while the first file is being stored.
    const { run, outputs } = await runWithPuts(
      'job_stop',
      (real, key, file, options) => {
        putKeys.push(key);
        abort.abort();
        return real.putFile(key, file, options);
      },
      { uploadConcurrency: 1, signal: abort.signal },
    );
    await expect(run).rejects.toMatchObject({ code: 'TRANSCODE_CANCELLED' });
    expect(putKeys).toHaveLength(1);
    expect(await outputs.head('owner-1/job_stop/manifest.json')).toBeNull();
  }, 60_000);

  it('one upload failing: no further file is taken, and it fails after every put in flight has ended, before the scratch folder goes', async () => {
    const started: string[] = [];
    const ended: string[] = [];
    // The first put fails at once; the others are slow and must still find their file on disk.
    const { run } = await runWithPuts(
      'job_fail',
      async (real, key, file, options) => {
        started.push(key);
        if (started.length === 1) throw Object.assign(new Error('503 SlowDown'), { name: 'SlowDown' });
        await new Promise((resolve) => setTimeout(resolve, 300));
        const put = await real.putFile(key, file, options);
        ended.push(key);
        return put;
      },
      { uploadConcurrency: 3 },
    );
    await expect(run).rejects.toMatchObject({ name: 'SlowDown' });
    // The two other workers each had one put in flight: both ended (their files were still there),
    // and nobody started a fourth.
    expect(started).toHaveLength(3);
    expect(ended).toHaveLength(2);
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('mediaflow-job_fail-'))).toEqual([]);
  }, 60_000);
});

describe('runTranscodeJob given processing’s probe in the spec', () => {
  it('plans from it and restricts ffmpeg to its container without probing the input again', async () => {
    const clip = await generateClip('no-audio');
    const logger = createLogger('processing-test');
    const binaries = mediaBinaries(process.env);
    const real = new FfprobeMediaProber({ ffprobe: binaries.ffprobe, logger });
    const contract = mediaInfoToContract(await real.probe(clip.path));
    const probes: string[] = [];
    const counting = { probe: async (input: string) => (probes.push(input), real.probe(input)) };
    const inputFormats: (string | undefined)[] = [];
    const transcoder = new FfmpegTranscoder({ ffmpegPath: binaries.ffmpeg.path, logger });
    const watching = Object.assign(Object.create(transcoder) as FfmpegTranscoder, {
      transcode: (...args: Parameters<FfmpegTranscoder['transcode']>) => {
        inputFormats.push(args[3].inputFormat);
        return transcoder.transcode(...args);
      },
    });
    const result = await runTranscodeJob(
      {
        jobId: 'job_probed',
        attempt: 1,
        input: clip.path,
        outputPrefix: 'owner-1/job_probed',
        profile: 'sd',
        wallClockLimitSeconds: 600,
        mediaInfo: contract,
      },
      {
        prober: counting,
        transcoder: watching,
        outputs: new LocalDiskBlobStorage({ root: path.join(dir, 'outputs') }),
        resolveBlobInput: async () => clip.path,
        logger,
        scratchDir: dir,
      },
    );
    expect(probes).toEqual([]);
    expect(inputFormats).toEqual([contract.container]);
    expect(result.manifest.map((o) => o.kind)).toEqual(expect.arrayContaining(['hls-master', 'mp4']));
  }, 60_000);
});
