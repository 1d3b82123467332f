// The shape of a transcoding profile: what a ladder, its HLS packaging and the side outputs (poster,
// storyboard, image variants, waveform) look like. Profiles are data, checked here once.
import { z } from 'zod';
import { AUDIO_RENDITION_NAME } from './rendition-keys';

/** Names end up in output keys (`hls/720p/…`): short and key-safe. */
const OutputNameSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/);
const KbpsSchema = z.number().int().min(16).max(200_000);

const X264PresetSchema = z.enum([
  'ultrafast',
  'superfast',
  'veryfast',
  'faster',
  'fast',
  'medium',
  'slow',
]);
const H264ProfileSchema = z.enum(['baseline', 'main', 'high']);
export type H264Profile = z.infer<typeof H264ProfileSchema>;

const VideoRungSpecSchema = z
  .object({
    name: OutputNameSchema,
    /** The short side of the frame: the height of a landscape frame, the width of a portrait one. */
    shortSide: z.number().int().min(16).max(4320),
    videoBitrateKbps: KbpsSchema,
    maxrateKbps: KbpsSchema,
    bufsizeKbps: KbpsSchema,
    h264Profile: H264ProfileSchema,
  })
  .strict()
  .refine((r) => r.maxrateKbps >= r.videoBitrateKbps, { message: 'maxrate must be at least the bitrate' });
export type VideoRungSpec = z.infer<typeof VideoRungSpecSchema>;

export const ProfileSchema = z
  .object({
    name: OutputNameSchema,
    video: z
      .object({
        preset: X264PresetSchema,
        /** Top rung first, short sides strictly decreasing. */
        rungs: z.array(VideoRungSpecSchema).min(1).max(8),
        maxFrameRate: z.number().positive().max(120),
        /**
         * A rung whose short side exceeds the source's by at most this fraction is kept, shrunk to the
         * source size: a 1279x719 upload still gets a "720p" rung (1278x718) instead of losing it.
         */
        snapTolerance: z.number().min(0).max(0.25),
        /** Rung the progressive MP4 download is cut from: "top" or a rung name. */
        downloadRung: z.string(),
      })
      .strict(),
    hls: z.object({ segmentSeconds: z.number().min(1).max(12) }).strict(),
    audio: z
      .object({
        bitrateKbps: z.number().int().min(32).max(512),
        sampleRate: z.union([z.literal(44100), z.literal(48000)]),
        maxChannels: z.union([z.literal(1), z.literal(2)]),
      })
      .strict(),
    poster: z
      .object({
        /** Preferred time; capped at half the duration so a short clip still has a frame there. */
        atSeconds: z.number().min(0),
        /** Bound on the poster's longer side (never above the source). */
        maxLongSide: z.number().int().min(16).max(3840),
      })
      .strict(),
    storyboard: z
      .object({
        intervalSeconds: z.number().positive().max(600),
        tileWidth: z.number().int().min(16).max(640),
        columns: z.number().int().min(1).max(20),
        /** Past columns × maxRows thumbnails the interval grows, so one sprite always holds them all. */
        maxRows: z.number().int().min(1).max(20),
      })
      .strict(),
    image: z
      .object({
        widths: z.array(z.number().int().min(16).max(8192)).min(1),
        formats: z.array(z.enum(['webp', 'jpeg'])).min(1),
        /** libwebp quality, 0..100. */
        webpQuality: z.number().int().min(0).max(100),
        /** mjpeg -q:v, 2 (best) .. 31. */
        jpegQscale: z.number().int().min(2).max(31),
      })
      .strict(),
    waveform: z
      .object({
        peaks: z.number().int().min(16).max(100_000),
        /** Rate the audio is resampled to before peaks are taken: enough for a picture, cheap to read. */
        sampleRate: z.number().int().min(1000).max(48000),
      })
      .strict(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const sides = p.video.rungs.map((r) => r.shortSide);
    if (sides.some((side, i) => i > 0 && side >= (sides[i - 1] ?? Infinity)))
      ctx.addIssue({
        code: 'custom',
        path: ['video', 'rungs'],
        message: 'rungs must go from the largest short side down',
      });
    const names = new Set(p.video.rungs.map((r) => r.name));
    if (names.has(AUDIO_RENDITION_NAME))
      ctx.addIssue({
        code: 'custom',
        path: ['video', 'rungs'],
        message: `"${AUDIO_RENDITION_NAME}" names the audio rendition`,
      });
    if (names.size !== p.video.rungs.length)
      ctx.addIssue({ code: 'custom', path: ['video', 'rungs'], message: 'rung names must be unique' });
    if (p.video.downloadRung !== 'top' && !names.has(p.video.downloadRung))
      ctx.addIssue({
        code: 'custom',
        path: ['video', 'downloadRung'],
        message: 'downloadRung must be "top" or a rung name',
      });
  });
export type Profile = z.infer<typeof ProfileSchema>;
