// Embedded composition root: SQLite store and outbox, the process's SQLite bus, local-disk blobs,
// and the blob endpoint (signed PUTs and prefix GETs for both buckets) mounted on the same port.
import path from 'node:path';
import {
  blobServiceRouter,
  BlobUrlSigner,
  createBlobRouter,
  LocalMultipartStore,
} from '@mediaflow/blob-http';
import {
  createEmbeddedContainer,
  TOKENS,
  type EmbeddedShared,
  type ServiceInstance,
} from '@mediaflow/runtime';
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { Logger } from '@mediaflow/logging';
import { EmbeddedUploadStorage } from '../adapters/local/embedded-upload-storage';
import { SqliteUploadDeadlines } from '../adapters/local/sqlite-upload-deadlines';
import { ingestDeclaration } from '../subscriptions';
import { bindIngest, ingestInstance, resolveIngest } from './bind-ingest';
import { loadIngestSettings } from './ingest-config';
import { INGEST_TOKENS } from './ingest-tokens';

/** <data>/ingest.read.sqlite: ingest's own file beside its event store (services-design.md). */
export const ingestReadFile = (dataDir: string): string => path.join(dataDir, 'ingest.read.sqlite');

export const createEmbeddedService = async (shared: EmbeddedShared): Promise<ServiceInstance> => {
  const settings = loadIngestSettings(shared.env);
  const container = createEmbeddedContainer({
    declaration: ingestDeclaration,
    config: shared.config,
    bus: shared.bus,
  });
  const signer = new BlobUrlSigner({ secret: shared.secrets.urlSigning, baseUrl: shared.publicBaseUrl });
  const deadlines = new SqliteUploadDeadlines(ingestReadFile(shared.config.MEDIAFLOW_DATA_DIR));
  container.bind(INGEST_TOKENS.Deadlines).toConstantValue(deadlines);
  container
    .bind(INGEST_TOKENS.UploadStorage)
    .toDynamicValue((ctx) => {
      const storage = ctx.get<BlobStorage>(TOKENS.UploadsStorage);
      return new EmbeddedUploadStorage({ storage, multipart: new LocalMultipartStore(storage), signer });
    })
    .inSingletonScope();
  bindIngest(container, settings);
  const { app, uploads, outputs } = resolveIngest(container);
  const logger = container.get<Logger>(TOKENS.Logger);
  const blobRouter = createBlobRouter({
    uploads,
    outputs,
    secret: shared.secrets.urlSigning,
    maxUploadBytes: settings.policy.maxSizeBytes,
    // Like an S3 object-created notification; a failure never fails the PUT (the client can complete).
    ...(settings.completeOnStore && {
      onObjectCreated: async ({ key }) => {
        await app
          .completeFromStorageEvent(key)
          .catch((error: unknown) =>
            logger.warn('completion on store failed', { key, error: error as Error }),
          );
      },
    }),
  });
  return ingestInstance(container, app, [blobServiceRouter(blobRouter)], () => deadlines.close());
};
