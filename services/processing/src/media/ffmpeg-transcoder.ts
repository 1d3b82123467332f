// The Transcoder on a local ffmpeg child process: one process per plan, writing into a staging
// folder inside the output folder, moved to the planned keys only when everything succeeded.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createLogger, type Logger } from '@mediaflow/logging';
import {
  TranscodeCancelled,
  TranscodeFailed,
  InputRefused,
  TranscodeLimitExceeded,
  TranscodeTimedOut,
} from '../domain/media-errors';
import type { Plan } from '@mediaflow/media-planning';
import type { ProducedFile, TranscodeOptions, Transcoder } from '../ports/transcoder';
import { buildSingleProcessCommand } from './ffmpeg-command';
import { ProgressTracker } from './ffmpeg-command-progress';
import { inputGuard, type RunnerNetwork } from './ffmpeg-input-guard';
import { limitsFor, type RunnerLimits } from './ffmpeg-limits';
import type { SandboxSupport } from './ffmpeg-sandbox';
import { runFfmpeg } from './ffmpeg-transcoder-process';
import {
  assertPlannedFilesExist,
  finishStagedOutputs,
  moveIntoPlace,
} from './ffmpeg-transcoder-outputs';

interface FfmpegTranscoderDeps {
  /** As mediaBinaries(env) finds it (FFMPEG_PATH, PATH, then the npm installer package). */
  ffmpegPath: string;
  logger?: Logger;
  /** How long ffmpeg gets to exit after SIGTERM before SIGKILL. */
  killGraceMs?: number;
  /**
   * `none` (embedded): ffmpeg in a network namespace of its own and only local inputs; `host` (AWS,
   * the default): presigned URL inputs are read over the network.
   */
  network?: RunnerNetwork;
  /** The runner's bounds (runnerLimitsFrom(env)); none when absent. */
  limits?: RunnerLimits;
  /** What the wrappers can do on this host: sandboxSupport() when absent. */
  sandboxSupport?: SandboxSupport;
}

export class FfmpegTranscoder implements Transcoder {
  private readonly logger: Logger;
  private readonly ffmpegPath: string;

  constructor(private readonly deps: FfmpegTranscoderDeps) {
    this.logger = deps.logger ?? createLogger('processing', { component: 'transcoder' });
    this.ffmpegPath = deps.ffmpegPath;
  }

  async transcode(
    input: string,
    plan: Plan,
    outputDir: string,
    options: TranscodeOptions,
  ): Promise<ProducedFile[]> {
    if (options.signal?.aborted) throw new TranscodeCancelled();
    // A hidden sibling of the outputs: same filesystem, so moving into place is a rename.
    const stagingDir = path.join(outputDir, `.transcode-${randomUUID()}`);
    const progress = new ProgressTracker(options.durationSeconds, options.onProgress);
    const started = Date.now();
    try {
      const network = this.deps.network ?? 'host';
      const guard = inputGuard(input, plan.kind, { container: options.inputFormat, network });
      const spec = buildSingleProcessCommand(input, plan, stagingDir, guard);
      await Promise.all(spec.directories.map((dir) => fs.mkdir(dir, { recursive: true })));
      const outcome = await runFfmpeg(spec, {
        ffmpegPath: this.ffmpegPath,
        logger: this.logger,
        progress,
        sandbox: { network, limits: limitsFor(this.deps.limits ?? {}, options.durationSeconds) },
        outputDir: stagingDir,
        signal: options.signal,
        wallClockLimitMs: options.wallClockLimitMs,
        killGraceMs: this.deps.killGraceMs,
        ...(this.deps.sandboxSupport && { support: this.deps.sandboxSupport }),
      });
      if (outcome.kind === 'cancelled') throw new TranscodeCancelled();
      if (outcome.kind === 'timed-out') throw new TranscodeTimedOut(options.wallClockLimitMs ?? 0);
      if (outcome.kind === 'limit') throw new TranscodeLimitExceeded(outcome.breach.code, outcome.breach.reason);
      if (outcome.kind === 'failed' && outcome.failure.code)
        throw new InputRefused(outcome.failure.code, outcome.failure.reason);
      if (outcome.kind === 'failed')
        throw new TranscodeFailed(outcome.failure.reason, outcome.failure.retryable, outcome.stderrTail);
      await finishStagedOutputs(stagingDir, plan);
      await assertPlannedFilesExist(stagingDir, plan);
      if (options.signal?.aborted) throw new TranscodeCancelled();
      const produced = await moveIntoPlace(stagingDir, outputDir, plan);
      progress.finish();
      this.logger.info('transcode finished', {
        kind: plan.kind,
        files: produced.length,
        elapsedMs: Date.now() - started,
      });
      return produced;
    } catch (error) {
      this.logger.warn('transcode stopped', {
        kind: plan.kind,
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    } finally {
      await fs.rm(stagingDir, { recursive: true, force: true });
    }
  }
}
