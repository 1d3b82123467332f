// The runner's engine: executes a plan against one input and reports what it wrote. Failures are
// TranscodeCancelled, TranscodeTimedOut, TranscodeLimitExceeded, InputRefused or
// TranscodeFailed (src/domain/media-errors).
import type { OutputKind } from '@mediaflow/contracts';
import type { Plan } from '@mediaflow/media-planning';

export interface TranscodeOptions {
  /** Probed duration: progress is output time against it. */
  durationSeconds: number;
  /** 0..100, never decreasing; 100 only once every output is in place. */
  onProgress?: (percent: number) => void;
  /** Aborting stops the work, removes partial outputs and rejects with TranscodeCancelled. */
  signal?: AbortSignal;
  /** Past this the work is stopped and the promise rejects with TranscodeTimedOut. */
  wallClockLimitMs?: number;
  /**
   * The probe's container (MediaInfo.container): the only demuxer ffmpeg may then read the input with
   * (else InputRefused INPUT_FORMAT_MISMATCH). Absent: the usual containers of the plan's kind.
   */
  inputFormat?: string;
}

/** Init sections and segments are uploaded like every output, but the manifest lists only playlists. */
export type ProducedFileKind = OutputKind | 'hls-init' | 'hls-segment';

export interface ProducedFile {
  /** Relative to the output prefix, as planned: `hls/720p/seg_00001.m4s`. */
  key: string;
  /** Absolute path of the file on local disk. */
  path: string;
  kind: ProducedFileKind;
  contentType: string;
  sizeBytes: number;
  width?: number;
  height?: number;
}

export interface Transcoder {
  /** `input` is a local path or an http(s) URL (a presigned GET). Outputs land under `outputDir`. */
  transcode(input: string, plan: Plan, outputDir: string, options: TranscodeOptions): Promise<ProducedFile[]>;
}
