// The one place the process environment is read and validated; a bad value stops start-up with a
// message naming the variable, never a half-configured service.
import { z } from 'zod';

export const DeploymentModeSchema = z.enum(['embedded', 'aws']);
export type DeploymentMode = z.infer<typeof DeploymentModeSchema>;

export const BaseEnvironmentSchema = z.object({
  MEDIAFLOW_MODE: DeploymentModeSchema.default('embedded'),
  /** Suffix of every AWS resource name (see @mediaflow/topology). */
  MEDIAFLOW_ENV: z.string().regex(/^[a-z0-9-]{1,20}$/).default('dev'),
  MEDIAFLOW_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT', 'CRITICAL']).default('INFO'),
  AWS_ENDPOINT_URL: z.url().optional(),
  AWS_REGION: z.string().default('us-east-1'),
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
