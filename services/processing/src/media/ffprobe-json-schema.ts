// The subset of ffprobe's JSON (-show_format -show_streams [-show_frames]) that we read, checked
// with zod. Numbers arrive as strings or numbers depending on the field and the ffprobe version.
import { z } from 'zod';

const numeric = z.union([z.number(), z.string()]).optional();
const tags = z.record(z.string(), z.union([z.string(), z.number()])).optional();

const sideData = z
  .object({
    side_data_type: z.string().optional(),
    rotation: numeric,
    displaymatrix: z.string().optional(),
  })
  .loose();

const ffprobeStreamSchema = z.object({
  index: z.number(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  codec_tag_string: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  pix_fmt: z.string().optional(),
  bits_per_raw_sample: numeric,
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  sample_rate: numeric,
  channels: z.number().optional(),
  channel_layout: z.string().optional(),
  bit_rate: numeric,
  duration: numeric,
  nb_frames: numeric,
  disposition: z.record(z.string(), z.number()).optional(),
  tags,
  side_data_list: z.array(sideData).optional(),
});

const ffprobeFormatSchema = z.object({
  format_name: z.string(),
  duration: numeric,
  size: numeric,
  bit_rate: numeric,
  tags,
});

const ffprobeFrameSchema = z.object({
  stream_index: z.number().optional(),
  tags,
  side_data_list: z.array(sideData).optional(),
});

export const ffprobeOutputSchema = z.object({
  format: ffprobeFormatSchema,
  streams: z.array(ffprobeStreamSchema).default([]),
  frames: z.array(ffprobeFrameSchema).optional(),
});

export type FfprobeStream = z.infer<typeof ffprobeStreamSchema>;
export type FfprobeFormat = z.infer<typeof ffprobeFormatSchema>;
export type FfprobeFrame = z.infer<typeof ffprobeFrameSchema>;
export type FfprobeOutput = z.infer<typeof ffprobeOutputSchema>;
export type FfprobeSideData = z.infer<typeof sideData>;

/** A number from a field that may be a string, "N/A" or missing. */
export const toNumber = (value: string | number | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** "30000/1001" → 29.97; undefined for "0/0" and garbage. */
export const parseRational = (value: string | undefined): number | undefined => {
  const match = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(value ?? '');
  if (!match) {
    const plain = toNumber(value);
    return plain !== undefined && plain > 0 ? plain : undefined;
  }
  const num = Number(match[1]);
  const den = Number(match[2]);
  return den > 0 && num > 0 ? num / den : undefined;
};
