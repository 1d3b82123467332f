// What both modes bind the same way once the runtime container and the mode's RunnerDispatcher and index
// exist: the prober, the event handlers, the runner-report recorder and the watchdog; and the
// ServiceInstance whose start/stop run them in a safe order.
import type { Container } from 'inversify';
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { EventStore } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import { TOKENS, type ServiceInstance, type ServiceRuntime } from '@mediaflow/runtime';
import type { Clock, IdGenerator } from '@mediaflow/service-kit';
import { FfprobeMediaProber } from '../media/ffprobe-media-prober';
import { mediaBinaries } from '../media/ffmpeg-binaries';
import { processingHandlers } from '../application/processing-handlers';
import { runnerEventRecorder } from '../application/record-runner-events';
import { RunnerWatchdog } from '../application/runner-watchdog';
import { defaultProgressThrottle } from '../domain/progress-throttle';
import type { ActiveTranscodes } from '../ports/active-transcodes';
import type { MediaProber } from '../ports/media-prober';
import type { RunnerDispatcher } from '../ports/runner-dispatcher';
import type { ProcessingConfig } from './processing-config';
import { PROCESSING_TOKENS } from './processing-tokens';

export interface ProcessingParts {
  readonly settings: ProcessingConfig;
  readonly dispatcher: RunnerDispatcher;
  readonly active: ActiveTranscodes;
  /** Tests may pass a prober; by default ffprobe as mediaBinaries() finds it. */
  readonly prober?: MediaProber;
}

export const bindProcessing = (container: Container, parts: ProcessingParts): void => {
  container.bind(PROCESSING_TOKENS.Settings).toConstantValue(parts.settings);
  container.bind(PROCESSING_TOKENS.RunnerDispatcher).toConstantValue(parts.dispatcher);
  container.bind(PROCESSING_TOKENS.ActiveTranscodes).toConstantValue(parts.active);
  container
    .bind(PROCESSING_TOKENS.MediaProber)
    .toDynamicValue(
      (ctx) =>
        parts.prober ??
        new FfprobeMediaProber({ ffprobe: mediaBinaries().ffprobe, logger: ctx.get<Logger>(TOKENS.Logger) }),
    )
    .inSingletonScope();
  const storeDeps = (ctx: { get<T>(id: symbol): T }) => ({
    store: ctx.get<EventStore>(TOKENS.EventStore),
    clock: ctx.get<Clock>(TOKENS.Clock),
    ids: ctx.get<IdGenerator>(TOKENS.Ids),
  });
  container
    .bind(TOKENS.EventHandlers)
    .toDynamicValue((ctx) =>
      processingHandlers({
        ...storeDeps(ctx),
        prober: ctx.get<MediaProber>(PROCESSING_TOKENS.MediaProber),
        uploads: ctx.get<BlobStorage>(TOKENS.UploadsStorage),
        dispatcher: parts.dispatcher,
        active: parts.active,
      }),
    )
    .inSingletonScope();
  container
    .bind(PROCESSING_TOKENS.Watchdog)
    .toDynamicValue((ctx) => {
      const logger = ctx.get<Logger>(TOKENS.Logger);
      const stallMs = parts.settings.MEDIAFLOW_RUNNER_STALL_SECONDS * 1000;
      // The recorder is wired here because it shares the stall time with the watchdog (heartbeats).
      parts.dispatcher.onEvent(
        runnerEventRecorder({
          ...storeDeps(ctx),
          active: parts.active,
          logger,
          throttle: defaultProgressThrottle(stallMs),
        }),
      );
      return new RunnerWatchdog({
        ...storeDeps(ctx),
        active: parts.active,
        dispatcher: parts.dispatcher,
        logger,
        stallMs,
      });
    })
    .inSingletonScope();
};

/** processing has no public HTTP routes: its work is all events in, events out. */
export const processingInstance = (
  container: Container,
  release: () => void = () => undefined,
): ServiceInstance => {
  const runtime = container.get<ServiceRuntime>(TOKENS.Runtime);
  const watchdog = container.get<RunnerWatchdog>(PROCESSING_TOKENS.Watchdog);
  const dispatcher = container.get<RunnerDispatcher>(PROCESSING_TOKENS.RunnerDispatcher);
  return {
    service: 'processing',
    routers: [],
    // The watchdog's first sweep runs before any delivery: attempts orphaned by a crash fail first.
    start: async () => {
      await watchdog.start();
      await runtime.start();
    },
    // No new deliveries first; then the runners are stopped and their interruption recorded (the
    // outbox publishes it at the next start).
    stop: async () => {
      await runtime.stop();
      await watchdog.stop();
      await dispatcher.shutdown();
      release();
    },
  };
};
