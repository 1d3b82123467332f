// What the transcoder tests plan with: a fast profile, a quiet transcoder, and MediaInfo values as
// the prober would report them for the shared test clips (test/fixtures/clips) or for a given shape.
import { createLogger } from '@mediaflow/logging';
import { FluentFfmpegTranscoder } from '../../src/adapters/local/fluent-ffmpeg-transcoder';
import type { MediaInfo } from '../../src/domain/media-info';
import { type Profile, ProfileSchema, profileByName } from '@mediaflow/media-planning';
import type { Clip } from '../fixtures/clips';

export interface VideoShape {
  width: number;
  height: number;
  seconds: number;
  fps?: number;
  audio?: boolean;
}

/** The real transcoder (ffmpeg found by mediaBinaries) without its info logs in the test output. */
export const quietTranscoder = (): FluentFfmpegTranscoder => {
  const logger = createLogger('processing-test');
  logger.setLogLevel(process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'SILENT');
  return new FluentFfmpegTranscoder({ logger });
};

/** The default profile made quick: ultrafast, 1 s segments, storyboard every 0.5 s, small image widths. */
export const fastProfile = (): Profile => {
  const base = profileByName('default');
  return ProfileSchema.parse({
    ...base,
    name: 'test',
    video: { ...base.video, preset: 'ultrafast' },
    hls: { segmentSeconds: 1 },
    poster: { atSeconds: 1, maxLongSide: 640 },
    storyboard: { intervalSeconds: 0.5, tileWidth: 96, columns: 4, maxRows: 4 },
    image: { ...base.image, widths: [160, 320, 640] },
    waveform: { peaks: 100, sampleRate: 8000 },
  });
};

/** A video of that shape (stereo 48 kHz AAC when `audio`), not rotated. */
export const videoInfo = (spec: VideoShape): MediaInfo => ({
  kind: 'video',
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationSeconds: spec.seconds,
  video: {
    codec: 'h264',
    width: spec.width,
    height: spec.height,
    rotation: 0,
    displayWidth: spec.width,
    displayHeight: spec.height,
    frameRate: spec.fps ?? 25,
    variableFrameRate: false,
    pixelFormat: 'yuv420p',
    bitDepth: 8,
  },
  ...(spec.audio ? { audio: { codec: 'aac', channels: 2, sampleRate: 48000 } } : {}),
});

export const audioInfo = (seconds: number): MediaInfo => ({
  kind: 'audio',
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationSeconds: seconds,
  audio: { codec: 'aac', channels: 1, sampleRate: 44100 },
});

/** Stored size and EXIF orientation; orientations 5..8 swap the displayed sides. */
export const imageInfo = (format: string, width: number, height: number, orientation = 1): MediaInfo => {
  const swap = orientation >= 5;
  const [displayWidth, displayHeight] = swap ? [height, width] : [width, height];
  return {
    kind: 'image',
    container: format === 'png' ? 'png_pipe' : 'image2',
    durationSeconds: 0,
    image: { format, width, height, orientation, displayWidth, displayHeight },
  };
};

/** MediaInfo from a shared clip's spec, as the prober reports it (`overrides` for what the spec lacks). */
export const infoForClip = (
  clip: Clip,
  overrides: Partial<NonNullable<MediaInfo['video']>> = {},
): MediaInfo => {
  const { spec } = clip;
  if (spec.image)
    return imageInfo(spec.image.format, spec.image.width, spec.image.height, spec.image.orientation);
  const common = {
    container: spec.ext.slice(1),
    durationSeconds: spec.durationSeconds ?? 0,
    sizeBytes: clip.sizeBytes,
  };
  const audio = spec.audio && {
    codec: spec.audio.codec,
    channels: spec.audio.channels,
    sampleRate: spec.audio.sampleRate,
  };
  if (!spec.video) return { kind: 'audio', ...common, ...(audio ? { audio } : {}) };
  const { codec, width, height, displayWidth, displayHeight, fps, rotation } = spec.video;
  return {
    kind: 'video',
    ...common,
    video: {
      codec,
      width,
      height,
      displayWidth,
      displayHeight,
      rotation,
      frameRate: fps,
      variableFrameRate: false,
      pixelFormat: 'yuv420p',
      bitDepth: 8,
      ...overrides,
    },
    ...(audio ? { audio } : {}),
  };
};
