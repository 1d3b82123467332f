// The in-process clients: the API's upload protocol driven with fetch from this process (the bytes
// from a worker thread, see put-client.ts), with no hashing and no process to start. `raw-put` (the
// baseline) sends one streamed PUT on a deployment whose multipart threshold is above the file;
// `fetch-multipart` sends the parts of a multipart ticket four at a time, as the CLI and the UI do,
// so the server's multipart cost shows apart from theirs.
import type { UploadTicket } from '@mediaflow/api-types';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchDeployment } from './deployment';
import type { PutClient } from './put-client';
import type { SourceFile } from './source-file';
import { phasesBetween, type UploadSample, type UploadVariant } from './variant';

type Ticket = UploadTicket;

const PARTS_IN_FLIGHT = 4;

const requestTicket = async (deployment: BenchDeployment, source: SourceFile): Promise<Ticket> => {
  const { status, body } = await deployment.call<Ticket>('POST', '/v1/uploads', {
    filename: path.basename(source.path),
    contentType: 'video/mp4',
    size: source.bytes,
  });
  if (status !== 201 && status !== 200)
    throw new Error(`POST /v1/uploads → ${status} ${JSON.stringify(body)}`);
  return body;
};

/** POST complete; with MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE=true the PUT already did (409): read the job id. */
const complete = async (deployment: BenchDeployment, uploadId: string, parts?: unknown): Promise<string> => {
  const route = `/v1/uploads/${uploadId}`;
  const done = await deployment.call<{ jobId?: string }>('POST', `${route}/complete`, parts ? { parts } : {});
  const jobId =
    done.status === 409
      ? (await deployment.call<{ jobId?: string }>('GET', route)).body.jobId
      : done.body.jobId;
  if (!jobId) throw new Error(`upload ${uploadId}: complete answered ${done.status} without a job id`);
  return jobId;
};

const sendParts = async (client: PutClient, source: SourceFile, ticket: Ticket) => {
  const { parts, partSize } = ticket;
  if (!parts || !partSize) throw new Error('the multipart ticket has no parts or partSize');
  const queue = [...parts];
  const done: Array<{ partNumber: number; etag: string }> = [];
  const worker = async (): Promise<void> => {
    for (let part = queue.shift(); part; part = queue.shift()) {
      const start = (part.partNumber - 1) * partSize;
      const length = Math.min(partSize, source.bytes - start);
      done.push({
        partNumber: part.partNumber,
        etag: await client.put(part.url, {}, source.path, start, length),
      });
    }
  };
  await Promise.all(Array.from({ length: PARTS_IN_FLIGHT }, worker));
  return done.sort((a, b) => a.partNumber - b.partNumber);
};

const uploadOnce = async (
  deployment: BenchDeployment,
  client: PutClient,
  source: SourceFile,
): Promise<UploadSample> => {
  const started = performance.now();
  const ticket = await requestTicket(deployment, source);
  const ticketed = performance.now();
  let parts: Array<{ partNumber: number; etag: string }> | undefined;
  if (ticket.method === 'multipart') parts = await sendParts(client, source, ticket);
  else await client.put(ticket.url!, ticket.headers ?? {}, source.path, 0, source.bytes);
  const sent = performance.now();
  const jobId = await complete(deployment, ticket.uploadId, parts);
  const ended = performance.now();
  return {
    seconds: (ended - started) / 1000,
    jobId,
    phases: phasesBetween(started, [
      ['ticket', ticketed],
      ['transfer', sent],
      ['complete', ended],
    ]),
  };
};

const sender = (client: PutClient): string =>
  client.thread === 'worker'
    ? 'fetch from a worker thread of this process'
    : "fetch on this process's main thread (the server's)";

export const rawPutVariant = (
  deployment: BenchDeployment,
  client: PutClient,
  source: SourceFile,
): UploadVariant => ({
  name: 'raw-put',
  deployment,
  how: `POST /v1/uploads, one streamed PUT (1 MiB reads; ${sender(client)}), POST complete`,
  upload: () => uploadOnce(deployment, client, source),
  dispose: async () => undefined,
});

export const fetchMultipartVariant = (
  deployment: BenchDeployment,
  client: PutClient,
  source: SourceFile,
): UploadVariant => ({
  name: 'fetch-multipart',
  deployment,
  how: `POST /v1/uploads, part PUTs ${PARTS_IN_FLIGHT} at a time (${sender(client)}), POST complete with the ETags`,
  upload: () => uploadOnce(deployment, client, source),
  dispose: async () => undefined,
});
