// The video plan: ladder, frame rate and keyframe policy, HLS and MP4 packaging, poster, storyboard.
import { type FrameSize, type SizedRung, roundEven, sizeLadder } from './ladder';
import type { AudioStreamInfo, VideoStreamInfo } from './media-info';
import { planAudioRendition } from './plan-audio';
import type { AudioRenditionPlan, OutputFrameRate, VideoPlan, VideoRungPlan } from './plan-types';
import type { Profile } from './profiles-schema';
import { h264LevelFor } from './rendition-codecs';
import { outputKeys } from './rendition-keys';
import { planStoryboard } from './rendition-storyboard';

const NTSC_RATES = [24000, 30000, 60000].map((n) => ({ fps: n / 1001, expression: `${n}/1001` }));

/** Unknown rates fall back to 25 and are resampled, so the GOP arithmetic always has a rate. */
const planFrameRate = (video: VideoStreamInfo, maxFrameRate: number): OutputFrameRate => {
  const known = Number.isFinite(video.frameRate) && video.frameRate > 0;
  let fps = known ? video.frameRate : 25;
  // Halving (or thirding) keeps motion even: 120 → 60 and 50 stays, rather than 120 → 60 by dropping unevenly.
  if (fps > maxFrameRate + 0.01) fps /= Math.ceil(fps / maxFrameRate - 0.001);
  const ntsc = NTSC_RATES.find((r) => Math.abs(r.fps - fps) < 0.005);
  return {
    fps: ntsc?.fps ?? fps,
    expression: ntsc?.expression ?? String(Math.round(fps * 1000) / 1000),
    resample: !known || video.variableFrameRate || Math.abs(fps - video.frameRate) > 0.01,
  };
};

const rungPlan = (sized: SizedRung, fps: number): VideoRungPlan => ({
  name: sized.spec.name,
  width: sized.width,
  height: sized.height,
  videoBitrateKbps: sized.spec.videoBitrateKbps,
  maxrateKbps: sized.spec.maxrateKbps,
  bufsizeKbps: sized.spec.bufsizeKbps,
  h264Profile: sized.spec.h264Profile,
  h264Level: h264LevelFor({
    ...sized,
    frameRate: fps,
    maxrateKbps: sized.spec.maxrateKbps,
    profile: sized.spec.h264Profile,
  }),
  playlistKey: outputKeys.hlsPlaylist(sized.spec.name),
  initKey: outputKeys.hlsInit(sized.spec.name),
});

const posterSize = (display: FrameSize, maxLongSide: number): FrameSize => {
  const scale = Math.min(1, maxLongSide / Math.max(display.width, display.height));
  return { width: roundEven(display.width * scale), height: roundEven(display.height * scale) };
};

export const planVideo = (
  video: VideoStreamInfo,
  audio: AudioStreamInfo | undefined,
  durationSeconds: number,
  profile: Profile,
): VideoPlan => {
  const display = { width: video.displayWidth, height: video.displayHeight };
  const frameRate = planFrameRate(video, profile.video.maxFrameRate);
  const rungs = sizeLadder(display, profile.video.rungs, profile.video.snapTolerance).map((r) =>
    rungPlan(r, frameRate.fps),
  );
  const top = rungs[0]?.name ?? '';
  const wanted = profile.video.downloadRung;
  const mp4Rung = wanted !== 'top' && rungs.some((r) => r.name === wanted) ? wanted : top;
  const audioRendition: AudioRenditionPlan | undefined = audio
    ? planAudioRendition(audio, profile)
    : undefined;
  return {
    kind: 'video',
    profile: profile.name,
    durationSeconds,
    encoder: { preset: profile.video.preset },
    frameRate,
    gopFrames: Math.max(1, Math.round(frameRate.fps * profile.hls.segmentSeconds)),
    hls: { segmentSeconds: profile.hls.segmentSeconds, masterKey: outputKeys.hlsMaster },
    rungs,
    ...(audioRendition ? { audio: audioRendition } : {}),
    mp4: { rung: mp4Rung, key: outputKeys.mp4(mp4Rung) },
    poster: {
      atSeconds: Math.min(profile.poster.atSeconds, durationSeconds / 2),
      ...posterSize(display, profile.poster.maxLongSide),
      key: outputKeys.poster,
    },
    storyboard: planStoryboard(durationSeconds, display, profile.storyboard),
  };
};
