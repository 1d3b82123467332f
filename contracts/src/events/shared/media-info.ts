// What ffprobe found in a source file, as processing reports it in MediaProbed. The jobs policy reads
// it (type, duration, resolution, size limits) and plans the ladder from it, so the union is by kind.
import { z } from 'zod';
import { BitrateKbpsSchema, DurationSecondsSchema, PixelsSchema, SizeBytesSchema } from './identifiers';

/** ffprobe's names (codec_name, format_name, pix_fmt) are open-ended: free text, bounded. */
const probeNameSchema = z.string().min(1).max(64);

export const VideoStreamInfoSchema = z
  .object({
    codec: probeNameSchema.describe('ffprobe codec_name, e.g. "h264".'),
    /** Coded size, before rotation: a phone's portrait clip is 1920x1080 with rotation 90. */
    width: PixelsSchema,
    height: PixelsSchema,
    rotation: z
      .literal([0, 90, 180, 270])
      .describe('Clockwise display rotation, normalised from the display matrix.'),
    frameRate: z.number().positive().max(1000).describe('Average frames per second.'),
    variableFrameRate: z.boolean(),
    bitDepth: z.number().int().min(1).max(16).optional(),
    pixelFormat: probeNameSchema.optional().describe('ffprobe pix_fmt, e.g. "yuv420p".'),
    bitrateKbps: BitrateKbpsSchema.optional(),
  })
  .strict();
export type VideoStreamInfo = z.infer<typeof VideoStreamInfoSchema>;

export const AudioStreamInfoSchema = z
  .object({
    codec: probeNameSchema.describe('ffprobe codec_name, e.g. "aac".'),
    channels: z.number().int().min(1).max(64),
    sampleRate: z.number().int().min(1).max(768_000).describe('Samples per second.'),
    channelLayout: probeNameSchema.optional().describe('e.g. "stereo", "5.1".'),
    bitrateKbps: BitrateKbpsSchema.optional(),
  })
  .strict();
export type AudioStreamInfo = z.infer<typeof AudioStreamInfoSchema>;

export const ImageInfoSchema = z
  .object({
    format: probeNameSchema.describe('ffprobe codec_name of the picture, e.g. "png", "mjpeg", "webp".'),
    width: PixelsSchema,
    height: PixelsSchema,
    orientation: z.number().int().min(1).max(8).optional().describe('EXIF orientation, 1 (upright) to 8.'),
  })
  .strict();
export type ImageInfo = z.infer<typeof ImageInfoSchema>;

/** Fields every kind has. Duration can be unknown (some WebM, broken headers): optional, and jobs decides. */
const commonFields = {
  container: probeNameSchema.describe('ffprobe format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2".'),
  sizeBytes: SizeBytesSchema,
};

export const MediaInfoSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('video'),
      ...commonFields,
      durationSeconds: DurationSecondsSchema.optional(),
      video: VideoStreamInfoSchema,
      /** Absent for a silent video. */
      audio: AudioStreamInfoSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('audio'),
      ...commonFields,
      durationSeconds: DurationSecondsSchema.optional(),
      audio: AudioStreamInfoSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('image'),
      ...commonFields,
      image: ImageInfoSchema,
    })
    .strict(),
]);
export type MediaInfo = z.infer<typeof MediaInfoSchema>;
export type MediaKind = MediaInfo['kind'];
