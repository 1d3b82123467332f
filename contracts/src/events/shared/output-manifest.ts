// What a finished transcode wrote, object by object: TranscodeFinished reports it and JobCompleted
// repeats it, so subscribers learn every output key without reading processing's storage.
import { z } from 'zod';
import { OutputKindSchema } from './output-kind';
import {
  BitrateKbpsSchema,
  DurationSecondsSchema,
  PixelsSchema,
  Sha256Schema,
  SizeBytesSchema,
  StorageKeySchema,
} from './identifiers';

export const ManifestOutputSchema = z
  .object({
    key: StorageKeySchema,
    kind: OutputKindSchema,
    sizeBytes: SizeBytesSchema,
    width: PixelsSchema.optional(),
    height: PixelsSchema.optional(),
    bitrateKbps: BitrateKbpsSchema.optional(),
    durationSeconds: DurationSecondsSchema.optional(),
    sha256: Sha256Schema,
  })
  .strict();
export type ManifestOutput = z.infer<typeof ManifestOutputSchema>;

/** An HLS rendition is many segments: list its playlist, not every segment, which the playlist already names. */
export const OutputManifestSchema = z
  .object({ outputs: z.array(ManifestOutputSchema).min(1).max(1000) })
  .strict();
export type OutputManifest = z.infer<typeof OutputManifestSchema>;
