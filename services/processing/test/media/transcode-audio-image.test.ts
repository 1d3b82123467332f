// Real ffmpeg on an audio file (AAC HLS, M4A, waveform) and on stills (WebP/JPEG variants, EXIF
// orientation applied), each checked with ffprobe or by decoding the pixels.
import fs from 'node:fs/promises';
import path from 'node:path';
import { type AudioPlan, type ImagePlan, planOutputs, ProfileSchema, type WaveformJson } from '@mediaflow/media-planning';
import {
  cachedClip,
  makeAudioClip,
  makeExifRotatedJpeg,
  makeMarkedImage,
  tempDir,
} from '../support/transcode-fixtures';
import { audioInfo, fastProfile, imageInfo, infoForClip, quietTranscoder } from '../support/transcode-setup';
import { generateClip } from '../../src/testing/clips';
import { expectSegmentDurations, readMaster, readMediaPlaylist } from '../support/transcode-hls-checks';
import {
  isRed,
  probeStreams,
  quadrantColours,
  topLevelBoxes,
  videoSize,
} from '../support/transcode-inspection';

jest.setTimeout(60_000);

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

const outputDir = async (suffix = ''): Promise<string> => {
  const root = await tempDir('transcode-media');
  dirs.push(root);
  const dir = path.join(root, `out${suffix}`);
  await fs.mkdir(dir, { recursive: true });
  return dir;
};

