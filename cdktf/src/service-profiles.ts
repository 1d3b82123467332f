// What each service needs from AWS beyond its own tables and queues: its API routes on the shared
// load balancer, its rights in the media buckets (always under one key prefix), whether it signs or
// checks /blobs URLs, and task sizes.
import type { ServiceName } from '@mediaflow/contracts';
import { ASYNCAPI_PATH } from '@mediaflow/http/openapi-paths';
import { services } from '@mediaflow/service-registry';
import type { ServiceDeclaration } from '@mediaflow/topology';

/** Every object a service touches sits under its bucket's prefix; IAM grants exactly `<prefix>*`. */
import { bucketKeyPrefixes } from '@mediaflow/topology';

export const bucketPrefixes = bucketKeyPrefixes;
export type MediaBucket = keyof typeof bucketPrefixes;

/** read: GetObject (and HEAD). write: PutObject and multipart. delete: DeleteObject. list: ListBucket under the prefix. */
export type BucketRight = 'read' | 'write' | 'delete' | 'list';
export type BucketGrants = Partial<Record<MediaBucket, readonly BucketRight[]>>;

interface TaskSize {
  /** Fargate CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  readonly memoryMiB: number;
}

export interface ServiceProfile {
  readonly declaration: ServiceDeclaration;
  /**
   * Path patterns the load balancer sends to the API, and the listener rule priority (unique per
   * listener). `documentPaths`: more documents every api serves but the load balancer sends here (in
   * the rule of the service's own OpenAPI document, since the route rule may be full).
   */
  readonly api?: { readonly pathPatterns: readonly string[]; readonly priority: number; readonly documentPaths?: readonly string[] };
  /** Rights of the service's api and worker. */
  readonly buckets: BucketGrants;
  /**
   * Signs or checks signed /blobs URLs: its api and worker get MEDIAFLOW_PUBLIC_URL and, from the
   * foundation's secret, MEDIAFLOW_URL_SIGNING_SECRET.
   */
  readonly signedUrls?: boolean;
  /** Rights of the processing runner task. */
  readonly runnerBuckets?: BucketGrants;
  readonly sizes: { readonly api?: TaskSize; readonly worker: TaskSize };
}

/** The API containers listen here and answer the load balancer's health check on this path. */
export const API_PORT = 8080;
export const API_HEALTH_CHECK_PATH = '/health';

const small: TaskSize = { cpu: 256, memoryMiB: 512 };
const medium: TaskSize = { cpu: 512, memoryMiB: 1024 };

export const serviceProfiles: Record<ServiceName, ServiceProfile> = {
  ingest: {
    declaration: services.ingest.declaration,
    // /blobs/*: the redirect router that answers every signed playback and download URL.
    api: { pathPatterns: ['/v1/uploads*', '/blobs/*'], priority: 10 },
    // Presigns single and multipart PUTs, then HEADs the object to check the declared size; the
    // redirect router presigns GETs of sources and renditions (and streams playlists itself).
    buckets: { uploads: ['read', 'write'], outputs: ['read'] },
    signedUrls: true,
    sizes: { api: medium, worker: small },
  },
  jobs: {
    declaration: services.jobs.declaration,
    // Each api serves its own /openapi.json; the public one is jobs' (the API clients start from).
    // Every api serves the same events catalog, /asyncapi.json; jobs answers it too.
    api: { pathPatterns: ['/v1/jobs*', '/v1/admin*', '/openapi.json'], priority: 20, documentPaths: [ASYNCAPI_PATH] },
    // Signs playback and download URLs with the HMAC secret alone: ingest's redirect router answers
    // them, so jobs itself never touches a bucket.
    buckets: {},
    signedUrls: true,
    sizes: { api: medium, worker: small },
  },
  processing: {
    declaration: services.processing.declaration,
    // Presigns the source for ffprobe and for the runner; removes the outputs a run stored when its
    // job's cancel lands after them: lists the job's prefix (HLS segments are not in the manifest), then
    // deletes (the runner cleans up a cancel it sees itself).
    buckets: { uploads: ['read'], outputs: ['delete', 'list'] },
    // Reads the source, writes renditions at deterministic keys, removes a cancelled run's partial outputs.
    runnerBuckets: { uploads: ['read'], outputs: ['read', 'write', 'delete', 'list'] },
    sizes: { worker: medium },
  },
  notifications: {
    declaration: services.notifications.declaration,
    api: { pathPatterns: ['/v1/webhooks*', '/v1/events*'], priority: 30 },
    buckets: {},
    sizes: { api: medium, worker: small },
  },
};
