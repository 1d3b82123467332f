// Settings of the all-in-one process. Secrets default to random values kept in the data folder
// (mode 0600), so tokens and signed URLs survive a restart without any set-up.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  intSetting,
  JwtSecretSettingsSchema,
  loadConfig,
  PublicUrlSettingsSchema,
  setting,
  UrlSigningSettingsSchema,
} from '@mediaflow/config';
import { CorsSettingsSchema } from '@mediaflow/http';
import { loadInfrastructureSettings, type InfrastructureSettings } from '@mediaflow/runtime';

export const EmbeddedEnvironmentSchema = z.object({
  PORT: intSetting({ min: 0, max: 65535, default: 8080 }, 'Embedded: the port of the API, the blobs and the web UI (0: a free one)'),
  HOST: setting(z.string(), 'Embedded: the address it listens on').default('127.0.0.1'),
  ...PublicUrlSettingsSchema.shape,
  ...JwtSecretSettingsSchema.shape,
  ...UrlSigningSettingsSchema.shape,
  MEDIAFLOW_DEV_OWNER: setting(z.string().min(1).max(128), 'Embedded: the subject of the development token printed at start').default('dev-user'),
  MEDIAFLOW_UI_DEV_TOKEN: setting(
    z.enum(['auto', 'on', 'off']),
    'Embedded: offer the development token on the web UI sign-in page (auto: only on a loopback HOST)',
  ).default('auto'),
  ...CorsSettingsSchema.shape,
});

export interface EmbeddedSettings {
  readonly infrastructure: InfrastructureSettings;
  readonly port: number;
  readonly host: string;
  /** The origin clients use to reach this process (behind a proxy, set it). */
  readonly publicUrl?: string;
  readonly jwtSecret?: string;
  readonly urlSigningSecret?: string;
  readonly jwtPreviousSecret?: string;
  readonly urlSigningPreviousSecret?: string;
  readonly devOwner: string;
  readonly uiDevToken: 'auto' | 'on' | 'off';
  readonly corsOrigins?: readonly string[];
}

export interface EmbeddedSecrets {
  jwt: string;
  urlSigning: string;
  /** During a rotation: the secrets before these, still accepted (never used to sign). */
  previousJwt?: string;
  previousUrlSigning?: string;
}

/** What `<data>/secrets.json` holds: the generated secrets and, after `npm run secrets:rotate`, the ones before. */
interface StoredSecrets {
  jwt?: string;
  urlSigning?: string;
  previous?: { jwt?: string; urlSigning?: string };
}

export const secretsFile = (dataDir: string): string => path.join(dataDir, 'secrets.json');

const readStoredSecrets = (file: string): StoredSecrets =>
  fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as StoredSecrets) : {};

const newSecret = (): string => crypto.randomBytes(32).toString('base64url');

/**
 * Rotates the generated secrets in `<data>/secrets.json`: new ones sign from the next start, the
 * current ones move to `previous` and are still accepted, so tokens and links already handed out keep
 * working until they expire. `finish` drops the previous ones (run it once they have expired).
 */
export const rotateEmbeddedSecrets = (dataDir: string, mode: 'rotate' | 'finish'): StoredSecrets => {
  const file = secretsFile(dataDir);
  const stored = readStoredSecrets(file);
  const next: StoredSecrets =
    mode === 'finish'
      ? { jwt: stored.jwt ?? newSecret(), urlSigning: stored.urlSigning ?? newSecret() }
      : {
          jwt: newSecret(),
          urlSigning: newSecret(),
          previous: {
            ...(stored.jwt !== undefined && { jwt: stored.jwt }),
            ...(stored.urlSigning !== undefined && { urlSigning: stored.urlSigning }),
          },
        };
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(next, null, 2), { mode: 0o600 });
  return next;
};

export const loadEmbeddedSettings = (env: NodeJS.ProcessEnv): EmbeddedSettings => {
  const c = loadConfig(EmbeddedEnvironmentSchema, env);
  return {
    infrastructure: loadInfrastructureSettings(env),
    port: c.PORT,
    host: c.HOST,
    ...(c.MEDIAFLOW_PUBLIC_URL !== undefined && { publicUrl: c.MEDIAFLOW_PUBLIC_URL }),
    ...(c.MEDIAFLOW_JWT_SECRET !== undefined && { jwtSecret: c.MEDIAFLOW_JWT_SECRET }),
    ...(c.MEDIAFLOW_URL_SIGNING_SECRET !== undefined && { urlSigningSecret: c.MEDIAFLOW_URL_SIGNING_SECRET }),
    ...(c.MEDIAFLOW_JWT_PREVIOUS_SECRET !== undefined && { jwtPreviousSecret: c.MEDIAFLOW_JWT_PREVIOUS_SECRET }),
    ...(c.MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET !== undefined && {
      urlSigningPreviousSecret: c.MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET,
    }),
    devOwner: c.MEDIAFLOW_DEV_OWNER,
    uiDevToken: c.MEDIAFLOW_UI_DEV_TOKEN,
    ...(c.MEDIAFLOW_CORS_ORIGINS !== undefined && { corsOrigins: c.MEDIAFLOW_CORS_ORIGINS }),
  };
};

/** Secrets from the settings, else from `<data>/secrets.json`, created on first start. */
export const embeddedSecrets = (
  settings: Pick<EmbeddedSettings, 'jwtSecret' | 'urlSigningSecret' | 'jwtPreviousSecret' | 'urlSigningPreviousSecret'>,
  dataDir: string,
): EmbeddedSecrets => {
  const file = secretsFile(dataDir);
  const stored = readStoredSecrets(file);
  // Only generated secrets are written down; one given in the environment never lands on disk.
  const generated = { jwt: stored.jwt ?? newSecret(), urlSigning: stored.urlSigning ?? newSecret() };
  if (stored.jwt !== generated.jwt || stored.urlSigning !== generated.urlSigning) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ...stored, ...generated }, null, 2), { mode: 0o600 });
  }
  // A secret given in the environment comes with its own previous one (or none): the file's
  // previous secret belongs to the file's current one.
  const previousJwt = settings.jwtSecret !== undefined ? settings.jwtPreviousSecret : (settings.jwtPreviousSecret ?? stored.previous?.jwt);
  const previousUrlSigning =
    settings.urlSigningSecret !== undefined
      ? settings.urlSigningPreviousSecret
      : (settings.urlSigningPreviousSecret ?? stored.previous?.urlSigning);
  return {
    jwt: settings.jwtSecret ?? generated.jwt,
    urlSigning: settings.urlSigningSecret ?? generated.urlSigning,
    ...(previousJwt !== undefined && { previousJwt }),
    ...(previousUrlSigning !== undefined && { previousUrlSigning }),
  };
};
