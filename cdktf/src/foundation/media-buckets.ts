// The two media buckets: uploads (sources, written by browsers through presigned URLs) and outputs
// (renditions, rebuilt by a rerun). Different readers and lifecycles, hence two buckets.
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketCorsConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-cors-configuration';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { bucketNames } from '@mediaflow/topology';
import { Construct } from 'constructs';
import type { AccessLogsBucket } from '../access-logs-bucket';
import { hardenBucket } from './bucket-hardening';

interface MediaBucketsProps {
  readonly env: string;
  readonly kmsKeyArn: string;
  readonly corsAllowedOrigins: readonly string[];
  /** Where each bucket's S3 server access logs go. */
  readonly accessLogs: AccessLogsBucket;
}

// A source stays hot while its job may be retried or re-run, then cools; Glacier Instant Retrieval
// still serves a presigned GET (a late re-transcode works), Deep Archive needs a restore first.
const SOURCE_TRANSITIONS = [
  { days: 30, storageClass: 'STANDARD_IA' },
  { days: 90, storageClass: 'GLACIER_IR' },
  { days: 365, storageClass: 'DEEP_ARCHIVE' },
];

const abortIncompleteMultipart = { id: 'abort-incomplete-multipart', status: 'Enabled', filter: [{}], abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }] };

export class MediaBuckets extends Construct {
  readonly uploads: S3Bucket;
  readonly outputs: S3Bucket;

  constructor(scope: Construct, id: string, props: MediaBucketsProps) {
    super(scope, id);
    const names = bucketNames(props.env);
    this.uploads = new S3Bucket(this, 'uploads', { bucket: names.uploads });
    this.outputs = new S3Bucket(this, 'outputs', { bucket: names.outputs });
    for (const [key, bucket] of [['uploads', this.uploads], ['outputs', this.outputs]] as const) {
      hardenBucket(this, key, bucket, { kmsKeyArn: props.kmsKeyArn });
      props.accessLogs.logsOf(key, bucket);
    }

    // Sources are the only copy of what the user sent: versioned, so an overwrite or delete is undoable.
    const versioning = new S3BucketVersioningA(this, 'uploads-versioning', {
      bucket: this.uploads.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketLifecycleConfiguration(this, 'uploads-lifecycle', {
      bucket: this.uploads.id,
      dependsOn: [versioning],
      rule: [
        abortIncompleteMultipart,
        { id: 'sources-cool-down', status: 'Enabled', filter: [{}], transition: SOURCE_TRANSITIONS },
        { id: 'old-versions-expire', status: 'Enabled', filter: [{}], noncurrentVersionExpiration: [{ noncurrentDays: 30 }] },
      ],
    });
    new S3BucketLifecycleConfiguration(this, 'outputs-lifecycle', { bucket: this.outputs.id, rule: [abortIncompleteMultipart] });

    const origins = [...props.corsAllowedOrigins];
    // Browsers PUT single objects and multipart parts straight to S3; ETag must be readable to complete.
    new S3BucketCorsConfiguration(this, 'uploads-cors', {
      bucket: this.uploads.id,
      corsRule: [{ allowedMethods: ['PUT'], allowedOrigins: origins, allowedHeaders: ['*'], exposeHeaders: ['ETag'], maxAgeSeconds: 3600 }],
    });
    // Players fetch HLS playlists and segments with XHR from the web UI's origin.
    new S3BucketCorsConfiguration(this, 'outputs-cors', {
      bucket: this.outputs.id,
      corsRule: [{ allowedMethods: ['GET', 'HEAD'], allowedOrigins: origins, allowedHeaders: ['*'], exposeHeaders: ['ETag', 'Content-Length', 'Content-Range'], maxAgeSeconds: 3600 }],
    });
  }
}
