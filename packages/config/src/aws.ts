// Settings shared by every AWS SDK client. The emulator choice lives behind AWS_ENDPOINT_URL alone:
// moto, MiniStack, LocalStack or real AWS (unset) use the same adapters and the same code path.
export interface AwsClientSettings {
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts?: number;
}

export const awsClientSettings = (env: NodeJS.ProcessEnv = process.env): AwsClientSettings => {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const endpoint = env.AWS_ENDPOINT_URL || undefined;
  if (!endpoint) return { region };
  // Emulators accept any credentials; real ones still win when they are set.
  const credentials =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
      : { accessKeyId: 'test', secretAccessKey: 'test' };
  // Bucket names as sub-domains of 127.0.0.1 do not resolve: emulators need path-style S3.
  return { region, endpoint, forcePathStyle: true, credentials };
};
