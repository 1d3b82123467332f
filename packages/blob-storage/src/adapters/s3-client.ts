// An S3 client from the shared AWS client settings (region, emulator endpoint, path style), for code
// outside a service container; a service uses its infrastructure's one client.
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientSettings } from '@mediaflow/config';

export const createS3Client = (settings: AwsClientSettings): S3Client => new S3Client(settings);
