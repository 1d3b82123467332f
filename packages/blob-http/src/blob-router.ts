// The embedded blob endpoint, served on the API's own port under /blobs: signed single PUTs and part
// PUTs into the uploads storage, and signed-prefix GETs from either storage. Every refusal is an
// HttpProblem, answered as problem+json by the app's error middleware.
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import type { BlobStorage } from '@mediaflow/blob-storage';
import { getObject } from './read/get-object-handler';
import { LocalMultipartStore } from './multipart/local-multipart-store';
import { putPart } from './multipart/put-part-handler';
import { parseBlobPath } from './paths/blob-path';
import { verificationSecrets } from './signing/hmac';
import { blobProblem } from './signing/signature-errors';
import { putObject, type ObjectCreated } from './upload/put-object-handler';
import { applyCors, preflight } from './cors';

export interface BlobRouterOptions {
  /** Where PUTs land (the only writable bucket). */
  readonly uploads: BlobStorage;
  /** Read-only here: the runner writes renditions itself. */
  readonly outputs: BlobStorage;
  readonly secret: string;
  /** Still accepted, never used to sign: the secret before a rotation, until its URLs have expired. */
  readonly previousSecrets?: readonly string[];
  /** Hard cap on any signed size, whatever a URL says. */
  readonly maxUploadBytes: number;
  /** Shared with whoever creates and completes multipart uploads; defaults to one over `uploads`. */
  readonly multipart?: LocalMultipartStore;
  readonly onObjectCreated?: (event: ObjectCreated) => Promise<void>;
  readonly now?: () => number;
}

export const BLOB_ROUTE_PREFIX = '/blobs';

export const createBlobRouter = (options: BlobRouterOptions): Router => {
  const secrets = verificationSecrets(options.secret, options.previousSecrets);
  const now = options.now ?? Date.now;
  const multipart = options.multipart ?? new LocalMultipartStore(options.uploads);
  const storages: Record<string, BlobStorage> = { uploads: options.uploads, outputs: options.outputs };

  const dispatch = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method === 'OPTIONS') return preflight(res);
    const { segments, trailingSlash } = parseBlobPath(req.path);
    const [bucket, kind, ...rest] = segments;
    const storage = bucket === undefined ? undefined : storages[bucket];
    if (!storage || bucket === undefined) throw blobProblem('BLOB_NOT_FOUND', 'no such bucket');
    applyCors(res);
    const base = { secrets, bucket, now };
    if ((req.method === 'GET' || req.method === 'HEAD') && kind === 't')
      return getObject(req, res, { ...base, storage }, rest, trailingSlash);
    if (req.method !== 'PUT' || bucket !== 'uploads' || (kind !== 'o' && kind !== 'mp')) return next();
    if (trailingSlash) throw blobProblem('BLOB_PATH_INVALID', 'an upload URL names an object, not a folder');
    if (kind === 'mp') return putPart(req, res, { ...base, multipart }, rest);
    const { maxUploadBytes, onObjectCreated } = options;
    return putObject(req, res, { ...base, storage, maxUploadBytes, onObjectCreated }, rest.join('/'));
  };

  const handle: RequestHandler = async (req, res, next) => {
    try {
      await dispatch(req, res, next);
    } catch (error) {
      // A refused upload's remaining body is unwanted: close rather than read it all to reuse the socket.
      if (req.method === 'PUT') res.set('connection', 'close');
      throw error;
    }
  };

  const router = express.Router();
  router.use(BLOB_ROUTE_PREFIX, handle);
  return router;
};
