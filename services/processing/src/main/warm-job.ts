// A warm runner's wait for its one job: the pool hands the attempt over IPC once the runner said it
// is ready. Anything else on the channel is ignored; an abort (SIGTERM, the parent gone) ends the wait.
import type { Logger } from '@mediaflow/logging';
import { WarmRunnerJobSchema } from '../adapters/local/warm-runner-protocol';

/** The spec as sent (validated by the caller with JobSpecSchema), or undefined when the wait was aborted. */
export const awaitJob = (signal: AbortSignal, logger: Logger): Promise<{ readonly spec: unknown } | undefined> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve(undefined);
    const finish = (job: { spec: unknown } | undefined): void => {
      process.removeListener('message', onMessage);
      signal.removeEventListener('abort', onAbort);
      resolve(job);
    };
    const onMessage = (raw: unknown): void => {
      const message = WarmRunnerJobSchema.safeParse(raw);
      if (message.success) finish({ spec: message.data.spec });
      else logger.warn('ignoring a message that is not a job', { type: String((raw as { type?: unknown })?.type) });
    };
    const onAbort = (): void => finish(undefined);
    process.on('message', onMessage);
    signal.addEventListener('abort', onAbort, { once: true });
  });
