// Where the API is and who calls it: --api-url / MEDIAFLOW_API_URL, --token / MEDIAFLOW_TOKEN, and,
// with neither token, a development token minted from the embedded server's secrets when they exist.
import { MediaflowApi } from './api-client';
import { dataDirOf, findJwtSecret, mintDevToken } from './dev-token';
import { CliError } from './cli-errors';

const DEFAULT_API_URL = 'http://127.0.0.1:8080';
const FALLBACK_TTL_SECONDS = 3600;

interface GlobalValues {
  readonly 'api-url'?: string;
  readonly token?: string;
}

const apiUrlOf = (values: GlobalValues, env: NodeJS.ProcessEnv): string => {
  const raw = values['api-url'] ?? env.MEDIAFLOW_API_URL ?? DEFAULT_API_URL;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new CliError(`the API URL "${raw}" is not an http(s) URL`, 2);
  }
  return raw.replace(/\/+$/, '');
};

export const connectApi = async (values: GlobalValues, env: NodeJS.ProcessEnv, note: (line: string) => void): Promise<MediaflowApi> => {
  const apiUrl = apiUrlOf(values, env);
  const given = values.token ?? env.MEDIAFLOW_TOKEN;
  if (given) return new MediaflowApi(apiUrl, given);
  const dataDir = dataDirOf(env);
  const secret = findJwtSecret(env, dataDir);
  if (secret === undefined) return new MediaflowApi(apiUrl, undefined);
  const owner = env.MEDIAFLOW_DEV_OWNER ?? 'dev-user';
  note(`no token given (--token or MEDIAFLOW_TOKEN): using a development token for "${owner}" from ${dataDir}`);
  return new MediaflowApi(apiUrl, await mintDevToken(secret, { owner, admin: true, ttlSeconds: FALLBACK_TTL_SECONDS }));
};
