// Follows one job to its end over the live event stream (GET /v1/events?jobId=): progress events
// move the bar, every other event re-reads the job resource, which is the truth. A dropped stream
// reconnects with Last-Event-ID; `replay-incomplete`, a first connection and a slow timer re-read
// the job, so a missed event never leaves the watcher waiting.
import { networkReason, problemOf, type MediaflowApi } from './api-client';
import { isTerminal, type Job } from './api-types';
import { ApiProblem, ApiUnreachable } from './cli-errors';
import { readEventStream, SseParser } from '@mediaflow/http/event-stream-parser';

interface WatchView {
  /** The job's state changed: its status and, while transcoding, the percentage. */
  update(status: string, percent: number | undefined): void;
  /** Something worth a line on stderr (a reconnection). */
  note(line: string): void;
}

interface WatchOptions {
  /** How often the job is re-read while the stream is quiet (default 15 s). */
  readonly pollMs?: number;
  /** Consecutive failed connections before giving up (default 6). */
  readonly maxFailures?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const PROGRESS_EVENTS = new Set(['TranscodeStarted', 'TranscodeProgressed']);

export class JobWatcher {
  private readonly parser = new SseParser();
  private job: Job | undefined;
  private failures = 0;

  constructor(
    private readonly api: MediaflowApi,
    private readonly jobId: string,
    private readonly view: WatchView,
    private readonly options: WatchOptions = {},
  ) {}

  /** Resolves with the job once it is completed, failed, rejected or cancelled. */
  async run(): Promise<Job> {
    for (;;) {
      const stream = await this.connect();
      if (!stream) continue; // connect() already waited its back-off
      if (await this.follow(stream.response, stream.abort)) return this.job as Job;
      if (this.job && isTerminal(this.job.status)) return this.job;
      await sleep(this.parser.retryMs ?? 1000);
    }
  }

  /** Re-reads the job; true when it has ended. */
  private async refresh(): Promise<boolean> {
    this.job = await this.api.get<Job>(`/v1/jobs/${encodeURIComponent(this.jobId)}`);
    this.view.update(this.job.status, this.job.status === 'transcoding' ? this.job.percent : undefined);
    return isTerminal(this.job.status);
  }

  private async connect(): Promise<{ response: Response; abort: AbortController } | undefined> {
    const abort = new AbortController();
    const lastEventId = this.parser.lastEventId;
    try {
      const response = await this.api.fetch(`/v1/events?jobId=${encodeURIComponent(this.jobId)}`, {
        headers: { accept: 'text/event-stream', ...(lastEventId !== undefined && { 'last-event-id': lastEventId }) },
        signal: abort.signal,
      });
      if (response.ok && response.body) return { response, abort };
      const problem = await problemOf(response);
      if (response.status !== 429 && response.status < 500) throw problem;
      return this.failed(problem);
    } catch (error) {
      if (!(error instanceof ApiUnreachable)) throw error;
      return this.failed(error);
    }
  }

  private async failed(error: ApiProblem | ApiUnreachable): Promise<undefined> {
    this.failures += 1;
    if (this.failures >= (this.options.maxFailures ?? 6)) throw error;
    const delay = Math.min(8000, 500 * 2 ** this.failures);
    this.view.note(`event stream unavailable (${error.message}); retrying in ${delay / 1000} s`);
    await sleep(delay);
    return undefined;
  }

  /** Reads one connection until it ends; true when the job has ended. */
  private async follow(response: Response, abort: AbortController): Promise<boolean> {
    this.failures = 0;
    let ended = false;
    const poll = setInterval(() => {
      this.refresh().then(
        (done) => {
          ended ||= done;
          if (done) abort.abort();
        },
        () => undefined,
      );
    }, this.options.pollMs ?? 15_000);
    try {
      // Without a resume point nothing is replayed: the resource tells what happened before.
      if (this.parser.lastEventId === undefined && (await this.refresh())) return true;
      for await (const message of readEventStream(response.body as unknown as AsyncIterable<Uint8Array>, this.parser)) {
        if (PROGRESS_EVENTS.has(message.event)) this.view.update('transcoding', percentOf(message.data) ?? 0);
        else if (await this.refresh()) return true;
      }
      if (!ended) this.view.note('event stream closed by the server; reconnecting');
    } catch (error) {
      if (ended) return true;
      if (error instanceof ApiProblem) throw error;
      this.view.note(`event stream dropped (${error instanceof ApiUnreachable ? 'server unreachable' : networkReason(error)}); reconnecting`);
    } finally {
      clearInterval(poll);
      abort.abort();
    }
    return ended;
  }
}

const percentOf = (data: string): number | undefined => {
  try {
    return (JSON.parse(data) as { data?: { percent?: number } }).data?.percent;
  } catch {
    return undefined;
  }
};
