// What the application needs to know about an input before planning: kind, duration, streams.
import type { MediaInfo } from '../domain/media-info';

export interface ProbeOptions {
  /** Wall-clock limit for the whole probe (default chosen by the adapter, 30 s for ffprobe). */
  timeoutMs?: number;
  /** Aborts the probe; it then fails with ProbeUnavailable code PROBE_ABORTED. */
  signal?: AbortSignal;
}

export interface MediaProber {
  /**
   * Reads only what it needs of `input` (a local path or an http(s) URL, e.g. a presigned GET URL:
   * the media is never downloaded whole).
   *
   * @throws MediaUnsupported (permanent, `code` per UnsupportedCode) when the input is not usable media.
   * @throws ProbeUnavailable when no answer could be had: `retryable` for an unreachable source, a
   *   5xx or a timeout; not retryable for a missing source or a broken ffprobe.
   */
  probe(input: string, options?: ProbeOptions): Promise<MediaInfo>;
}
