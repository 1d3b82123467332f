// The runner's bounds on real ffmpeg (under prlimit, in its own network namespace): each test feeds
// an input made to cross one bound, names the limit it trips, and checks the code the attempt ends
// with — permanent, since the same input under the same bounds crosses them again — and that no
// partial output is left behind.
import fs from 'node:fs/promises';
import path from 'node:path';
import { createLogger } from '@mediaflow/logging';
import { type MediaInfo, planOutputs } from '@mediaflow/media-planning';
import { TranscodeLimitExceeded } from '../../src/domain/media-errors';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';
import type { RunnerLimits } from '../../src/media/ffmpeg-limits';
import { sandboxSupport } from '../../src/media/ffmpeg-sandbox';
import { FfprobeMediaProber } from '../../src/media/ffprobe-media-prober';
import { FfmpegTranscoder } from '../../src/media/ffmpeg-transcoder';
import { generateClip } from '../../src/testing/clips';
import { tempDir } from '../support/transcode-fixtures';
import { fastProfile } from '../support/transcode-setup';
import { type HostileInput, hostileInput } from './hostile-inputs';

jest.setTimeout(180_000);

const GIB = 2 ** 30;
let root: string;

beforeAll(async () => {
  // These bounds are the kernel's: without prlimit they cannot be tested here (and the suite says so).
  expect(sandboxSupport()).toMatchObject({ limits: true });
  root = await tempDir('transcode-limits');
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

const probe = (file: string): Promise<MediaInfo> =>
  new FfprobeMediaProber({ ffprobe: mediaBinaries(process.env).ffprobe, logger: quiet() }).probe(file);

const quiet = () => {
  const logger = createLogger('processing-test');
  logger.setLogLevel(process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'SILENT');
  return logger;
};

/** Transcodes `file` as the runner does (probed container, no network) under `limits`. */
const transcodeUnder = async (file: string, limits: RunnerLimits, name: string) => {
  const info = await probe(file);
  const outDir = path.join(root, name);
  await fs.mkdir(outDir);
  const transcoder = new FfmpegTranscoder({
    ffmpegPath: mediaBinaries(process.env).ffmpeg.path,
    logger: quiet(),
    network: 'none',
    limits,
  });
  const run = transcoder.transcode(file, planOutputs(info, fastProfile()), outDir, {
    durationSeconds: info.durationSeconds,
    inputFormat: info.container,
  });
  return { run, outDir };
};

const expectBreach = async (input: HostileInput, limits: RunnerLimits, code: string) => {
  const { run, outDir } = await transcodeUnder(await hostileInput(input), limits, code.toLowerCase());
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TranscodeLimitExceeded);
  expect(error).toMatchObject({ code, retryable: false });
  expect(await fs.readdir(outDir)).toEqual([]);
  return error as TranscodeLimitExceeded;
};

describe('runner bounds on ffmpeg', () => {
  it('memory limit (1 GiB address space): a stream of 15000x15000 frames ends with RUNNER_MEMORY_LIMIT', async () => {
    const error = await expectBreach('huge-frames.mkv', { memoryBytes: 1 * GIB }, 'RUNNER_MEMORY_LIMIT');
    expect(error.reason).toMatch(/1\.00 GiB address space/);
  });

  it('memory limit (1 GiB address space): an ordinary 720p clip fits under it', async () => {
    const clip = await generateClip('landscape');
    const { run } = await transcodeUnder(clip.path, { memoryBytes: 1 * GIB }, 'memory-fits');
    expect((await run).length).toBeGreaterThan(0);
  });

  it('CPU limit (0.002 CPU-s per media second, at least 1 s): ten minutes of a still picture end with RUNNER_CPU_LIMIT', async () => {
    const error = await expectBreach(
      'long-still.mp4',
      { cpuSecondsPerMediaSecond: 0.002, cpuSecondsMin: 1 },
      'RUNNER_CPU_LIMIT',
    );
    expect(error.reason).toMatch(/its limit for this media is 2 s/);
  });

  it('output file limit (100 files): a 19 KB still-picture video that makes 1,800 segments ends with OUTPUT_FILE_COUNT_LIMIT', async () => {
    await expectBreach('long-still.mp4', { outputFiles: 100 }, 'OUTPUT_FILE_COUNT_LIMIT');
  });

  it('output size limit (256 KiB): the same video, inflated into ten minutes of segments, ends with OUTPUT_SIZE_LIMIT', async () => {
    const error = await expectBreach('long-still.mp4', { outputBytes: 256 * 1024 }, 'OUTPUT_SIZE_LIMIT');
    expect(error.reason).toMatch(/262144/);
  });
});
