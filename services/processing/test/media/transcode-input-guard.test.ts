// What ffmpeg may open: only the demuxer the probe classified the input with, only local files, and
// (embedded) no network at all — proven with a loopback canary that must see no request.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createLogger } from '@mediaflow/logging';
import { planOutputs } from '@mediaflow/media-planning';
import { InputRefused } from '../../src/domain/media-errors';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';
import { buildSingleProcessCommand } from '../../src/media/ffmpeg-command';
import { ProgressTracker } from '../../src/media/ffmpeg-command-progress';
import { inputGuard, type RunnerNetwork } from '../../src/media/ffmpeg-input-guard';
import { sandboxSupport } from '../../src/media/ffmpeg-sandbox';
import { FfprobeMediaProber } from '../../src/media/ffprobe-media-prober';
import { FfmpegTranscoder } from '../../src/media/ffmpeg-transcoder';
import { runFfmpeg } from '../../src/media/ffmpeg-transcoder-process';
import { generateClip } from '../../src/testing/clips';
import { tempDir } from '../support/transcode-fixtures';
import { fastProfile } from '../support/transcode-setup';

jest.setTimeout(60_000);

const quiet = () => {
  const logger = createLogger('processing-test');
  logger.setLogLevel(process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'SILENT');
  return logger;
};
const ffmpegPath = () => mediaBinaries(process.env).ffmpeg.path;

let root: string;
let canary: http.Server;
let canaryRequests: string[];
let canaryUrl: string;

beforeAll(async () => {
  root = await tempDir('transcode-input-guard');
  canaryRequests = [];
  canary = http.createServer((req, res) => {
    canaryRequests.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/source.mp4`;
});
afterAll(async () => {
  await new Promise((resolve) => canary.close(resolve));
  await fs.rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  canaryRequests = [];
});

const outDir = async (name: string): Promise<string> => {
  const dir = path.join(root, name);
  await fs.mkdir(dir);
  return dir;
};

describe('input formats', () => {
  it('refuses with INPUT_FORMAT_MISMATCH a file ffmpeg detects as PNG when the probe classified it as JPEG', async () => {
    const clip = await generateClip('image-png');
    const info = await new FfprobeMediaProber({ ffprobe: mediaBinaries(process.env).ffprobe, logger: quiet() }).probe(clip.path);
    expect(info.container).toBe('png_pipe');
    const plan = planOutputs(info, fastProfile());
    const transcoder = new FfmpegTranscoder({ ffmpegPath: ffmpegPath(), logger: quiet(), network: 'none' });
    const dir = await outDir('mismatch');
    const refused = transcoder.transcode(clip.path, plan, dir, { durationSeconds: 0, inputFormat: 'jpeg_pipe' });
    await expect(refused).rejects.toBeInstanceOf(InputRefused);
    await expect(refused).rejects.toMatchObject({ code: 'INPUT_FORMAT_MISMATCH', retryable: false });
    expect(await fs.readdir(dir)).toEqual([]);
    // The same file with the container the probe reported goes through.
    const produced = await transcoder.transcode(clip.path, plan, await outDir('match'), { durationSeconds: 0, inputFormat: info.container });
    expect(produced.length).toBeGreaterThan(0);
  });
});

describe('network', () => {
  const plan = async () => planOutputs(
    await new FfprobeMediaProber({ ffprobe: mediaBinaries(process.env).ffprobe, logger: quiet() }).probe((await generateClip('landscape')).path),
    fastProfile(),
  );

  it('refuses an http input with INPUT_PROTOCOL_REFUSED when the runner has no network; the canary sees nothing', async () => {
    const transcoder = new FfmpegTranscoder({ ffmpegPath: ffmpegPath(), logger: quiet(), network: 'none' });
    const run = transcoder.transcode(canaryUrl, await plan(), await outDir('protocol'), { durationSeconds: 2 });
    await expect(run).rejects.toMatchObject({ code: 'INPUT_PROTOCOL_REFUSED', retryable: false });
    expect(canaryRequests).toEqual([]);
  });

  // The namespace alone, behind a guard that lets http through: the second wall must hold by itself.
  const openThroughNamespace = async (network: RunnerNetwork, name: string) => {
    const videoPlan = await plan();
    const spec = buildSingleProcessCommand(canaryUrl, videoPlan, await outDir(name), inputGuard(canaryUrl, 'video', { network: 'host' }));
    return runFfmpeg(spec, {
      ffmpegPath: ffmpegPath(),
      logger: quiet(),
      progress: new ProgressTracker(2, undefined),
      sandbox: { network, limits: {} },
      outputDir: path.join(root, name),
    });
  };

  it('an ffmpeg in its own network namespace cannot reach a loopback canary even when its whitelist allows http (RUNNER_NETWORK_DENIED)', async () => {
    expect(sandboxSupport()).toMatchObject({ isolatedNetwork: true });
    const outcome = await openThroughNamespace('none', 'namespace');
    expect(outcome).toMatchObject({ kind: 'failed', failure: { code: 'RUNNER_NETWORK_DENIED', retryable: false } });
    expect(canaryRequests).toEqual([]);
  });

  it('the same ffmpeg with the host network reaches the canary (the test above can fail)', async () => {
    const outcome = await openThroughNamespace('host', 'host-network');
    expect(outcome.kind).toBe('failed');
    expect(canaryRequests).toEqual(['/source.mp4']);
  });
});
