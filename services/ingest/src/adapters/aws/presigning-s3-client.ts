// An S3 client built like the AWS infrastructure's (checksums only when an operation requires them,
// so presigned URLs carry no SDK-chosen CRC), for code outside a service container (tests, tools).
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientSettings } from '@mediaflow/config';

export const createPresigningS3Client = (settings: AwsClientSettings): S3Client =>
  new S3Client({
    ...settings,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
