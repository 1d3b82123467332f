// Processing's MediaInfo ↔ the contract's MediaInfo (MediaProbed.data.mediaInfo). The contract drops
// what follows from other fields (display sizes from rotation / EXIF orientation) and marks unknowns
// as absent; the conversions are written so that planning from either side gives the same plan.
import type { MediaInfo as ContractMediaInfo } from '@mediaflow/contracts';
import type { AudioStreamInfo, ImageInfo, MediaInfo, VideoStreamInfo } from './media-info';
import { orientationSwapsSides } from './plan-image';
import { IncompleteMediaInfo } from './planning-errors';

type ContractVideo = Extract<ContractMediaInfo, { kind: 'video' }>['video'];
type ContractAudio = NonNullable<Extract<ContractMediaInfo, { kind: 'video' }>['audio']>;
type ContractImage = Extract<ContractMediaInfo, { kind: 'image' }>['image'];

const NAME_MAX = 64;
const MAX_FRAME_RATE = 1000;
/** What the planner assumes for an unknown rate: 25 fps, resampled. Said in contract terms. */
const UNKNOWN_RATE = { frameRate: 25, variableFrameRate: true } as const;

const name = (text: string): string => (text.length > 0 ? text.slice(0, NAME_MAX) : 'unknown');
const kbps = (value: number | undefined): { bitrateKbps?: number } =>
  value !== undefined && Number.isFinite(value) && Math.round(value) >= 1
    ? { bitrateKbps: Math.round(value) }
    : {};
const known = (seconds: number): { durationSeconds?: number } =>
  seconds > 0 ? { durationSeconds: seconds } : {};

const videoToContract = (v: VideoStreamInfo): ContractVideo => {
  // An unknown or absurd rate (a broken timebase) is planned as 25 fps resampled on both sides.
  const rateKnown = Number.isFinite(v.frameRate) && v.frameRate > 0 && v.frameRate <= MAX_FRAME_RATE;
  return {
    codec: name(v.codec),
    width: v.width,
    height: v.height,
    rotation: v.rotation,
    ...(rateKnown ? { frameRate: v.frameRate, variableFrameRate: v.variableFrameRate } : UNKNOWN_RATE),
    ...(v.bitDepth >= 1 && v.bitDepth <= 16 ? { bitDepth: Math.round(v.bitDepth) } : {}),
    ...(v.pixelFormat ? { pixelFormat: name(v.pixelFormat) } : {}),
    ...kbps(v.bitrateKbps),
  };
};

const audioToContract = (a: AudioStreamInfo): ContractAudio => ({
  codec: name(a.codec),
  channels: a.channels,
  sampleRate: a.sampleRate,
  ...(a.channelLayout ? { channelLayout: name(a.channelLayout) } : {}),
  ...kbps(a.bitrateKbps),
});

const imageToContract = (i: ImageInfo): ContractImage => ({
  format: name(i.format),
  width: i.width,
  height: i.height,
  orientation: i.orientation >= 1 && i.orientation <= 8 ? i.orientation : 1,
});

const missing = (what: string): never => {
  throw new IncompleteMediaInfo(what);
};

/** The contract shape of a probe. Throws IncompleteMediaInfo when the contract needs what the probe lacks (the size). */
export const mediaInfoToContract = (info: MediaInfo): ContractMediaInfo => {
  const sizeBytes = info.sizeBytes ?? missing('the size in bytes');
  const common = { container: name(info.container), sizeBytes };
  switch (info.kind) {
    case 'video': {
      const video = info.video ?? missing('the video stream');
      return {
        kind: 'video',
        ...common,
        ...known(info.durationSeconds),
        video: videoToContract(video),
        ...(info.audio ? { audio: audioToContract(info.audio) } : {}),
      };
    }
    case 'audio': {
      const audio = info.audio ?? missing('the audio stream');
      return { kind: 'audio', ...common, ...known(info.durationSeconds), audio: audioToContract(audio) };
    }
    case 'image':
      return { kind: 'image', ...common, image: imageToContract(info.image ?? missing('the image details')) };
  }
};

const videoFromContract = (v: ContractVideo): VideoStreamInfo => {
  const swap = v.rotation === 90 || v.rotation === 270;
  return {
    codec: v.codec,
    width: v.width,
    height: v.height,
    rotation: v.rotation,
    displayWidth: swap ? v.height : v.width,
    displayHeight: swap ? v.width : v.height,
    frameRate: v.frameRate,
    variableFrameRate: v.variableFrameRate,
    pixelFormat: v.pixelFormat ?? 'unknown',
    bitDepth: v.bitDepth ?? 8,
    ...(v.bitrateKbps !== undefined ? { bitrateKbps: v.bitrateKbps } : {}),
  };
};

const imageFromContract = (i: ContractImage): ImageInfo => {
  const orientation = i.orientation ?? 1;
  const swap = orientationSwapsSides(orientation);
  return {
    format: i.format,
    width: i.width,
    height: i.height,
    orientation,
    displayWidth: swap ? i.height : i.width,
    displayHeight: swap ? i.width : i.height,
  };
};

/** The planner's view of a probe received in MediaProbed (jobs plans from this). */
export const mediaInfoFromContract = (info: ContractMediaInfo): MediaInfo => {
  const common = { container: info.container, sizeBytes: info.sizeBytes };
  switch (info.kind) {
    case 'video':
      return {
        kind: 'video',
        ...common,
        durationSeconds: info.durationSeconds ?? 0,
        video: videoFromContract(info.video),
        ...(info.audio ? { audio: { ...info.audio } } : {}),
      };
    case 'audio':
      return {
        kind: 'audio',
        ...common,
        durationSeconds: info.durationSeconds ?? 0,
        audio: { ...info.audio },
      };
    case 'image':
      return { kind: 'image', ...common, durationSeconds: 0, image: imageFromContract(info.image) };
  }
};
