// Where the runner reads inputs and writes outputs, per mode: S3 buckets on AWS (inputs through a
// presigned GET, so ffmpeg streams instead of downloading), the embedded blob folders on one machine.
// The local adapter by its own path: the package index would load the S3 adapter and its SDK too.
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { AwsClientSettings, DeploymentMode } from '@mediaflow/config';
import { embeddedPaths } from '@mediaflow/runtime/paths';
import type * as RunnerAwsIoModule from './runner-aws-io';

type RunnerAwsIo = typeof RunnerAwsIoModule;

export interface RunnerStorage {
  outputs: BlobStorage;
  resolveBlobInput: (key: string) => Promise<string>;
}

/** The AWS-only half of the runner, required on first use (see runner-aws-io.ts for why). */
export const loadRunnerAwsIo = (): RunnerAwsIo =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./runner-aws-io') as RunnerAwsIo;

export const runnerStorage = (mode: DeploymentMode, env: string, dataDir: string, aws: AwsClientSettings): RunnerStorage => {
  if (mode === 'aws') return loadRunnerAwsIo().s3RunnerStorage(env, aws);
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
