// FfprobeMediaProber on generated clips with the real ffprobe: what each kind of input probes to.
import { isMediaUnsupported, isProbeUnavailable } from '../../src/domain/media-errors';
import { generateClip, type Clip, type ClipKind } from '../../src/testing/clips';
import { quietProber, rejectionOf } from '../support/quiet-prober';

const prober = quietProber();
const probe = async (kind: ClipKind) => prober.probe((await generateClip(kind)).path);

// Containers round durations differently (AAC priming, the last frame); a tenth of a second is noise.
const expectDuration = (actual: number, expected: number | undefined) =>
  expect(Math.abs(actual - (expected ?? 0))).toBeLessThan(0.15);

const expectVideoClip = async (kind: ClipKind): Promise<Clip> => {
  const clip = await generateClip(kind);
  const info = await prober.probe(clip.path);
  const spec = clip.spec.video!;
  expect(info.kind).toBe('video');
  expect(info.sizeBytes).toBe(clip.sizeBytes);
  expectDuration(info.durationSeconds, clip.spec.durationSeconds);
  expect(info.video).toMatchObject({
    codec: spec.codec,
    width: spec.width,
    height: spec.height,
    displayWidth: spec.displayWidth,
    displayHeight: spec.displayHeight,
    rotation: spec.rotation,
    bitDepth: 8,
    variableFrameRate: false,
  });
  expect(info.video?.frameRate).toBeCloseTo(spec.fps, 1);
  if (clip.spec.audio) expect(info.audio).toMatchObject(clip.spec.audio);
  else expect(info.audio).toBeUndefined();
  return clip;
};

describe('FfprobeMediaProber on generated clips', () => {
  it('reads a 1920x1080 video with stereo AAC', async () => {
    await expectVideoClip('landscape');
  });

  it('reads a portrait 1080x1920 video as coded, without rotation', async () => {
    await expectVideoClip('portrait');
  });

  it('reads odd sizes exactly (1279x719 VP9)', async () => {
    await expectVideoClip('odd-size');
  });

  it('reads a video without an audio track', async () => {
    await expectVideoClip('no-audio');
  });

  it('turns a 90° display matrix into rotation 90 and swaps the display size', async () => {
    const info = await probe('rotated-90');
    expect(info.video).toMatchObject({
      width: 640,
      height: 360,
      rotation: 90,
      displayWidth: 360,
      displayHeight: 640,
    });
  });

  it('flags a variable frame rate and reports the average rate', async () => {
    const info = await probe('vfr');
    expect(info.video?.variableFrameRate).toBe(true);
    expect(info.video?.frameRate).toBeGreaterThan(15);
    expect(info.video?.frameRate).toBeLessThan(25);
  });

  it('reports 10 bits for a yuv420p10le video', async () => {
    const info = await probe('ten-bit');
    expect(info.video).toMatchObject({ pixelFormat: 'yuv420p10le', bitDepth: 10 });
  });

  it.each(['audio-aac', 'audio-mp3', 'audio-wav'] as const)(
    'reads %s as audio with its channels and rate',
    async (kind) => {
      const clip = await generateClip(kind);
      const info = await prober.probe(clip.path);
      expect(info.kind).toBe('audio');
      expect(info.video).toBeUndefined();
      expect(info.audio).toMatchObject(clip.spec.audio!);
      expectDuration(info.durationSeconds, clip.spec.durationSeconds);
    },
  );

  it('keeps an MP3 with cover art an audio file', async () => {
    const info = await probe('audio-mp3-cover');
    expect(info.kind).toBe('audio');
    expect(info.video).toBeUndefined();
    expect(info.image).toBeUndefined();
    expect(info.audio).toMatchObject({ codec: 'mp3', channels: 1, sampleRate: 44100 });
  });

  it('reads a PNG as an image with orientation 1', async () => {
    const info = await probe('image-png');
    expect(info).toMatchObject({ kind: 'image', container: 'png_pipe', durationSeconds: 0 });
    expect(info.image).toEqual({
      format: 'png',
      width: 640,
      height: 480,
      orientation: 1,
      displayWidth: 640,
      displayHeight: 480,
    });
  });

  it('reads EXIF orientation 6 of a JPEG and swaps its display size', async () => {
    const info = await probe('image-jpeg-exif6');
    expect(info.kind).toBe('image');
    expect(info.image).toEqual({
      format: 'mjpeg',
      width: 640,
      height: 480,
      orientation: 6,
      displayWidth: 480,
      displayHeight: 640,
    });
  });
});

describe('FfprobeMediaProber on bad inputs', () => {
  it.each([
    ['empty', 'EMPTY_FILE', /empty/],
    ['text-as-mp4', 'NOT_MEDIA', /not a media file/],
    ['truncated-mp4', 'CORRUPT_MEDIA', /starts like MP4.*truncated or damaged/],
    ['truncated-mp4-faststart', 'CORRUPT_MEDIA', /truncated: it holds \d+ bytes but its index declares \d+/],
  ] as const)('rejects %s as a permanent %s with a readable reason', async (kind, code, reason) => {
    const clip = await generateClip(kind);
    const error = await rejectionOf(prober.probe(clip.path));
    expect(isMediaUnsupported(error)).toBe(true);
    expect(error).toMatchObject({ name: 'MediaUnsupported', code, retryable: false });
    expect(error.message).toMatch(reason);
    expect(error.message).not.toContain(clip.path); // reasons travel in events: no paths or URLs
  });

  // A cut MPEG-TS keeps every packet before the cut, so ffprobe opens it: we cannot tell it from a
  // short file without reading it all, and leave that to the transcoder. The 2023 static ffprobe
  // of @ffprobe-installer crashes on any MPEG-TS (in the SDT parser); that must surface as ffprobe's
  // failure, never as a verdict on the media.
  it('probes a truncated MPEG-TS as a shorter video, or reports a crashing ffprobe as such', async () => {
    const clip = await generateClip('truncated-ts');
    const outcome = await prober.probe(clip.path).catch((error: unknown) => error);
    if (isProbeUnavailable(outcome)) {
      expect(outcome).toMatchObject({ code: 'PROBER_FAILED', retryable: false });
      expect(outcome.reason).toMatch(/crashed \(SIGSEGV\)/);
    } else {
      expect(outcome).toMatchObject({ kind: 'video', container: 'mpegts' });
      expect((outcome as { durationSeconds: number }).durationSeconds).toBeLessThan(1.5);
    }
  });

  it('reports a missing local file as ProbeUnavailable, not retryable', async () => {
    const error = await rejectionOf(prober.probe('/nonexistent/dir/clip.mp4'));
    expect(error).toMatchObject({ name: 'ProbeUnavailable', code: 'SOURCE_NOT_FOUND', retryable: false });
  });

  it('fails with PROBE_ABORTED when the caller aborts', async () => {
    const clip = await generateClip('landscape');
    const error = await rejectionOf(prober.probe(clip.path, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ name: 'ProbeUnavailable', code: 'PROBE_ABORTED', retryable: true });
  });
});
