// The rendition plan jobs decides in JobValidated and the runner executes: which outputs to make and
// how. jobs caps the video ladder at the source resolution (never upscale) before publishing it.
import { z } from 'zod';
import { BitrateKbpsSchema, PixelsSchema, StorageKeySchema } from './identifiers';

export const VideoCodecSchema = z.enum(['h264', 'h265', 'vp9', 'av1']);
export type VideoCodec = z.infer<typeof VideoCodecSchema>;
export const AudioCodecSchema = z.enum(['aac', 'opus']);
export type AudioCodec = z.infer<typeof AudioCodecSchema>;

/** A rung or variant name ends up in output keys and player labels: short and key-safe. */
const outputNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/)
  .describe('Short key-safe name, e.g. "1080p".');

/** One rung of the video ladder, as an HLS rendition or a progressive MP4. */
const videoRungFields = {
  name: outputNameSchema,
  width: PixelsSchema,
  height: PixelsSchema,
  videoBitrateKbps: BitrateKbpsSchema,
  /** Absent when the source has no audio. */
  audioBitrateKbps: BitrateKbpsSchema.optional(),
  codec: VideoCodecSchema,
  /** Cap on frames per second; absent keeps the source rate. */
  maxFrameRate: z.number().positive().max(240).optional(),
};

export const HlsRenditionPlanSchema = z
  .object({ kind: z.literal('hls-rendition'), ...videoRungFields })
  .strict();
export const HlsMasterPlanSchema = z.object({ kind: z.literal('hls-master') }).strict();
export const Mp4PlanSchema = z.object({ kind: z.literal('mp4'), ...videoRungFields }).strict();

export const PosterPlanSchema = z
  .object({
    kind: z.literal('poster'),
    /** Absent lets the runner pick a representative frame. */
    atSeconds: z.number().min(0).optional(),
    width: PixelsSchema.optional(),
    format: z.enum(['jpeg', 'webp']),
  })
  .strict();

export const StoryboardPlanSchema = z
  .object({
    kind: z.literal('storyboard'),
    intervalSeconds: z.number().positive().max(3600),
    tileWidth: PixelsSchema,
    tileHeight: PixelsSchema,
    columns: z.number().int().min(1).max(100),
    rows: z.number().int().min(1).max(100),
  })
  .strict();

/** The WebVTT index that maps time ranges to storyboard tiles. */
export const StoryboardVttPlanSchema = z.object({ kind: z.literal('storyboard-vtt') }).strict();

export const AudioHlsPlanSchema = z
  .object({
    kind: z.literal('audio-hls'),
    name: outputNameSchema,
    audioBitrateKbps: BitrateKbpsSchema,
    codec: AudioCodecSchema,
  })
  .strict();

export const M4aPlanSchema = z
  .object({ kind: z.literal('m4a'), audioBitrateKbps: BitrateKbpsSchema })
  .strict();

export const WaveformPlanSchema = z
  .object({ kind: z.literal('waveform'), pointsPerSecond: z.number().int().min(1).max(1000) })
  .strict();

export const ImageVariantPlanSchema = z
  .object({
    kind: z.literal('image-variant'),
    name: outputNameSchema,
    /** Bounding box; the aspect ratio is kept and the source is never upscaled. */
    width: PixelsSchema,
    height: PixelsSchema.optional(),
    format: z.enum(['jpeg', 'webp', 'avif', 'png']),
    fit: z.enum(['inside', 'cover']).optional(),
  })
  .strict();

export const PlannedOutputSchema = z.discriminatedUnion('kind', [
  HlsRenditionPlanSchema,
  HlsMasterPlanSchema,
  Mp4PlanSchema,
  PosterPlanSchema,
  StoryboardPlanSchema,
  StoryboardVttPlanSchema,
  AudioHlsPlanSchema,
  M4aPlanSchema,
  WaveformPlanSchema,
  ImageVariantPlanSchema,
]);
export type PlannedOutput = z.infer<typeof PlannedOutputSchema>;

export const RenditionPlanSchema = z
  .object({
    /** Every output goes under this prefix at a deterministic key, so a rerun overwrites instead of duplicating. */
    outputPrefix: StorageKeySchema,
    outputs: z.array(PlannedOutputSchema).min(1).max(64),
  })
  .strict();
export type RenditionPlan = z.infer<typeof RenditionPlanSchema>;
