// processing's module, the same in both modes once the mode's module has bound the RunnerDispatcher
// and the active-transcodes index: the prober, the event handlers, the runner-report recorder and
// the watchdog. Factories only build; processingInstance's start hooks the recorder up.
import { ContainerModule, type Container, type ResolutionContext } from 'inversify';
import {
  bindTyped,
  resolve,
  TOKENS,
  type ServiceInfrastructure,
  type ServiceInstance,
} from '@mediaflow/runtime';
import type { RunnerNetwork } from '../media/ffmpeg-input-guard';
import { FfprobeMediaProber } from '../media/ffprobe-media-prober';
import { mediaBinaries } from '../media/ffmpeg-binaries';
import { processingHandlers } from '../application/processing-handlers';
import { runnerEventRecorder } from '../application/record-runner-events';
import { RunnerWatchdog } from '../application/runner-watchdog';
import { defaultProgressThrottle } from '../domain/progress-throttle';
import type { MediaProber } from '../ports/media-prober';
import type { ProcessingSettings } from './processing-config';
import { PROCESSING_TOKENS } from './processing-tokens';

interface ProcessingModuleOptions {
  /** Where ffprobe is looked for (FFPROBE_PATH, PATH): the environment of the process. */
  readonly env: NodeJS.ProcessEnv;
  /** Tests may pass a prober; by default ffprobe as mediaBinaries() finds it. */
  readonly prober?: MediaProber;
  /**
   * The probe step's network: 'none' embedded (uploads are local files: ffprobe in a network
   * namespace of its own, like the runners), 'host' on AWS (it reads a presigned S3 URL).
   */
  readonly probeNetwork: RunnerNetwork;
}

const storeDeps = (ctx: ResolutionContext) => ({
  store: resolve(ctx, TOKENS.EventStore),
  clock: resolve(ctx, TOKENS.Clock),
  ids: resolve(ctx, TOKENS.Ids),
});

export const processingModule = (settings: ProcessingSettings, options: ProcessingModuleOptions): ContainerModule =>
  new ContainerModule(({ bind }) => {
    // The recorder shares the stall time with the watchdog (its progress throttle keeps heartbeats).
    const stallMs = settings.runnerStallSeconds * 1000;
    bindTyped(bind, PROCESSING_TOKENS.MediaProber)
      .toDynamicValue(
        (ctx) =>
          options.prober ??
          new FfprobeMediaProber({ ffprobe: mediaBinaries(options.env).ffprobe, logger: resolve(ctx, TOKENS.Logger), network: options.probeNetwork }),
      )
      .inSingletonScope();
    bindTyped(bind, TOKENS.EventHandlers)
      .toDynamicValue((ctx) =>
        processingHandlers({
          ...storeDeps(ctx),
          prober: resolve(ctx, PROCESSING_TOKENS.MediaProber),
          uploads: resolve(ctx, TOKENS.UploadsStorage),
          dispatcher: resolve(ctx, PROCESSING_TOKENS.RunnerDispatcher),
          active: resolve(ctx, PROCESSING_TOKENS.ActiveTranscodes),
          outputs: resolve(ctx, TOKENS.OutputsStorage),
        }),
      )
      .inSingletonScope();
    bindTyped(bind, PROCESSING_TOKENS.RunnerEventRecorder)
      .toDynamicValue((ctx) =>
        runnerEventRecorder({
          ...storeDeps(ctx),
          active: resolve(ctx, PROCESSING_TOKENS.ActiveTranscodes),
          dispatcher: resolve(ctx, PROCESSING_TOKENS.RunnerDispatcher),
          outputs: resolve(ctx, TOKENS.OutputsStorage),
          logger: resolve(ctx, TOKENS.Logger),
          throttle: defaultProgressThrottle(stallMs),
        }),
      )
      .inSingletonScope();
    bindTyped(bind, PROCESSING_TOKENS.Watchdog)
      .toDynamicValue(
        (ctx) =>
          new RunnerWatchdog({
            ...storeDeps(ctx),
            active: resolve(ctx, PROCESSING_TOKENS.ActiveTranscodes),
            dispatcher: resolve(ctx, PROCESSING_TOKENS.RunnerDispatcher),
            outputs: resolve(ctx, TOKENS.OutputsStorage),
            logger: resolve(ctx, TOKENS.Logger),
            stallMs,
          }),
      )
      .inSingletonScope();
  });

/** processing has no public HTTP routes: its work is all events in, events out. */
export const processingInstance = (
  container: Container,
  infrastructure: ServiceInfrastructure,
  release: () => Promise<void> | void = () => undefined,
): ServiceInstance => {
  const runtime = resolve(container, TOKENS.Runtime);
  const watchdog = resolve(container, PROCESSING_TOKENS.Watchdog);
  const dispatcher = resolve(container, PROCESSING_TOKENS.RunnerDispatcher);
  const recorder = resolve(container, PROCESSING_TOKENS.RunnerEventRecorder);
  let recording = false;
  return {
    service: 'processing',
    routers: [],
    // Runner reports are recorded before anything can dispatch a runner; the watchdog's first sweep
    // runs before any delivery: attempts orphaned by a crash fail first.
    start: async () => {
      if (!recording) dispatcher.onEvent(recorder);
      recording = true;
      await watchdog.start();
      await runtime.start();
    },
    // No new deliveries first; then the runners are stopped and their interruption recorded (the
    // outbox publishes it at the next start); the files and clients are closed last.
    stop: async () => {
      await runtime.stop();
      await watchdog.stop();
      await dispatcher.shutdown();
      await release();
      await infrastructure.close();
    },
  };
};
