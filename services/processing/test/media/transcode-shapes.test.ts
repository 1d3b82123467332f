// Real ffmpeg on awkward inputs: portrait, odd-sized VP9 without audio, smaller than every rung with
// a variable frame rate, rotated, and read over HTTP. Also the rerun rule: a second run over the
// same output folder overwrites, leaving nothing extra.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MediaInfo } from '../../src/domain/media-info';
import { planOutputs, type VideoPlan } from '@mediaflow/media-planning';
import type { ProducedFile } from '../../src/ports/transcoder';
import { type Clip, generateClip } from '../../src/testing/clips';
import { startRangeServer } from '../support/range-server';
import { cachedClip, makeRotatedMarkedClip, tempDir } from '../support/transcode-fixtures';
import { readMaster, readMediaPlaylist } from '../support/transcode-hls-checks';
import { isRed, probeStreams, quadrantColours, videoSize } from '../support/transcode-inspection';
import { fastProfile, infoForClip, quietTranscoder } from '../support/transcode-setup';

jest.setTimeout(120_000);

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

const transcode = async (
  input: string,
  info: MediaInfo,
  outDir?: string,
): Promise<{ plan: VideoPlan; outDir: string; produced: ProducedFile[] }> => {
  const dir = outDir ?? (await tempDir('transcode-shapes'));
  if (!outDir) dirs.push(dir);
  const plan = planOutputs(info, fastProfile()) as VideoPlan;
  const produced = await quietTranscoder().transcode(input, plan, dir, {
    durationSeconds: info.durationSeconds,
  });
  return { plan, outDir: dir, produced };
};

const transcodeClip = async (clip: Clip, overrides?: Parameters<typeof infoForClip>[1]) =>
  transcode(clip.path, infoForClip(clip, overrides));

const rungSizes = async (outDir: string, plan: VideoPlan): Promise<string[]> =>
  Promise.all(
    plan.rungs.map(async (r) => {
      const { width, height } = await videoSize(path.join(outDir, r.initKey));
      return `${r.name}:${width}x${height}`;
    }),
  );

const listAll = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe('transcoding awkward shapes', () => {
  it('gives a portrait 1080x1920 clip a 1080x1920 top rung and portrait rungs below, none upscaled', async () => {
    const { plan, outDir } = await transcodeClip(await generateClip('portrait'));
    expect(await rungSizes(outDir, plan)).toEqual([
      '1080p:1080x1920',
      '720p:720x1280',
      '480p:480x854',
      '360p:360x640',
    ]);
    expect(await videoSize(path.join(outDir, plan.poster.key))).toEqual({ width: 360, height: 640 });
  });

  it('gives an odd 1279x719 VP9 clip without audio even rungs, a video-only master and a silent MP4', async () => {
    const clip = await generateClip('odd-size');
    const { plan, outDir, produced } = await transcodeClip(clip);
    expect(await rungSizes(outDir, plan)).toEqual(['720p:1278x718', '480p:854x480', '360p:640x360']);
    const master = await readMaster(outDir, plan.hls.masterKey);
    expect(master.media).toEqual([]);
    expect(master.variants.map((v) => v.attributes.CODECS)).toEqual(
      plan.rungs.map(() => expect.stringMatching(/^avc1\.[0-9a-f]{6}$/)),
    );
    expect(master.variants[0]?.attributes.AUDIO).toBeUndefined();
    expect(produced.some((f) => f.key.startsWith('hls/audio/'))).toBe(false);
    const { streams } = await probeStreams(path.join(outDir, plan.mp4.key));
    expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(['video:h264']);

    // Rerun into the same folder: the same files, overwritten, and no leftovers.
    const before = await listAll(outDir);
    await transcode(clip.path, infoForClip(clip), outDir);
    expect(await listAll(outDir)).toEqual(before);
  });

  it('gives a 320x240 variable-frame-rate clip one rung at its own size, resampled to a constant rate', async () => {
    // What the prober reports for it: avg_frame_rate ≈ 20.7 and r_frame_rate 30 disagree.
    const { plan, outDir } = await transcodeClip(await generateClip('vfr'), {
      frameRate: 20.7,
      variableFrameRate: true,
    });
    expect(await rungSizes(outDir, plan)).toEqual(['240p:320x240']);
    expect(plan.frameRate).toMatchObject({ expression: '20.7', resample: true });
    const playlist = await readMediaPlaylist(outDir, plan.rungs[0]?.playlistKey ?? '');
    for (const segment of playlist.segments.slice(0, -1))
      expect(Math.abs(segment.durationSeconds - 1)).toBeLessThan(0.06);
  });

  it('turns a clip with a 90° rotation upright, sizing rungs on the displayed frame', async () => {
    const input = await cachedClip('rotated90-marked-320x240.mp4', (f) => makeRotatedMarkedClip(f, 320, 240));
    const info = infoForClip({
      kind: 'rotated-90',
      path: input,
      sizeBytes: 0,
      spec: {
        ext: '.mp4',
        description: 'marked, turned',
        durationSeconds: 1,
        video: {
          codec: 'h264',
          width: 320,
          height: 240,
          displayWidth: 240,
          displayHeight: 320,
          fps: 25,
          rotation: 90,
        },
      },
    });
    const { plan, outDir } = await transcode(input, info);
    expect(await rungSizes(outDir, plan)).toEqual(['240p:240x320']);
    const poster = path.join(outDir, plan.poster.key);
    expect(await videoSize(poster)).toEqual({ width: 240, height: 320 });
    // Stored red top-left, shown turned clockwise: red top-right, not a squeezed landscape frame.
    expect((await quadrantColours(poster)).map(isRed)).toEqual([false, true, false, false]);
  });

  it('reads its input from an http URL, as it would a presigned GET', async () => {
    const clip = await generateClip('no-audio');
    const server = await startRangeServer(
      { 'input.mp4': clip.path },
      { chunkIntervalMs: 0, chunkBytes: 256 * 1024 },
    );
    try {
      const { produced } = await transcode(
        `${server.url('input.mp4')}?X-Amz-Signature=abc`,
        infoForClip(clip),
      );
      expect(produced.map((f) => f.key)).toContain('hls/360p/playlist.m3u8');
    } finally {
      await server.close();
    }
  });
});
