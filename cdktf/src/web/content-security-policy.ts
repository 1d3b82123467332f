// The web UI's Content-Security-Policy: its own files, the API it calls (fetch, SSE, and the signed
// /blobs URLs, which redirect to a presigned S3 GET of a source or a rendition), the buckets the
// browser reaches straight (presigned PUTs to uploads; HLS segments, thumbnails and storyboards from
// outputs), and blob: for hls.js, which feeds the <video> through Media Source Extensions and
// transmuxes in a blob: worker.
export interface WebOrigins {
  /** The API's public origin (https://<MEDIAFLOW_PUBLIC_DOMAIN> or the load balancer's). */
  readonly api: string;
  /** https://<bucket>.s3.<region>.amazonaws.com of the uploads bucket. */
  readonly uploads: string;
  /** The same for the outputs bucket. */
  readonly outputs: string;
}

/** CloudFront refuses a Content-Security-Policy value longer than this. */
export const CSP_MAX_LENGTH = 1783;

/** The virtual-hosted origin presigned URLs use (the AWS SDK's default outside an emulator). */
export const s3Origin = (bucketName: string, region: string): string => `https://${bucketName}.s3.${region}.amazonaws.com`;

export const contentSecurityPolicy = (origins: WebOrigins): string => {
  const { api, uploads, outputs } = origins;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // Swagger UI (the docs page) styles through style attributes; no script can come in this way.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', api, outputs, uploads],
    'media-src': ["'self'", 'blob:', api, outputs, uploads],
    'connect-src': ["'self'", api, uploads, outputs],
    'worker-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
};
