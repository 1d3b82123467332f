// MediaProber with the ffprobe binary: a local path or an http(s) URL (ffprobe reads only the
// header and a few packets; nothing is downloaded whole). Works with the 2023 static ffprobe of
// @ffprobe-installer and with Debian's ffprobe 5.1 alike.
import { createLogger, type Logger } from '@mediaflow/logging';
import { classifyBeforeProbe } from '../domain/classify';
import { isImageSignature, containerSignature } from '../domain/classify-signature';
import { InputRefused, MediaUnsupported, ProbeUnavailable, isMediaError } from '../domain/media-errors';
import type { MediaInfo } from '../domain/media-info';
import type { MediaProber, ProbeOptions } from '../ports/media-prober';
import type { MediaBinary } from './ffmpeg-binaries';
import type { RunnerNetwork } from './ffmpeg-input-guard';
import { buildFfprobeArgs, ffprobeHttpOptions } from './ffprobe-args';
import { interpretFfprobeFailure } from './ffprobe-failure';
import { isUrl, readInputHead, redactInput } from './ffprobe-input-head';
import { mediaInfoFromFfprobe } from './ffprobe-json';
import { runFfprobe } from './ffprobe-process';

interface FfprobeMediaProberOptions {
  /** The ffprobe to run, as mediaBinaries().ffprobe finds it. */
  ffprobe: MediaBinary;
  logger?: Logger;
  /** Used when a probe call gives no timeoutMs. */
  defaultTimeoutMs?: number;
  /**
   * `none` (the embedded runner): local inputs only, ffprobe in a network namespace of its own.
   * `host` (the default: the probe step, the AWS runner): presigned URLs are read over the network.
   */
  network?: RunnerNetwork;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class FfprobeMediaProber implements MediaProber {
  private readonly ffprobe: MediaBinary;
  private readonly logger: Logger;
  private readonly defaultTimeoutMs: number;
  private readonly network: RunnerNetwork;

  constructor(options: FfprobeMediaProberOptions) {
    this.ffprobe = options.ffprobe;
    this.logger = options.logger ?? createLogger('processing', { component: 'ffprobe-media-prober' });
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.network = options.network ?? 'host';
    this.logger.info('ffprobe ready', {
      path: this.ffprobe.path,
      version: this.ffprobe.version,
      origin: this.ffprobe.origin,
    });
  }

  async probe(input: string, options: ProbeOptions = {}): Promise<MediaInfo> {
    const started = Date.now();
    const shownAs = redactInput(input);
    try {
      const info = await this.probeOnce(input, shownAs, options);
      this.logger.debug('probed', {
        input: shownAs,
        kind: info.kind,
        container: info.container,
        ms: Date.now() - started,
      });
      return info;
    } catch (error) {
      this.report(error, shownAs);
      throw error;
    }
  }

  private async probeOnce(input: string, shownAs: string, options: ProbeOptions): Promise<MediaInfo> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    const url = isUrl(input);
    // Before the head is read: that is an HTTP request from this process, outside any namespace.
    if (url && this.network === 'none')
      throw new InputRefused('RUNNER_NETWORK_DENIED', `this runner has no network and reads local files only, not ${shownAs}`);
    const { sizeBytes, head } = await readInputHead(input, { timeoutMs, signal: options.signal });

    const early = classifyBeforeProbe(sizeBytes, head);
    if (early) throw new MediaUnsupported(early.code, early.reason);

    const remainingMs = Math.max(1000, deadline - Date.now());
    const args = buildFfprobeArgs(input, {
      isUrl: url,
      timeoutMs: remainingMs,
      readFirstFrame: isImageSignature(containerSignature(head)),
      httpOptions: url ? await ffprobeHttpOptions(this.ffprobe.path) : new Set(),
    });
    const run = await runFfprobe(this.ffprobe.path, args, {
      timeoutMs: remainingMs,
      signal: options.signal,
      network: this.network,
    });
    if (run.exitCode !== 0 || run.timedOut || run.aborted) {
      throw interpretFfprobeFailure(run, {
        input,
        shownAs,
        isUrl: url,
        sizeBytes,
        head,
        timeoutMs,
        ffprobeVersion: this.ffprobe.version,
      });
    }
    return this.interpretOutput(run.stdout, shownAs, sizeBytes);
  }

  /** ffprobe's JSON → MediaInfo; JSON we cannot read is ffprobe's failure, not the media's. */
  private interpretOutput(stdout: string, shownAs: string, sizeBytes: number | undefined): MediaInfo {
    try {
      return mediaInfoFromFfprobe(JSON.parse(stdout), sizeBytes);
    } catch (error) {
      if (isMediaError(error)) throw error;
      const why = error instanceof SyntaxError ? 'printed no JSON' : 'printed JSON we do not understand';
      throw new ProbeUnavailable(
        'PROBER_FAILED',
        `ffprobe ${this.ffprobe.version} ${why} for ${shownAs}`,
        false,
        { cause: error },
      );
    }
  }

  private report(error: unknown, shownAs: string): void {
    if (!isMediaError(error)) {
      this.logger.error('probe failed unexpectedly', { input: shownAs, error: error as Error });
    } else if (error instanceof ProbeUnavailable) {
      const level = error.code === 'PROBER_FAILED' ? 'error' : 'warn';
      this.logger[level]('probe unavailable', {
        input: shownAs,
        code: error.code,
        retryable: error.retryable,
        reason: error.reason,
        ffprobe: this.ffprobe.version,
      });
    } else {
      this.logger.info('media unsupported', { input: shownAs, code: error.code, message: error.message });
    }
  }
}
