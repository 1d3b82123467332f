// MediaInfo values as the prober reports them, for a given shape: what the planner tests plan from.
import type { MediaInfo } from '../media-info';

interface VideoShape {
  width: number;
  height: number;
  seconds: number;
  fps?: number;
  audio?: boolean;
}

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
