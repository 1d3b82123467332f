// The web UI's Content-Security-Policy on CloudFront: the policy @mediaflow/web defines, plus the API
// it calls (fetch, SSE, and the signed /blobs URLs, which redirect to a presigned S3 GET) and the
// buckets the browser reaches straight (presigned PUTs to uploads; segments and images from outputs).
import { contentSecurityPolicy as uiPolicy } from '@mediaflow/web/security-headers';

interface WebOrigins {
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

/** The UI's policy (shared with the embedded server) with the API's and the buckets' origins. */
export const contentSecurityPolicy = ({ api, uploads, outputs }: WebOrigins): string => uiPolicy([api, uploads, outputs]);