describe('transcoding an audio file', () => {
  const seconds = 3;
  let plan: AudioPlan;
  let outDir: string;

  beforeAll(async () => {
    const input = await cachedClip('tone-3s.m4a', (f) => makeAudioClip(f, seconds));
    // Characters ffmpeg's tee muxer would otherwise read as separators: the escaping must hold.
    outDir = await outputDir(" dir:with'quote|bar");
    plan = planOutputs(audioInfo(seconds), fastProfile()) as AudioPlan;
    await quietTranscoder().transcode(input, plan, outDir, { durationSeconds: seconds });
  });

  it('packages AAC in fMP4 HLS with an audio-only master playlist', async () => {
    const playlist = await readMediaPlaylist(outDir, plan.audio.playlistKey);
    expect(playlist.mapUri).toBe('init.mp4');
    expectSegmentDurations(playlist, 1);
    const { streams } = await probeStreams(path.join(outDir, plan.audio.initKey));
    expect(streams).toEqual([
      expect.objectContaining({ codec_name: 'aac', sample_rate: '48000', channels: 1 }),
    ]);
    const master = await readMaster(outDir, plan.hls.masterKey);
    expect(master.variants).toEqual([
      { attributes: expect.objectContaining({ CODECS: 'mp4a.40.2' }), uri: 'audio/playlist.m3u8' },
    ]);
  });

  it('writes an M4A download with moov before mdat', async () => {
    const file = path.join(outDir, plan.m4a.key);
    const boxes = await topLevelBoxes(file);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    const { streams, durationSeconds } = await probeStreams(file);
    expect(streams.map((s) => s.codec_name)).toEqual(['aac']);
    expect(Math.abs(durationSeconds - seconds)).toBeLessThan(0.1);
  });

  it('writes the planned number of waveform peaks, louder where the tone is louder', async () => {
    const json = JSON.parse(await fs.readFile(path.join(outDir, plan.waveform.key), 'utf8')) as WaveformJson;
    expect(json.peaks).toBe(plan.waveform.peaks);
    expect(json.data).toHaveLength(2 * plan.waveform.peaks);
    expect(Math.abs(json.durationSeconds - seconds)).toBeLessThan(0.1);
    const maxima = json.data.filter((_, i) => i % 2 === 1);
    const firstHalf = Math.max(...maxima.slice(10, 40));
    const secondHalf = Math.max(...maxima.slice(60, 90));
    expect(secondHalf / firstHalf).toBeGreaterThan(1.6);
    expect(json.data.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(await fs.readdir(path.dirname(path.join(outDir, plan.waveform.key)))).toEqual([
      'audio.m4a',
      'waveform.json',
    ]);
  });
});

describe('transcoding an MP3 with a cover picture', () => {
  it('encodes the sound only: the attached picture is not a video', async () => {
    const clip = await generateClip('audio-mp3-cover');
    const outDir = await outputDir();
    const plan = planOutputs(infoForClip(clip), fastProfile()) as AudioPlan;
    await quietTranscoder().transcode(clip.path, plan, outDir, {
      durationSeconds: clip.spec.durationSeconds ?? 0,
    });
    const { streams } = await probeStreams(path.join(outDir, plan.m4a.key));
    expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(['audio:aac']);
    expect((await readMediaPlaylist(outDir, plan.audio.playlistKey)).segments.length).toBeGreaterThanOrEqual(
      2,
    );
  });
});

describe('transcoding images', () => {
  it('resizes a PNG to the profile widths below it plus its own, in WebP and JPEG', async () => {
    const input = await cachedClip('marked-480x270.png', (f) => makeMarkedImage(f, 480, 270));
    const outDir = await outputDir();
    const plan = planOutputs(imageInfo('png', 480, 270), fastProfile()) as ImagePlan;
    const produced = await quietTranscoder().transcode(input, plan, outDir, { durationSeconds: 0 });
    expect(produced.map((f) => f.key).sort()).toEqual([
      'images/w160.jpg',
      'images/w160.webp',
      'images/w320.jpg',
      'images/w320.webp',
      'images/w480.jpg',
      'images/w480.webp',
    ]);
    for (const variant of plan.variants) {
      const file = path.join(outDir, variant.key);
      expect(await videoSize(file)).toEqual({ width: variant.width, height: variant.height });
      expect((await probeStreams(file)).streams[0]?.codec_name).toBe(
        variant.format === 'jpeg' ? 'mjpeg' : 'webp',
      );
    }
  });

  it('sizes the variants of the shared EXIF-6 JPEG on its displayed (portrait) frame', async () => {
    const clip = await generateClip('image-jpeg-exif6');
    const outDir = await outputDir();
    const plan = planOutputs(infoForClip(clip), fastProfile()) as ImagePlan;
    await quietTranscoder().transcode(clip.path, plan, outDir, { durationSeconds: 0 });
    const sizes = await Promise.all(
      plan.variants.map(async (v) => ({ key: v.key, ...(await videoSize(path.join(outDir, v.key))) })),
    );
    expect(sizes.filter((s) => s.key.endsWith('.jpg'))).toEqual([
      { key: 'images/w160.jpg', width: 160, height: 213 },
      { key: 'images/w320.jpg', width: 320, height: 427 },
      { key: 'images/w480.jpg', width: 480, height: 640 },
    ]);
  });

  it('turns a JPEG upright by its EXIF orientation 6 (90° clockwise)', async () => {
    const input = await cachedClip('marked-320x240-exif6.jpg', (f) => makeExifRotatedJpeg(f, 320, 240, 6));
    const outDir = await outputDir();
    const plan = planOutputs(imageInfo('mjpeg', 320, 240, 6), fastProfile()) as ImagePlan;
    await quietTranscoder().transcode(input, plan, outDir, { durationSeconds: 0 });
    expect(plan.variants.map((v) => `${v.key}:${v.width}x${v.height}`)).toEqual([
      'images/w160.webp:160x213',
      'images/w160.jpg:160x213',
      'images/w240.webp:240x320',
      'images/w240.jpg:240x320',
    ]);
    for (const variant of plan.variants) {
      const file = path.join(outDir, variant.key);
      expect(await videoSize(file)).toEqual({ width: variant.width, height: variant.height });
      // The red top-left quadrant of the stored picture is top-right once turned clockwise.
      expect((await quadrantColours(file)).map(isRed)).toEqual([false, true, false, false]);
    }
  });

  // Where the stored top-left (red) quadrant ends up once each EXIF orientation is undone.
  it.each([
    [2, [false, true, false, false]],
    [3, [false, false, false, true]],
    [4, [false, false, true, false]],
    [5, [true, false, false, false]],
    [7, [false, false, false, true]],
    [8, [false, false, true, false]],
  ])('undoes EXIF orientation %i', async (orientation, redQuadrants) => {
    const input = await cachedClip(`marked-320x240-exif${orientation}.jpg`, (f) =>
      makeExifRotatedJpeg(f, 320, 240, orientation),
    );
    const outDir = await outputDir();
    const profile = ProfileSchema.parse({
      ...fastProfile(),
      image: { ...fastProfile().image, widths: [64], formats: ['jpeg'] },
    });
    const plan = planOutputs(imageInfo('mjpeg', 320, 240, orientation), profile) as ImagePlan;
    await quietTranscoder().transcode(input, plan, outDir, { durationSeconds: 0 });
    const [variant] = plan.variants;
    const file = path.join(outDir, variant?.key ?? '');
    expect(await videoSize(file)).toEqual(
      orientation >= 5 ? { width: 64, height: 85 } : { width: 64, height: 48 },
    );
    expect((await quadrantColours(file)).map(isRed)).toEqual(redQuadrants);
  });
});
