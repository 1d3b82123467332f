import {
  type AudioPlan,
  type ImagePlan,
  planOutputs,
  plannedFiles,
  profileByName,
  ProfileSchema,
  profileNames,
  storyboardVtt,
  UnknownProfile,
  UnplannableMedia,
  type VideoPlan,
} from '../src';
import { audioInfo, imageInfo, videoInfo } from '../src/testing';

const profile = profileByName('default');
const planVideo = (...args: Parameters<typeof videoInfo>): VideoPlan =>
  planOutputs(videoInfo(...args), profile) as VideoPlan;

describe('profiles', () => {
  it('offers default, sd and high, each valid against the schema', () => {
    expect(profileNames()).toEqual(expect.arrayContaining(['default', 'sd', 'high']));
    for (const name of profileNames()) expect(() => ProfileSchema.parse(profileByName(name))).not.toThrow();
  });

  it('rejects an unknown profile name with a typed error', () => {
    expect(() => profileByName('ultra')).toThrow(UnknownProfile);
  });

  it('rejects a profile whose rungs are not ordered from the top', () => {
    const rungs = [...profile.video.rungs].reverse();
    expect(() => ProfileSchema.parse({ ...profile, video: { ...profile.video, rungs } })).toThrow(
      /largest short side/,
    );
  });
});

describe('planning a video', () => {
  it('given a 1080p landscape clip with audio, plans four rungs, an audio rendition, MP4, poster and storyboard', () => {
    const plan = planVideo({ width: 1920, height: 1080, seconds: 60, audio: true });
    expect(plan.rungs.map((r) => [r.name, r.width, r.height])).toEqual([
      ['1080p', 1920, 1080],
      ['720p', 1280, 720],
      ['480p', 854, 480],
      ['360p', 640, 360],
    ]);
    expect(plan.audio).toMatchObject({
      name: 'audio',
      codecs: 'mp4a.40.2',
      playlistKey: 'hls/audio/playlist.m3u8',
    });
    expect(plan.mp4).toEqual({ rung: '1080p', key: 'mp4/1080p.mp4' });
    expect(plan.poster).toMatchObject({ key: 'poster.jpg', width: 1280, height: 720, atSeconds: 2 });
    expect(plannedFiles(plan).map((f) => f.key)).toEqual([
      'hls/master.m3u8',
      'hls/1080p/playlist.m3u8',
      'hls/720p/playlist.m3u8',
      'hls/480p/playlist.m3u8',
      'hls/360p/playlist.m3u8',
      'hls/audio/playlist.m3u8',
      'mp4/1080p.mp4',
      'poster.jpg',
      'storyboard/sprite.jpg',
      'storyboard/storyboard.vtt',
    ]);
  });

  it('aligns keyframes to segments: a GOP of fps × segment seconds', () => {
    const plan = planVideo({ width: 1920, height: 1080, seconds: 10, fps: 30 });
    expect(plan.gopFrames).toBe(120);
    expect(plan.hls.segmentSeconds).toBe(4);
    expect(plan.frameRate).toEqual({ fps: 30, expression: '30', resample: false });
  });

  it('keeps NTSC rates exact and halves a rate above the cap', () => {
    expect(planVideo({ width: 640, height: 360, seconds: 5, fps: 29.97 }).frameRate).toMatchObject({
      expression: '30000/1001',
    });
    expect(planVideo({ width: 640, height: 360, seconds: 5, fps: 120 }).frameRate).toEqual({
      fps: 60,
      expression: '60',
      resample: true,
    });
  });

  it('given a portrait 1080x1920 clip, plans a 1080x1920 top rung without upscaling', () => {
    const plan = planVideo({ width: 1080, height: 1920, seconds: 5 });
    expect(plan.rungs[0]).toMatchObject({ name: '1080p', width: 1080, height: 1920, h264Level: '4.0' });
    expect(plan.poster).toMatchObject({ width: 720, height: 1280 });
  });

  it('given an odd 1279x719 clip, plans even sizes within a pixel of the aspect ratio', () => {
    const plan = planVideo({ width: 1279, height: 719, seconds: 5 });
    expect(plan.rungs.map((r) => `${r.width}x${r.height}`)).toEqual(['1278x718', '854x480', '640x360']);
  });

  it('given a tiny 320x240 clip, plans one rung at the source size', () => {
    const plan = planVideo({ width: 320, height: 240, seconds: 5 });
    expect(plan.rungs).toHaveLength(1);
    expect(plan.rungs[0]).toMatchObject({
      name: '240p',
      width: 320,
      height: 240,
      playlistKey: 'hls/240p/playlist.m3u8',
    });
    expect(plan.mp4.key).toBe('mp4/240p.mp4');
  });

  it('given a clip without audio, plans no audio rendition', () => {
    const plan = planVideo({ width: 1280, height: 720, seconds: 5, audio: false });
    expect(plan.audio).toBeUndefined();
    expect(plannedFiles(plan).some((f) => f.key.startsWith('hls/audio'))).toBe(false);
  });

  it('plans the storyboard to fit one sprite, stretching the interval for long videos', () => {
    expect(planVideo({ width: 1920, height: 1080, seconds: 42 }).storyboard).toMatchObject({
      intervalSeconds: 5,
      tiles: 9,
      columns: 9,
      rows: 1,
      tileWidth: 160,
      tileHeight: 90,
    });
    expect(planVideo({ width: 1920, height: 1080, seconds: 3600 }).storyboard).toMatchObject({
      intervalSeconds: 36,
      tiles: 100,
      rows: 10,
    });
  });

  it('writes a WebVTT cue per thumbnail pointing at its tile', () => {
    const plan = planVideo({ width: 1920, height: 1080, seconds: 12 });
    const vtt = storyboardVtt(plan.storyboard, 12);
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true);
    expect(vtt).toContain('00:00:00.000 --> 00:00:05.000\nsprite.jpg#xywh=0,0,160,90');
    expect(vtt).toContain('00:00:10.000 --> 00:00:12.000\nsprite.jpg#xywh=320,0,160,90');
  });

  it('plans the same outputs at the same keys every time', () => {
    const info = videoInfo({ width: 1920, height: 1080, seconds: 30, audio: true });
    expect(planOutputs(info, profile)).toEqual(planOutputs(info, profile));
  });

  it('refuses a video without a video stream', () => {
    expect(() =>
      planOutputs({ ...videoInfo({ width: 2, height: 2, seconds: 1 }), video: undefined }, profile),
    ).toThrow(UnplannableMedia);
  });
});

