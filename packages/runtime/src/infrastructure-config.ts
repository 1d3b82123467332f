// The settings a service's infrastructure needs, per mode, validated from the environment once.
import { z } from 'zod';
import { BaseEnvironmentSchema, loadConfig } from '@mediaflow/config';

export const InfrastructureEnvironmentSchema = BaseEnvironmentSchema.extend({
  /** Concurrent handlers per service consumer. */
  MEDIAFLOW_CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How often the outbox relay polls when idle (it is also woken after each append in-process). */
  MEDIAFLOW_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).max(60000).default(200),
});

export type ServiceInfrastructureConfig = z.infer<typeof InfrastructureEnvironmentSchema>;

export const loadInfrastructureConfig = (env: NodeJS.ProcessEnv = process.env): ServiceInfrastructureConfig =>
  loadConfig(InfrastructureEnvironmentSchema, env);
