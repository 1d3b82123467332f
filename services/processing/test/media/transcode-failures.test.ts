// How a transcode stops: cancelled by its signal, timed out by its wall-clock limit, or failed on a
// bad input. In every case the output folder is left without partial files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { TranscodeCancelled, TranscodeFailed, TranscodeTimedOut } from '../../src/domain/media-errors';
import { type Plan, planOutputs } from '@mediaflow/media-planning';
import { type Clip, generateClip, generateClips } from '../../src/testing/clips';
import { startRangeServer, type RangeServer } from '../support/range-server';
import { tempDir } from '../support/transcode-fixtures';
import { fastProfile, infoForClip, quietTranscoder } from '../support/transcode-setup';

jest.setTimeout(60_000);

let clip: Clip;
let plan: Plan;
let input: string;
let root: string;

beforeAll(async () => {
  clip = await generateClip('landscape');
  input = clip.path;
  plan = planOutputs(infoForClip(clip), fastProfile());
  root = await tempDir('transcode-failures');
});

afterAll(() => fs.rm(root, { recursive: true, force: true }));

const seconds = (): number => clip.spec.durationSeconds ?? 0;

const emptyOutputDir = async (name: string): Promise<string> => {
  const dir = path.join(root, name);
  await fs.mkdir(dir);
  return dir;
};

describe('stopping a transcode', () => {
  it('cancels on abort mid-run, rejects with TranscodeCancelled and leaves no partial files', async () => {
    const outDir = await emptyOutputDir('cancelled');
    const controller = new AbortController();
    const seen: number[] = [];
    const run = quietTranscoder().transcode(input, plan, outDir, {
      durationSeconds: seconds(),
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(TranscodeCancelled);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain(100);
    expect(await fs.readdir(outDir)).toEqual([]);
  });

  it('does not start when the signal is already aborted', async () => {
    const outDir = await emptyOutputDir('pre-aborted');
    const run = quietTranscoder().transcode(input, plan, outDir, {
      durationSeconds: seconds(),
      signal: AbortSignal.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(TranscodeCancelled);
    expect(await fs.readdir(outDir)).toEqual([]);
  });

  it('times out past the wall-clock limit with a retryable TranscodeTimedOut', async () => {
    const outDir = await emptyOutputDir('timed-out');
    const run = quietTranscoder().transcode(input, plan, outDir, {
      durationSeconds: seconds(),
      wallClockLimitMs: 200,
    });
    await expect(run).rejects.toMatchObject({ name: 'TranscodeTimedOut', retryable: true, limitMs: 200 });
    await expect(run).rejects.toBeInstanceOf(TranscodeTimedOut);
    expect(await fs.readdir(outDir)).toEqual([]);
  });
});

describe('failing on bad input', () => {
  let clips: Record<'text-as-mp4' | 'truncated-mp4', Clip>;
  beforeAll(async () => {
    clips = await generateClips(['text-as-mp4', 'truncated-mp4']);
  });

  const failureOf = async (file: string, outDir?: string): Promise<TranscodeFailed> => {
    const error: unknown = await quietTranscoder()
      .transcode(
        file,
        plan,
        outDir ?? (await emptyOutputDir(`failed-${Math.random().toString(36).slice(2)}`)),
        {
          durationSeconds: seconds(),
        },
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(TranscodeFailed);
    return error as TranscodeFailed;
  };

  it('fails permanently on a file that is not media, saying so, with a short stderr tail', async () => {
    const outDir = await emptyOutputDir('not-media');
    const failure = await failureOf(clips['text-as-mp4'].path, outDir);
    expect(failure).toMatchObject({ code: 'TRANSCODE_FAILED', retryable: false });
    expect(failure.reason).toMatch(/not recognisable media|not decodable media/);
    expect(failure.stderrTail.length).toBeGreaterThan(0);
    expect(failure.stderrTail.length).toBeLessThanOrEqual(20);
    expect(await fs.readdir(outDir)).toEqual([]);
  });

  it('fails permanently on a truncated MP4, saying it is truncated', async () => {
    const failure = await failureOf(clips['truncated-mp4'].path);
    expect(failure.retryable).toBe(false);
    expect(failure.reason).toMatch(/truncated|moov atom not found/);
  });

  it('fails permanently when the input does not exist', async () => {
    const failure = await failureOf(path.join(root, 'missing.mp4'));
    expect(failure.retryable).toBe(false);
    expect(failure.reason).toMatch(/does not exist/);
  });

  describe('over HTTP', () => {
    let server: RangeServer;
    beforeAll(async () => {
      server = await startRangeServer({});
    });
    afterAll(() => server.close());

    it('fails permanently on 404 (the object is gone) and retryably on 503 (the store is busy)', async () => {
      expect(await failureOf(server.url('status/404'))).toMatchObject({
        retryable: false,
        reason: expect.stringMatching(/does not exist/),
      });
      expect(await failureOf(server.url('status/503'))).toMatchObject({
        retryable: true,
        reason: expect.stringMatching(/network/),
      });
    });
  });
});
