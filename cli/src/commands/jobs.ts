// `mediaflow jobs list|show|cancel|retry`: the caller's jobs, one job in detail, cancelling or retrying one.
import type { Job, JobPage } from '../api-types';
import { UsageError } from '../cli-errors';
import { stringOption, usageOf, type Command } from '../command';
import { jobDetail, jobTable } from '../job-view';

const JSON_HELP = '  --json            print the API answer as JSON';

export const jobsListCommand: Command = {
  words: ['jobs', 'list'],
  args: [],
  summary: 'List your jobs, newest first.',
  options: { status: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' }, json: { type: 'boolean' } },
  help: `Options:
  --status S        only jobs in this status (created, probing, queued, transcoding,
                    retry-scheduled, completed, failed, rejected, cancelled)
  --limit N         at most N jobs (1-100, default 20)
  --cursor C        the next page (printed after a full page)
${JSON_HELP}`,
  async run(ctx) {
    const query = new URLSearchParams();
    const status = stringOption(ctx.values, 'status');
    const limit = stringOption(ctx.values, 'limit');
    const cursor = stringOption(ctx.values, 'cursor');
    if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError(`--limit must be a number, not "${limit}"`, usageOf(jobsListCommand));
    if (status !== undefined) query.set('status', status);
    if (limit !== undefined) query.set('limit', limit);
    if (cursor !== undefined) query.set('cursor', cursor);
    const page = await (await ctx.api()).get<JobPage>(`/v1/jobs${query.size > 0 ? `?${query}` : ''}`);
    if (ctx.values.json) {
      ctx.out(JSON.stringify(page, null, 2));
      return 0;
    }
    ctx.out(page.items.length > 0 ? jobTable(page.items) : 'no jobs');
    if (page.nextCursor) ctx.note(`more: mediaflow jobs list --cursor ${page.nextCursor}`);
    return 0;
  },
};

export const jobsShowCommand: Command = {
  words: ['jobs', 'show'],
  args: ['ID'],
  summary: 'Show a job: status, media info, outputs, error and attempts.',
  options: { json: { type: 'boolean' } },
  help: `Options:\n${JSON_HELP}`,
  async run(ctx) {
    const job = await (await ctx.api()).get<Job>(`/v1/jobs/${encodeURIComponent(ctx.positionals[0] ?? '')}`);
    ctx.out(ctx.values.json ? JSON.stringify(job, null, 2) : jobDetail(job));
    return 0;
  },
};

export const jobsCancelCommand: Command = {
  words: ['jobs', 'cancel'],
  args: ['ID'],
  summary: 'Cancel a job that has not ended (a finished one answers JOB_ALREADY_FINISHED).',
  options: { reason: { type: 'string' } },
  help: `Options:
  --reason R        why, kept with the job and sent to webhooks`,
  async run(ctx) {
    const jobId = ctx.positionals[0] ?? '';
    const reason = stringOption(ctx.values, 'reason');
    await (await ctx.api()).call('POST', `/v1/jobs/${encodeURIComponent(jobId)}/cancel`, reason === undefined ? {} : { reason }, [202]);
    ctx.out(`cancelled ${jobId}`);
    return 0;
  },
};

export const jobsRetryCommand: Command = {
  words: ['jobs', 'retry'],
  args: ['ID'],
  summary: 'Run a failed job again (any other status answers JOB_NOT_RETRYABLE).',
  options: {},
  help: 'Follow it with: mediaflow jobs show ID',
  async run(ctx) {
    const jobId = ctx.positionals[0] ?? '';
    await (await ctx.api()).call('POST', `/v1/jobs/${encodeURIComponent(jobId)}/retry`, {}, [202]);
    ctx.out(`retrying ${jobId}`);
    return 0;
  },
};
