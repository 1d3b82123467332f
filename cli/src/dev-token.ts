// Development tokens for the embedded server: signed with the JWT secret `npm start` keeps in
// <data>/secrets.json (or MEDIAFLOW_JWT_SECRET, which the server prefers when set).
import fs from 'node:fs';
import path from 'node:path';
import type { issueDevelopmentToken as IssueDevelopmentToken } from '@mediaflow/http/development-token';
import { CliError } from './cli-errors';

interface DevTokenRequest {
  readonly owner: string;
  readonly admin: boolean;
  readonly ttlSeconds: number;
}

/** The data folder the embedded server uses: MEDIAFLOW_DATA_DIR, else ./data. */
export const dataDirOf = (env: NodeJS.ProcessEnv, override?: string): string =>
  path.resolve(override ?? env.MEDIAFLOW_DATA_DIR ?? 'data');

const secretsFileOf = (dataDir: string): string => path.join(dataDir, 'secrets.json');

/** The JWT secret, or undefined when neither the environment nor the data folder has one. */
export const findJwtSecret = (env: NodeJS.ProcessEnv, dataDir: string): string | undefined => {
  if (env.MEDIAFLOW_JWT_SECRET) return env.MEDIAFLOW_JWT_SECRET;
  const file = secretsFileOf(dataDir);
  if (!fs.existsSync(file)) return undefined;
  let stored: { jwt?: unknown };
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { jwt?: unknown };
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (typeof stored.jwt !== 'string') throw new CliError(`${file} has no "jwt" secret`);
  return stored.jwt;
};

// Loaded on first use: jose and zod cost ~0.12 s of every command's start, and most commands are
// given a token (bench/upload measured it).
// A dynamic import, so the bundle (npm run build -w @mediaflow/cli) puts them in a chunk of their own.
const loadIssuer = async (): Promise<typeof IssueDevelopmentToken> =>
  (await import('@mediaflow/http/development-token')).issueDevelopmentToken;

export const mintDevToken = async (secret: string, request: DevTokenRequest): Promise<string> => {
  const issueDevelopmentToken = await loadIssuer();
  try {
    return await issueDevelopmentToken({ secret, sub: request.owner, admin: request.admin, ttlSeconds: request.ttlSeconds });
  } catch (error) {
    throw new CliError(`cannot sign a development token: ${(error as Error).message}`);
  }
};

export const missingSecretsMessage = (dataDir: string): string =>
  `no development secrets at ${secretsFileOf(dataDir)}: start the embedded server once (npm start) with the same MEDIAFLOW_DATA_DIR, or pass --data-dir`;
