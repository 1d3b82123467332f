// What one transcode produces and how, decided from the probe alone: the runner only executes it.
// Every output carries its key relative to the job's output prefix.
import type { H264Profile, Profile } from './profiles-schema';
import type { StoryboardPlan } from './rendition-storyboard';

interface HlsPackaging {
  segmentSeconds: number;
  masterKey: string;
}

export interface VideoRungPlan {
  name: string;
  width: number;
  height: number;
  videoBitrateKbps: number;
  maxrateKbps: number;
  bufsizeKbps: number;
  h264Profile: H264Profile;
  /** e.g. "4.0": the lowest level that holds this size, rate and bitrate. */
  h264Level: string;
  playlistKey: string;
  initKey: string;
}

export interface AudioRenditionPlan {
  name: string;
  bitrateKbps: number;
  sampleRate: number;
  channels: number;
  codecs: string;
  playlistKey: string;
  initKey: string;
}

export interface OutputFrameRate {
  fps: number;
  /** As ffmpeg reads it: "30000/1001" for NTSC rates, else a decimal. */
  expression: string;
  /** True when frames must be resampled to it (variable-rate source, or above the profile's cap). */
  resample: boolean;
}

export interface VideoPlan {
  kind: 'video';
  profile: string;
  durationSeconds: number;
  encoder: { preset: Profile['video']['preset'] };
  frameRate: OutputFrameRate;
  /** Keyframe every segment: fps × segment seconds, scene-cut detection off, so rungs cut alike. */
  gopFrames: number;
  hls: HlsPackaging;
  /** Top rung first. */
  rungs: VideoRungPlan[];
  /** Absent when the source has no audio track. */
  audio?: AudioRenditionPlan;
  mp4: { rung: string; key: string };
  poster: { atSeconds: number; width: number; height: number; key: string };
  storyboard: StoryboardPlan;
}

export interface AudioPlan {
  kind: 'audio';
  profile: string;
  durationSeconds: number;
  hls: HlsPackaging;
  audio: AudioRenditionPlan;
  m4a: { key: string };
  waveform: { peaks: number; sampleRate: number; key: string };
}

export interface ImageVariantPlan {
  name: string;
  width: number;
  height: number;
  format: 'webp' | 'jpeg';
  /** libwebp quality 0..100, or mjpeg qscale 2..31. */
  quality: number;
  key: string;
}

export interface ImagePlan {
  kind: 'image';
  profile: string;
  /** EXIF orientation 1..8 to apply: ffmpeg does not turn stills by their EXIF tag itself. */
  orientation: number;
  displayWidth: number;
  displayHeight: number;
  variants: ImageVariantPlan[];
}

export type Plan = VideoPlan | AudioPlan | ImagePlan;
