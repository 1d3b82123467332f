// The one place the process environment is read and validated; a bad value stops start-up with a
// message naming the variable, never a half-configured service.
import { z } from 'zod';
import { setting } from './settings-pieces';

const DeploymentModeSchema = z.enum(['embedded', 'aws']);
const LogLevelSchema = z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL']);
export type LogLevel = z.infer<typeof LogLevelSchema>;
export type DeploymentMode = z.infer<typeof DeploymentModeSchema>;

export const BaseEnvironmentSchema = z.object({
  MEDIAFLOW_MODE: setting(DeploymentModeSchema, 'embedded (SQLite, local disk) or aws (DynamoDB, EventBridge, SQS, S3)').default('embedded'),
  MEDIAFLOW_ENV: setting(z.string().regex(/^[a-z0-9-]{1,20}$/), 'Suffix of every AWS resource name (see @mediaflow/topology)').default('dev'),
  MEDIAFLOW_DATA_DIR: setting(z.string().min(1), 'Embedded: folder of the SQLite files, blobs and generated secrets').default('./data'),
  LOG_LEVEL: setting(LogLevelSchema, 'Level of the JSON log lines').default('INFO'),
  AWS_ENDPOINT_URL: setting(z.url(), 'An emulator (moto, MiniStack, LocalStack) instead of AWS; unset: the real endpoints').optional(),
  AWS_REGION: setting(z.string(), 'Region of every AWS client').default('us-east-1'),
});
export type BaseEnvironment = z.infer<typeof BaseEnvironmentSchema>;

export class ConfigurationError extends Error {
  readonly code = 'CONFIGURATION_INVALID';
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

/** Parses the environment with a service's schema (usually BaseEnvironmentSchema.extend({...})). */
export const loadConfig = <S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> => {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigurationError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
};
