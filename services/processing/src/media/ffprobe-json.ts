// Turns ffprobe's JSON into the domain's view of an input. Pure: no process, no file, so it is
// tested on hand-written JSON; the prober feeds it what the real ffprobe printed.
import { classifyMedia, type ProbedMedia } from '../domain/classify';
import { MediaUnsupported } from '../domain/media-errors';
import type { AudioStreamInfo, ImageInfo, MediaInfo, VideoStreamInfo } from '../domain/media-info';
import {
  ffprobeOutputSchema,
  parseRational,
  toNumber,
  type FfprobeFrame,
  type FfprobeOutput,
  type FfprobeStream,
} from './ffprobe-json-schema';
import { imageOrientation, orientationSwapsAxes, videoRotation } from './ffprobe-orientation';

// avg_frame_rate is frames / duration; r_frame_rate is the timebase ffprobe guesses from the
// timestamps. On constant frame rate they agree within rounding (a missing last frame on a 1 s clip
// is 3 %); phone and screen recordings with variable frame rate differ by far more.
const VFR_TOLERANCE = 0.05;

// Demuxers that read one picture, not a stream of them.
const isImageDemuxer = (formatName: string): boolean =>
  formatName.split(',').some((name) => name === 'image2' || name === 'image2pipe' || name.endsWith('_pipe'));

const kbps = (bitRate: string | number | undefined): number | undefined => {
  const bps = toNumber(bitRate);
  return bps !== undefined && bps > 0 ? Math.round(bps / 1000) : undefined;
};

/** yuv420p10le → 10, p010le → 10, rgb48be → 16, rgb24/nv12/yuvj420p → 8. */
export const bitDepthOf = (pixelFormat: string | undefined, bitsPerRawSample?: string | number): number => {
  const digits = /(\d+)(?:le|be)$/.exec(pixelFormat ?? '')?.[1];
  const fromFormat = digits === undefined ? undefined : Number(digits);
  if (fromFormat !== undefined && fromFormat > 0 && fromFormat <= 16) return fromFormat;
  if (fromFormat === 48 || fromFormat === 64) return 16; // packed RGB(A) with 16 bits per component
  const raw = toNumber(bitsPerRawSample);
  return raw !== undefined && raw > 0 ? raw : 8;
};

const isCoverArt = (s: FfprobeStream): boolean => s.disposition?.attached_pic === 1;
const label = (s: FfprobeStream, what: string): string =>
  `${what} stream ${s.index} (${s.codec_name ?? s.codec_tag_string ?? 'codec unknown'})`;

const whyUnusable = (s: FfprobeStream): string | undefined => {
  if (!s.codec_name || s.codec_name === 'none') return 'codec unknown';
  if (s.codec_type === 'video' && (!s.width || !s.height)) return 'no picture size';
  if (s.codec_type === 'video' && !s.pix_fmt) return 'no decoder for it';
  if (s.codec_type === 'audio' && (!toNumber(s.sample_rate) || !s.channels))
    return 'no sample rate or channels';
  return undefined;
};

const preferDefault = (streams: FfprobeStream[]): FfprobeStream | undefined =>
  streams.find((s) => s.disposition?.default === 1) ?? streams[0];

const videoInfo = (s: FfprobeStream & { width: number; height: number }): VideoStreamInfo => {
  const rotation = videoRotation(s);
  const swap = rotation === 90 || rotation === 270;
  const average = parseRational(s.avg_frame_rate);
  const real = parseRational(s.r_frame_rate);
  const frameRate = average ?? real ?? 0;
  const variableFrameRate =
    average !== undefined &&
    real !== undefined &&
    Math.abs(real - average) / Math.max(real, average) > VFR_TOLERANCE;
  return {
    codec: s.codec_name ?? 'unknown',
    width: s.width,
    height: s.height,
    rotation,
    displayWidth: swap ? s.height : s.width,
    displayHeight: swap ? s.width : s.height,
    frameRate: Math.round(frameRate * 1000) / 1000,
    variableFrameRate,
    pixelFormat: s.pix_fmt ?? 'unknown',
    bitDepth: bitDepthOf(s.pix_fmt, s.bits_per_raw_sample),
    bitrateKbps: kbps(s.bit_rate),
  };
};

