// RunReporter for a runner forked by the embedded pool: every step goes to the parent over IPC (the
// parent throttles). Without a parent (a runner started by hand) it only logs.
import type { Logger } from '@mediaflow/logging';
import type { RunnerFailure } from '../../application/runner-exit';
import type { RunnerMessage } from '../../application/runner-messages';
import type { RunReporter, RunSummary } from '../../ports/run-reporter';

export class IpcRunReporter implements RunReporter {
  private lastLogged = -10;

  constructor(
    private readonly logger: Logger,
    // With a callback, a parent gone mid-write (EPIPE) does not become an 'error' event that would
    // crash the runner before it stops ffmpeg; the parent watch handles the parent's loss.
    private readonly send: (message: RunnerMessage) => void = (message) => {
      if (process.send && process.connected) process.send(message, undefined, {}, () => undefined);
    },
  ) {}

  began(): void {
    this.send({ type: 'began' });
  }

  progress(percent: number): void {
    this.send({ type: 'progress', percent });
    if (percent - this.lastLogged >= 10)
      this.logger.info('progress', { percent: (this.lastLogged = percent) });
  }

  async finished(summary: RunSummary): Promise<void> {
    this.send({ type: 'finished', ...summary });
  }

  async failed(failure: RunnerFailure): Promise<void> {
    this.send({ type: 'failed', code: failure.code, reason: failure.reason, retryable: failure.retryable });
  }
}