describe('planning audio', () => {
  it('given an audio file, plans AAC HLS, an M4A and waveform peaks', () => {
    const plan = planOutputs(audioInfo(30), profile) as AudioPlan;
    expect(plan.kind).toBe('audio');
    expect(plan.audio).toMatchObject({ channels: 1, bitrateKbps: 64, sampleRate: 48000 });
    expect(plan.waveform).toEqual({ peaks: 1000, sampleRate: 8000, key: 'audio/waveform.json' });
    expect(plannedFiles(plan).map((f) => f.key)).toEqual([
      'hls/master.m3u8',
      'hls/audio/playlist.m3u8',
      'audio/audio.m4a',
      'audio/waveform.json',
    ]);
  });
});

describe('planning an image', () => {
  it('given a 1000 px wide PNG, plans the profile widths below it plus its own width, in WebP and JPEG', () => {
    const plan = planOutputs(imageInfo('png', 1000, 500), profile) as ImagePlan;
    expect(plan.variants.map((v) => v.key)).toEqual([
      'images/w320.webp',
      'images/w320.jpg',
      'images/w640.webp',
      'images/w640.jpg',
      'images/w1000.webp',
      'images/w1000.jpg',
    ]);
    expect(plan.variants[0]).toMatchObject({ width: 320, height: 160 });
  });

  it('given a JPEG stored 640x480 with EXIF orientation 6, plans portrait variants', () => {
    const plan = planOutputs(imageInfo('mjpeg', 640, 480, 6), profile) as ImagePlan;
    expect(plan).toMatchObject({ orientation: 6, displayWidth: 480, displayHeight: 640 });
    expect(plan.variants.map((v) => `${v.name}:${v.width}x${v.height}`)).toEqual([
      'w320:320x427',
      'w320:320x427',
      'w480:480x640',
      'w480:480x640',
    ]);
  });
});
