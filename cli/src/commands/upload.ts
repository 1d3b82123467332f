// `mediaflow upload FILE`: declare the upload (name, type, size), send the bytes with a progress bar
// while hashing them (one read of the file), complete it with their SHA-256, print the job id, and
// with --watch follow the job to its end.
import fs from 'node:fs';
import path from 'node:path';
import type { MediaflowApi } from '../api-client';
import type { CompletedUpload, Job, UploadResource, UploadTicket } from '../api-types';
import { ApiProblem, CliError, UsageError } from '../cli-errors';
import { stringOption, usageOf, type Command, type CommandContext } from '../command';
import { guessContentType } from '../content-type';
import { OrderedDigest } from '../file-digest';
import { formatBytes, formatRate } from '../format';
import { errorLines, outputLines } from '../job-view';
import { JobWatcher } from '../job-watch';
import { ProgressBar } from '../progress-bar';
import { putParts, putSingle, type CompletedPart } from '../upload-transfer';
import { uploadFromUrl } from './upload-from-url';

/**
 * How far ahead of the hash a part may read: the chunks it holds meanwhile wait in memory. 4 parts of
 * the default 16 MiB fit; with bigger parts, the parts ahead wait for the first one.
 */
const HASH_WINDOW_BYTES = 64 * 1024 * 1024;

/** Exit code of --watch when the job ended without completing (failed, rejected, cancelled). */
const JOB_NOT_COMPLETED_EXIT = 3;

const sizeOf = (file: string): number => {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
  }
  if (!stat.isFile()) throw new CliError(`not a file: ${file}`);
  if (stat.size === 0) throw new CliError(`${file} is empty`);
  return stat.size;
};

interface Transferred {
  readonly parts: CompletedPart[] | undefined;
  readonly sha256: string;
}

const transfer = async (file: string, size: number, ticket: UploadTicket, bar: ProgressBar): Promise<Transferred> => {
  const digest = new OrderedDigest(size);
  const started = Date.now();
  let sent = 0;
  const onBytes = (delta: number): void => {
    sent += delta;
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    bar.update({ label: 'uploading', percent: (sent / size) * 100, detail: `${formatBytes(sent)} / ${formatBytes(size)}  ${formatRate(sent / seconds)}` });
  };
  const onRead = (offset: number, chunk: Uint8Array): Promise<void> | undefined => {
    digest.add(offset, chunk);
    return digest.readable(offset + chunk.length - HASH_WINDOW_BYTES);
  };
  const options = { onBytes, onRead };
  const parts = ticket.method === 'multipart' ? await putParts(file, size, ticket, options) : (await putSingle(file, size, ticket, options), undefined);
  bar.finish();
  return { parts, sha256: digest.digest() };
};

const watch = async (ctx: CommandContext, api: MediaflowApi, jobId: string): Promise<Job> => {
  const bar = new ProgressBar(ctx.io.stderr);
  const job = await new JobWatcher(api, jobId, {
    update: (status, percent) => bar.update({ label: status, ...(percent !== undefined && { percent }) }),
    note: (line) => {
      bar.finish();
      ctx.note(line);
    },
  }).run();
  bar.finish();
  return job;
};

const report = (ctx: CommandContext, job: Job): number => {
  if (job.status === 'completed') {
    if (!ctx.values.json) ctx.out(`completed ${job.jobId}\n${outputLines(job)}`);
    return 0;
  }
  ctx.note(`job ${job.jobId} ${job.status}${job.error ? `: ${errorLines(job.error)}` : ''}`);
  return JOB_NOT_COMPLETED_EXIT;
};

/**
 * POST …/complete with the SHA-256 (the server verifies the stored bytes against it). A server that
 * completes uploads as soon as their bytes are stored (MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE) has
 * already done so, without a digest: its 409 UPLOAD_ALREADY_COMPLETED is then success, and the upload
 * resource names the job.
 */
