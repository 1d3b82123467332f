// Ingest's module, the same in both modes once the mode's module has bound UploadStorage and
// Deadlines: the application over the container's store, clock and ids, and the expiry sweeper.
// Ingest consumes nothing: its runtime only runs the outbox relay.
import { ContainerModule, type Container } from 'inversify';
import type { ServiceRouter } from '@mediaflow/http';
import { bindTyped, resolve, TOKENS, type ServiceInfrastructure, type ServiceInstance } from '@mediaflow/runtime';
import { HttpSourceFetcher } from '../adapters/outbound/http-source-fetcher';
import { randomUploadIds } from '../adapters/random-upload-ids';
import type { UrlIngestDependencies } from '../application/url-ingest-dependencies';
import { ingestRouter } from '../adapters/http/ingest-router';
import { IngestApplication } from '../application/ingest-application';
import { UploadSweeper } from '../application/upload-sweeper';
import type { IngestSettings, UrlIngestSettings } from './ingest-config';
import { INGEST_TOKENS } from './ingest-tokens';

/**
 * Progress (and the lease renewal) once a second, whether or not bytes arrive; a lease not renewed
 * for 30 beats means the process running the fetch is gone.
 */
const PROGRESS_INTERVAL_MS = 1000;
const FETCH_LEASE_MS = 30_000;

const urlIngest = (settings: UrlIngestSettings, bytes: UrlIngestDependencies['bytes']): UrlIngestDependencies => {
  const policy = { allowLoopback: settings.allowLoopback };
  return {
    fetcher: new HttpSourceFetcher({ policy, maxRedirects: settings.maxRedirects, connectTimeoutMs: settings.connectTimeoutMs, idleTimeoutMs: settings.idleTimeoutMs }),
    bytes,
    policy,
    totalTimeoutMs: settings.totalTimeoutMs,
    progressIntervalMs: PROGRESS_INTERVAL_MS,
    leaseMs: FETCH_LEASE_MS,
  };
};

export const ingestModule = (settings: IngestSettings): ContainerModule =>
  new ContainerModule(({ bind }) => {
    bindTyped(bind, INGEST_TOKENS.Application)
      .toDynamicValue(
        (ctx) =>
          new IngestApplication({
            store: resolve(ctx, TOKENS.EventStore),
            clock: resolve(ctx, TOKENS.Clock),
            ids: resolve(ctx, TOKENS.Ids),
            uploadIds: randomUploadIds,
            storage: resolve(ctx, INGEST_TOKENS.UploadStorage),
            deadlines: resolve(ctx, INGEST_TOKENS.Deadlines),
            policy: settings.policy,
            logger: resolve(ctx, TOKENS.Logger),
            urlIngest: urlIngest(settings.urlIngest, resolve(ctx, TOKENS.UploadsStorage)),
          }),
      )
      .inSingletonScope();
    bindTyped(bind, INGEST_TOKENS.Sweeper)
      .toDynamicValue((ctx) => {
        const app = resolve(ctx, INGEST_TOKENS.Application);
        return new UploadSweeper(() => app.expireDueUploads(), settings.sweepIntervalMs, resolve(ctx, TOKENS.Logger));
      })
      .inSingletonScope();
  });

/**
 * The instance over a loaded container: runtime (outbox relay) and sweeper started and stopped
 * together; `release` closes the mode's own resources, then the infrastructure is closed.
 */
export const ingestInstance = (
  container: Container,
  infrastructure: ServiceInfrastructure,
  extraRouters: ServiceRouter[],
  release: () => Promise<void> | void = () => undefined,
  /** Embedded: this process alone fetches for its data, so a fetch left "fetching" is failed at start. */
  ownsItsFetches = false,
): ServiceInstance => {
  const runtime = resolve(container, TOKENS.Runtime);
  const sweeper = resolve(container, INGEST_TOKENS.Sweeper);
  const application = resolve(container, INGEST_TOKENS.Application);
  return {
    service: 'ingest',
    routers: [ingestRouter(application, application.deps.policy), ...extraRouters],
    start: async () => {
      await runtime.start();
      if (ownsItsFetches) await application.failFetchesOfEarlierRuns();
      sweeper.start();
    },
    stop: async () => {
      await application.fetches.stop();
      await sweeper.stop();
      await runtime.stop();
      await release();
      await infrastructure.close();
    },
  };
};
