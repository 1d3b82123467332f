// `mediaflow token`: a development token for the embedded server, signed with its JWT secret.
import { CliError, UsageError } from '../cli-errors';
import { stringOption, usageOf, type Command } from '../command';
import { dataDirOf, findJwtSecret, mintDevToken, missingSecretsMessage } from '../dev-token';

const DAY = 24 * 3600;

export const tokenCommand: Command = {
  words: ['token'],
  args: [],
  summary: "Print a development token for the embedded server (npm start), signed with the JWT secret in its data folder.\nexport MEDIAFLOW_TOKEN=$(mediaflow token)",
  options: {
    owner: { type: 'string' },
    admin: { type: 'boolean' },
    ttl: { type: 'string' },
    'data-dir': { type: 'string' },
  },
  help: `Options:
  --owner ID        the token's subject, who owns what it uploads (default: dev-user)
  --admin           add the admin role
  --ttl SECONDS     lifetime (default: ${DAY}, one day)
  --data-dir DIR    the server's data folder (default: MEDIAFLOW_DATA_DIR, else ./data);
                    MEDIAFLOW_JWT_SECRET, when set, is used instead`,
  async run(ctx) {
    const ttlText = stringOption(ctx.values, 'ttl') ?? String(DAY);
    const ttlSeconds = Number(ttlText);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new UsageError(`--ttl must be a whole number of seconds above 0, not "${ttlText}"`, usageOf(tokenCommand));
    const dataDir = dataDirOf(ctx.io.env, stringOption(ctx.values, 'data-dir'));
    const secret = findJwtSecret(ctx.io.env, dataDir);
    if (secret === undefined) throw new CliError(missingSecretsMessage(dataDir));
    const owner = stringOption(ctx.values, 'owner') ?? ctx.io.env.MEDIAFLOW_DEV_OWNER ?? 'dev-user';
    ctx.out(await mintDevToken(secret, { owner, admin: ctx.values.admin === true, ttlSeconds }));
    return 0;
  },
};
