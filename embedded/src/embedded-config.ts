// Settings of the all-in-one process. Secrets default to random values kept in the data folder
// (mode 0600), so tokens and signed URLs survive a restart without any set-up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadConfig } from '@mediaflow/config';
import { CorsOriginsSchema } from '@mediaflow/http';
import { InfrastructureEnvironmentSchema } from '@mediaflow/runtime';

export const EmbeddedEnvironmentSchema = InfrastructureEnvironmentSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  /** The origin clients use to reach this process (behind a proxy, set it). */
  MEDIAFLOW_PUBLIC_URL: z.url().optional(),
  MEDIAFLOW_JWT_SECRET: z.string().min(32).optional(),
  MEDIAFLOW_URL_SIGNING_SECRET: z.string().min(32).optional(),
  /** The subject of the development token printed at start. */
  MEDIAFLOW_DEV_OWNER: z.string().min(1).max(128).default('dev-user'),
  /** Offer the development token on the web UI's sign-in page: `auto` does so only on a loopback HOST. */
  MEDIAFLOW_UI_DEV_TOKEN: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Browser origins allowed to call this API from elsewhere (the web UI hosted as static files); unset: none. */
  MEDIAFLOW_CORS_ORIGINS: CorsOriginsSchema.optional(),
});
export type EmbeddedConfig = z.infer<typeof EmbeddedEnvironmentSchema>;

export interface EmbeddedSecrets {
  jwt: string;
  urlSigning: string;
}

export const loadEmbeddedConfig = (env: NodeJS.ProcessEnv = process.env): EmbeddedConfig => loadConfig(EmbeddedEnvironmentSchema, env);

/** Secrets from the environment, else from `<data>/secrets.json`, created on first start. */
export const embeddedSecrets = (config: EmbeddedConfig): EmbeddedSecrets => {
  const file = path.join(config.MEDIAFLOW_DATA_DIR, 'secrets.json');
  let stored: Partial<EmbeddedSecrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<EmbeddedSecrets>;
  // Only generated secrets are written down; one given in the environment never lands on disk.
  const generated = {
    jwt: stored.jwt ?? crypto.randomBytes(32).toString('base64url'),
    urlSigning: stored.urlSigning ?? crypto.randomBytes(32).toString('base64url'),
  };
  if (stored.jwt !== generated.jwt || stored.urlSigning !== generated.urlSigning) {
    fs.mkdirSync(config.MEDIAFLOW_DATA_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return {
    jwt: config.MEDIAFLOW_JWT_SECRET ?? generated.jwt,
    urlSigning: config.MEDIAFLOW_URL_SIGNING_SECRET ?? generated.urlSigning,
  };
};
