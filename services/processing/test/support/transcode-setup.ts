// What the transcoder tests plan with: a fast profile, a quiet transcoder, and MediaInfo values as
// the prober would report them for the shared test clips (src/testing/clips) or for a given shape.
import { createLogger } from '@mediaflow/logging';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';
import { FfmpegTranscoder } from '../../src/media/ffmpeg-transcoder';
import type { MediaInfo } from '../../src/domain/media-info';
import { type Profile, ProfileSchema, profileByName } from '@mediaflow/media-planning';
import type { Clip } from '../../src/testing/clips';

/** The real transcoder (ffmpeg found by mediaBinaries) without its info logs in the test output. */
export const quietTranscoder = (): FfmpegTranscoder => {
  const logger = createLogger('processing-test');
  logger.setLogLevel(process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'SILENT');
  return new FfmpegTranscoder({ ffmpegPath: mediaBinaries(process.env).ffmpeg.path, logger });
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

// The same MediaInfo builders the planner's own tests use: one definition of a probed shape.
import { imageInfo } from '@mediaflow/media-planning/testing';
export { audioInfo, imageInfo, videoInfo } from '@mediaflow/media-planning/testing';

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
