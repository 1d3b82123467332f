// The kinds of output a job can produce: the rendition plan asks for them and the manifest reports them.
import { z } from 'zod';

export const OutputKindSchema = z.enum([
  'hls-rendition',
  'hls-master',
  'mp4',
  'poster',
  'storyboard',
  'storyboard-vtt',
  'audio-hls',
  'm4a',
  'waveform',
  'image-variant',
]);
export type OutputKind = z.infer<typeof OutputKindSchema>;