const audioInfo = (s: FfprobeStream): AudioStreamInfo => ({
  codec: s.codec_name ?? 'unknown',
  channels: s.channels ?? 0,
  sampleRate: toNumber(s.sample_rate) ?? 0,
  channelLayout: s.channel_layout && s.channel_layout !== 'unknown' ? s.channel_layout : undefined,
  bitrateKbps: kbps(s.bit_rate),
});

const imageInfo = (
  s: FfprobeStream & { width: number; height: number },
  frame: FfprobeFrame | undefined,
): ImageInfo => {
  const orientation = imageOrientation(frame, s);
  const swap = orientationSwapsAxes(orientation);
  return {
    format: s.codec_name ?? 'unknown',
    width: s.width,
    height: s.height,
    orientation,
    displayWidth: swap ? s.height : s.width,
    displayHeight: swap ? s.width : s.height,
  };
};

const hasSize = (s: FfprobeStream): s is FfprobeStream & { width: number; height: number } =>
  !!s.width && !!s.height;

/** MP4 only: the sample bytes the index declares (bit rate × duration of each track). */
const declaredPayloadBytes = (out: FfprobeOutput): number | undefined => {
  if (!out.format.format_name.startsWith('mov,')) return undefined;
  const perStream = out.streams.map((s) => ((toNumber(s.bit_rate) ?? 0) * (toNumber(s.duration) ?? 0)) / 8);
  const total = perStream.reduce((sum, bytes) => sum + bytes, 0);
  return total > 0 ? Math.round(total) : undefined;
};

const durationOf = (out: FfprobeOutput): number => {
  const fromFormat = toNumber(out.format.duration);
  const fromStreams = Math.max(0, ...out.streams.map((s) => toNumber(s.duration) ?? 0));
  return Math.round((fromFormat ?? fromStreams) * 1000) / 1000;
};

/** What ffprobe read, before the verdict (kind or unsupported) is given. Throws a ZodError on JSON of another shape. */
export const probedMediaFromFfprobe = (json: unknown, sizeBytes?: number): ProbedMedia => {
  const out = ffprobeOutputSchema.parse(json);
  const av = out.streams.filter(
    (s) => (s.codec_type === 'video' && !isCoverArt(s)) || s.codec_type === 'audio',
  );
  const usable = av.filter((s) => whyUnusable(s) === undefined);
  const video = preferDefault(usable.filter((s) => s.codec_type === 'video'));
  const audio = preferDefault(usable.filter((s) => s.codec_type === 'audio'));
  const still = video && hasSize(video) && isImageDemuxer(out.format.format_name) ? video : undefined;
  const firstFrame = out.frames?.find((f) => f.stream_index === undefined || f.stream_index === still?.index);
  return {
    container: out.format.format_name,
    durationSeconds: still ? 0 : durationOf(out),
    sizeBytes: sizeBytes ?? toNumber(out.format.size),
    bitrateKbps: still ? undefined : kbps(out.format.bit_rate),
    video: !still && video && hasSize(video) ? videoInfo(video) : undefined,
    audio: audio ? audioInfo(audio) : undefined,
    image: still ? imageInfo(still, firstFrame) : undefined,
    unusableStreams: av
      .filter((s) => !usable.includes(s))
      .map((s) => ({
        type: s.codec_type === 'video' ? 'video' : 'audio',
        description: `${label(s, s.codec_type ?? '')}: ${whyUnusable(s)}`,
      })),
    ignoredStreams: out.streams
      .filter((s) => !av.includes(s))
      .map((s) => label(s, isCoverArt(s) ? 'cover art' : (s.codec_type ?? 'unknown'))),
    declaredPayloadBytes: declaredPayloadBytes(out),
  };
};

/** The MediaInfo of a readable input; throws MediaUnsupported when ffprobe's answer rules it out. */
export const mediaInfoFromFfprobe = (json: unknown, sizeBytes?: number): MediaInfo => {
  const media = probedMediaFromFfprobe(json, sizeBytes);
  const verdict = classifyMedia({ opened: true, sizeBytes: media.sizeBytes, media });
  if (verdict.kind === 'unsupported') throw new MediaUnsupported(verdict.code, verdict.reason);
  return verdict.info;
};
