// The S3 client ingest presigns with: the shared settings (region, emulator endpoint, path style)
// plus checksums only when an operation requires them, so presigned URLs carry no SDK-chosen CRC.
import { S3Client } from '@aws-sdk/client-s3';
import { awsClientSettings } from '@mediaflow/config';

export const createPresigningS3Client = (env: NodeJS.ProcessEnv = process.env): S3Client =>
  new S3Client({
    ...awsClientSettings(env),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
