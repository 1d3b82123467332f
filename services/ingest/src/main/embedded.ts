// Embedded composition root: SQLite store and outbox, the process's SQLite bus, local-disk blobs,
// and the blob endpoint (signed PUTs and prefix GETs for both buckets) mounted on the same port.
import path from 'node:path';
import { ContainerModule } from 'inversify';
import { blobServiceRouter, BlobUrlSigner, createBlobRouter, LocalMultipartStore } from '@mediaflow/blob-http';
import {
  bindTyped,
  createServiceContainer,
  embeddedInfrastructure,
  resolve,
  TOKENS,
  type EmbeddedShared,
  type ServiceInstance,
} from '@mediaflow/runtime';
import { EmbeddedUploadStorage } from '../adapters/local/embedded-upload-storage';
import { SqliteUploadDeadlines } from '../adapters/local/sqlite-upload-deadlines';
import { ingestDeclaration } from '../subscriptions';
import { loadIngestSettings } from './ingest-config';
import { ingestInstance, ingestModule } from './ingest-module';
import { INGEST_TOKENS } from './ingest-tokens';

/** <data>/ingest.read.sqlite: ingest's own file beside its event store (services-design.md). */
const ingestReadFile = (dataDir: string): string => path.join(dataDir, 'ingest.read.sqlite');

export const createEmbeddedService = async (shared: EmbeddedShared): Promise<ServiceInstance> => {
  const settings = loadIngestSettings(shared.env, 'embedded');
  const infrastructure = embeddedInfrastructure({ declaration: ingestDeclaration, settings: shared.config, bus: shared.bus });
  const signer = new BlobUrlSigner({ secret: shared.secrets.urlSigning, baseUrl: shared.publicBaseUrl });
  const deadlines = new SqliteUploadDeadlines(ingestReadFile(shared.config.dataDir));
  const embeddedAdapters = new ContainerModule(({ bind }) => {
    bindTyped(bind, INGEST_TOKENS.Deadlines).toConstantValue(deadlines);
    bindTyped(bind, INGEST_TOKENS.UploadStorage)
      .toDynamicValue((ctx) => {
        const storage = resolve(ctx, TOKENS.UploadsStorage);
        return new EmbeddedUploadStorage({ storage, multipart: new LocalMultipartStore(storage), signer });
      })
      .inSingletonScope();
  });
  const container = createServiceContainer(infrastructure, ingestModule(settings), embeddedAdapters);
  const app = resolve(container, INGEST_TOKENS.Application);
  const logger = resolve(container, TOKENS.Logger);
  const blobRouter = createBlobRouter({
    uploads: resolve(container, TOKENS.UploadsStorage),
    outputs: resolve(container, TOKENS.OutputsStorage),
    secret: shared.secrets.urlSigning,
    ...(shared.secrets.previousUrlSigning !== undefined && { previousSecrets: [shared.secrets.previousUrlSigning] }),
    maxUploadBytes: settings.policy.maxSizeBytes,
    // Like an S3 object-created notification; a failure never fails the PUT (the client can complete).
    ...(settings.completeOnStore && {
      onObjectCreated: async ({ key }) => {
        await app
          .completeFromStorageEvent(key)
          .catch((error: unknown) => logger.warn('completion on store failed', { key, error: error as Error }));
      },
    }),
  });
  return ingestInstance(container, infrastructure, [blobServiceRouter(blobRouter)], () => deadlines.close(), true);
};
