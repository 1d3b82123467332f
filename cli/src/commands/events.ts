// `mediaflow events replay`: sends a time window of past events again to one subscriber only. An
// operator command run where the data is: embedded, on the machine with the data folder (it opens
// the bus file); with --aws, against the environment's bus archive with the shell's AWS credentials.
import { type Command, stringOption } from '../command';
import { CliError } from '../cli-errors';
import { dataDirOf } from '../dev-token';
import { fields } from '../format';
import { replayOnAws } from '../replay/replay-aws';
import { replayEmbedded } from '../replay/replay-embedded';

// The bus (and the contracts and zod behind it) is loaded by this command only, not at every start.
const loadBus = () => import('@mediaflow/bus');

const timeOption = async (values: Parameters<typeof stringOption>[0], name: 'from' | 'to'): Promise<Date> => {
  const raw = stringOption(values, name);
  if (raw === undefined) throw new CliError(`--${name} is required (an ISO 8601 time, e.g. 2026-12-07T10:00:00Z)`, 2);
  const at = new Date(raw);
  if (Number.isNaN(at.getTime()))
    throw new CliError(`${(await loadBus()).ReplayWindowInvalid.code}: --${name} "${raw}" is not an ISO 8601 time`, 2);
  return at;
};

const asUsageError = async (error: unknown): Promise<never> => {
  if (error instanceof (await loadBus()).ReplayWindowInvalid) throw new CliError(`${error.code}: ${error.message}`, 2);
  throw error;
};

export const eventsReplayCommand: Command = {
  words: ['events', 'replay'],
  args: [],
  summary: 'Send the events published in a time window again, to one subscriber only.',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    subscriber: { type: 'string' },
    aws: { type: 'boolean' },
    env: { type: 'string' },
    wait: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  help: `Options:
  --from ISO          start of the window (inclusive)
  --to ISO            end of the window (exclusive; not in the future)
  --subscriber NAME   a service (ingest, jobs, processing, notifications), or with --aws
                      also a subscriber-kit name (its rules mediaflow-sub-NAME-*)
  --aws               replay from the bus archive of MEDIAFLOW_ENV (or --env) with StartReplay,
                      using your AWS credentials; default: the embedded bus in
                      <MEDIAFLOW_DATA_DIR or ./data>/bus.sqlite, on this machine
  --env ENV           the AWS environment (default: MEDIAFLOW_ENV)
  --wait              with --aws: wait until the replay has completed
  --json              print the result as JSON
Replayed events keep their eventId (detail.metadata.eventId): consumers that deduplicate on it
(every mediaflow service, the subscriber kit's example) act on each event once.`,
  async run(ctx) {
    const subscriber = stringOption(ctx.values, 'subscriber');
    if (!subscriber) throw new CliError('--subscriber is required', 2);
    const from = await timeOption(ctx.values, 'from');
    const to = await timeOption(ctx.values, 'to');
    if (ctx.values.aws) {
      const env = stringOption(ctx.values, 'env') ?? ctx.io.env.MEDIAFLOW_ENV;
      if (!env) throw new CliError('--aws needs the environment: --env or MEDIAFLOW_ENV', 2);
      const result = await replayOnAws({ env, subscriber, from, to, wait: ctx.values.wait === true }).catch(asUsageError);
      if (ctx.values.json) ctx.out(JSON.stringify(result, null, 2));
      else ctx.out(fields([['replay', result.name], ['state', result.finalState ?? result.state], ['rules', result.ruleArns.join(',')]]));
      return 0;
    }
    const dataDir = dataDirOf(ctx.io.env);
    const result = await replayEmbedded({ dataDir, subscriber, from, to }).catch(asUsageError);
    if (ctx.values.json) ctx.out(JSON.stringify({ subscriber, ...result }));
    else ctx.out(`queued ${result.queued} event(s) for ${subscriber}`);
    ctx.note(`the running server's ${subscriber} consumer delivers them at its next poll`);
    return 0;
  },
};
