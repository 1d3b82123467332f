// The environment variables of a service's containers: mode and names (the services compute their
// table, queue and bus names from MEDIAFLOW_ENV through @mediaflow/topology), and the buckets they
// may touch with the key prefix their rights are scoped to.
import type { ServiceName } from '@mediaflow/contracts';
import { bucketPrefixes, type BucketGrants, type MediaBucket } from '../service-profiles';
import type { EnvironmentVariable } from './task-definition';

interface TaskEnvironmentInputs {
  readonly service: ServiceName;
  readonly env: string;
  readonly region: string;
  readonly grants: BucketGrants;
  readonly bucketName: (bucket: MediaBucket) => string;
  readonly port?: number;
  /** Process-specific additions (process-settings.ts): public origin, JWKS, runner dispatch. */
  readonly extra?: Readonly<Record<string, string>>;
}

export const taskEnvironment = (inputs: TaskEnvironmentInputs): EnvironmentVariable[] => {
  const vars: Record<string, string> = {
    MEDIAFLOW_MODE: 'aws',
    MEDIAFLOW_ENV: inputs.env,
    MEDIAFLOW_SERVICE: inputs.service,
    AWS_REGION: inputs.region,
    NODE_ENV: 'production',
  };
  if (inputs.port) vars.PORT = String(inputs.port);
  for (const bucket of Object.keys(inputs.grants) as MediaBucket[]) {
    const key = bucket.toUpperCase();
    vars[`MEDIAFLOW_${key}_BUCKET`] = inputs.bucketName(bucket);
    vars[`MEDIAFLOW_${key}_PREFIX`] = bucketPrefixes[bucket];
  }
  Object.assign(vars, inputs.extra);
  return Object.entries(vars).map(([name, value]) => ({ name, value }));
};
