// Where the runner reads inputs and writes outputs, per mode: S3 buckets on AWS (inputs through a
// presigned GET, so ffmpeg streams instead of downloading), the embedded blob folders on one machine.
import { LocalDiskBlobStorage, S3BlobStorage, type BlobStorage } from '@mediaflow/blob-storage';
import { S3Client } from '@aws-sdk/client-s3';
import { awsClientSettings, type DeploymentMode } from '@mediaflow/config';
import { embeddedPaths } from '@mediaflow/runtime';
import { bucketKeyPrefixes, bucketNames } from '@mediaflow/topology';

export interface RunnerStorage {
  outputs: BlobStorage;
  resolveBlobInput: (key: string) => Promise<string>;
}

export const runnerStorage = (mode: DeploymentMode, env: string, dataDir: string): RunnerStorage => {
  if (mode === 'aws') {
    const s3 = new S3Client(awsClientSettings());
    const buckets = bucketNames(env);
    const uploads = new S3BlobStorage({ client: s3, bucket: buckets.uploads, keyPrefix: bucketKeyPrefixes.uploads });
    return {
      outputs: new S3BlobStorage({ client: s3, bucket: buckets.outputs, keyPrefix: bucketKeyPrefixes.outputs }),
      resolveBlobInput: (key) => uploads.presignGet(key, 6 * 3600),
    };
  }
  const paths = embeddedPaths(dataDir);
  const uploads = new LocalDiskBlobStorage({ root: paths.blobs('uploads') });
  return {
    outputs: new LocalDiskBlobStorage({ root: paths.blobs('outputs') }),
    resolveBlobInput: async (key) => {
      if (!(await uploads.head(key))) throw Object.assign(new Error(`input blob ${key} not found`), { code: 'INPUT_NOT_FOUND' });
      return new URL(await uploads.presignGet(key, 3600)).pathname;
    },
  };
};
