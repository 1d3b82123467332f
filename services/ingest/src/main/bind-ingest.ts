// Bindings both modes share once the mode has bound UploadStorage and Deadlines: the application
// over the container's store, clock and ids, the expiry sweeper, and no event handlers (ingest
// consumes nothing; its runtime only runs the outbox relay).
import type { Container } from 'inversify';
import type { BlobStorage } from '@mediaflow/blob-storage';
import { TOKENS, type ServiceRuntime } from '@mediaflow/runtime';
import { randomUploadIds } from '../adapters/random-upload-ids';
import { ingestRouter } from '../adapters/http/ingest-router';
import { IngestApplication } from '../application/ingest-application';
import { UploadSweeper } from '../application/upload-sweeper';
import type { ServiceInstance } from '@mediaflow/runtime';
import type { ServiceRouter } from '@mediaflow/http';
import type { IngestSettings } from './ingest-config';
import { INGEST_TOKENS } from './ingest-tokens';

export const bindIngest = (container: Container, settings: IngestSettings): void => {
  container.bind(TOKENS.EventHandlers).toConstantValue({});
  container
    .bind(INGEST_TOKENS.Application)
    .toDynamicValue(
      (ctx) =>
        new IngestApplication({
          store: ctx.get(TOKENS.EventStore),
          clock: ctx.get(TOKENS.Clock),
          ids: ctx.get(TOKENS.Ids),
          uploadIds: randomUploadIds,
          storage: ctx.get(INGEST_TOKENS.UploadStorage),
          deadlines: ctx.get(INGEST_TOKENS.Deadlines),
          policy: settings.policy,
          logger: ctx.get(TOKENS.Logger),
        }),
    )
    .inSingletonScope();
  container
    .bind(INGEST_TOKENS.Sweeper)
    .toDynamicValue((ctx) => {
      const app = ctx.get<IngestApplication>(INGEST_TOKENS.Application);
      return new UploadSweeper(
        () => app.expireDueUploads(),
        settings.sweepIntervalMs,
        ctx.get(TOKENS.Logger),
      );
    })
    .inSingletonScope();
};

export interface ResolvedIngest {
  readonly app: IngestApplication;
  readonly uploads: BlobStorage;
  readonly outputs: BlobStorage;
}

/** The one place (with the mode's root) that resolves from the container. */
export const resolveIngest = (container: Container): ResolvedIngest => ({
  app: container.get<IngestApplication>(INGEST_TOKENS.Application),
  uploads: container.get<BlobStorage>(TOKENS.UploadsStorage),
  outputs: container.get<BlobStorage>(TOKENS.OutputsStorage),
});

/** Runtime (outbox relay) and sweeper started and stopped together; `release` closes mode resources. */
export const ingestInstance = (
  container: Container,
  app: IngestApplication,
  extraRouters: ServiceRouter[],
  release: () => Promise<void> | void,
): ServiceInstance => {
  const runtime = container.get<ServiceRuntime>(TOKENS.Runtime);
  const sweeper = container.get<UploadSweeper>(INGEST_TOKENS.Sweeper);
  return {
    service: 'ingest',
    routers: [ingestRouter(app), ...extraRouters],
    start: async () => {
      await runtime.start();
      sweeper.start();
    },
    stop: async () => {
      await sweeper.stop();
      await runtime.stop();
      await release();
    },
  };
};