const complete = async (api: MediaflowApi, uploadId: string, sent: Transferred): Promise<Pick<CompletedUpload, 'uploadId' | 'jobId'>> => {
  const resource = `/v1/uploads/${encodeURIComponent(uploadId)}`;
  try {
    return await api.post<CompletedUpload>(`${resource}/complete`, { sha256: sent.sha256, ...(sent.parts && { parts: sent.parts }) });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.code !== 'UPLOAD_ALREADY_COMPLETED') throw error;
    const upload = await api.get<UploadResource>(resource);
    if (!upload.jobId) throw error;
    if (upload.sha256 !== undefined && upload.sha256 !== sent.sha256)
      throw new CliError(`upload ${uploadId} was completed with the SHA-256 ${upload.sha256}, but the file sent has ${sent.sha256}`);
    return { uploadId, jobId: upload.jobId };
  }
};

export const uploadCommand: Command = {
  words: ['upload'],
  args: ['FILE'],
  minArgs: 0,
  summary: 'Upload a video, audio file or image and print the id of the job that processes it.',
  options: { profile: { type: 'string' }, 'content-type': { type: 'string' }, url: { type: 'string' }, watch: { type: 'boolean', short: 'w' }, json: { type: 'boolean' } },
  help: `Options:
  --url URL             instead of FILE: the server fetches the file from this http(s) URL
  --profile NAME        processing profile (default: the server's, e.g. default, sd, high)
  --content-type TYPE   declared MIME type (default: guessed from the extension)
  -w, --watch           follow the job live until it ends; exit 0 only when it completed
                        (${JOB_NOT_COMPLETED_EXIT} when it failed, was rejected or cancelled)
  --json                print {uploadId, jobId} (with --watch also the job) as JSON`,
  async run(ctx) {
    const sourceUrl = stringOption(ctx.values, 'url');
    if ((sourceUrl === undefined) === (ctx.positionals.length === 0)) throw new UsageError('give FILE or --url URL (one of them)', usageOf(uploadCommand));
    const profile = stringOption(ctx.values, 'profile');
    if (sourceUrl !== undefined) {
      const contentType = stringOption(ctx.values, 'content-type');
      const api = await ctx.api();
      const fetched = await uploadFromUrl(api, ctx.io.stderr, ctx.note, { sourceUrl, ...(profile !== undefined && { profile }), ...(contentType !== undefined && { contentType }) });
      return finish(ctx, api, fetched);
    }
    const file = ctx.positionals[0] ?? '';
    const size = sizeOf(file);
    const api = await ctx.api();
    const bar = new ProgressBar(ctx.io.stderr);
    const declared = {
      filename: path.basename(file),
      contentType: stringOption(ctx.values, 'content-type') ?? guessContentType(file),
      size,
      ...(profile !== undefined && { profile }),
    };
    const ticket = (await api.call<UploadTicket>('POST', '/v1/uploads', declared, [201])).body;
    const how = ticket.method === 'multipart' ? `multipart, ${ticket.parts?.length ?? 0} part${ticket.parts?.length === 1 ? '' : 's'} of ${formatBytes(ticket.partSize ?? 0)}` : 'single PUT';
    ctx.note(`upload ${ticket.uploadId}: ${declared.filename} (${declared.contentType}, ${formatBytes(size)}, ${how})`);
    const sent = await transfer(file, size, ticket, bar);
    return finish(ctx, api, await complete(api, ticket.uploadId, sent));
  },
};

/** Prints the job id (or follows the job with --watch), the same after a file upload or a URL ingest. */
const finish = async (ctx: CommandContext, api: MediaflowApi, completed: Pick<CompletedUpload, 'uploadId' | 'jobId'>): Promise<number> => {
  if (!ctx.values.watch) {
    ctx.out(ctx.values.json ? JSON.stringify({ uploadId: completed.uploadId, jobId: completed.jobId }, null, 2) : completed.jobId);
    return 0;
  }
  if (!ctx.values.json) ctx.out(completed.jobId);
  const job = await watch(ctx, api, completed.jobId);
  if (ctx.values.json) ctx.out(JSON.stringify({ uploadId: completed.uploadId, jobId: completed.jobId, job }, null, 2));
  return report(ctx, job);
};
