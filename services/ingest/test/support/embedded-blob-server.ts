// The embedded blob endpoint on an ephemeral port over temp local-disk storages, with the
// EmbeddedUploadStorage that signs URLs for it (what embedded.ts wires, minus the rest of ingest).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  blobServiceRouter,
  BlobUrlSigner,
  createBlobRouter,
  LocalMultipartStore,
} from '@mediaflow/blob-http';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { createHttpApp, createTokenVerifier, startHttpServer } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import { EmbeddedUploadStorage } from '../../src/adapters/local/embedded-upload-storage';

export const URL_SECRET = 'ingest-test-url-signing-secret-0123456789';
export const JWT_SECRET = 'ingest-test-jwt-secret-0123456789abcdef';

export const startEmbeddedBlobStorage = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-blobs-'));
  const uploads = new LocalDiskBlobStorage({ root: join(dir, 'uploads') });
  const outputs = new LocalDiskBlobStorage({ root: join(dir, 'outputs') });
  const multipart = new LocalMultipartStore(uploads);
  const app = createHttpApp({
    logger: createLogger('ingest-test'),
    routers: [
      blobServiceRouter(
        createBlobRouter({ uploads, outputs, secret: URL_SECRET, maxUploadBytes: 1024 ** 3, multipart }),
      ),
    ],
    auth: createTokenVerifier({ kind: 'hs256', secret: JWT_SECRET, adminClaim: 'roles' }),
    openapi: false,
  });
  const server = await startHttpServer(app, {
    port: 0,
    host: '127.0.0.1',
    requestTimeoutMs: 0,
    shutdownGraceMs: 500,
  });
  const signer = new BlobUrlSigner({ secret: URL_SECRET, baseUrl: server.url });
  return {
    uploads,
    storage: new EmbeddedUploadStorage({ storage: uploads, multipart, signer }),
    dispose: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};
