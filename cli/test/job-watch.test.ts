// JobWatcher against a small stand-in for the API's two routes it uses, to drive what the real
// server rarely does on cue: a dropped stream, Last-Event-ID, replay-incomplete, a refused stream.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MediaflowApi } from '../src/api-client';
import { ApiProblem, ApiUnreachable } from '../src/cli-errors';
import { JobWatcher } from '../src/job-watch';

interface StandIn {
  url: string;
  streams: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

type StreamHandler = (res: http.ServerResponse, connection: number) => void;

const startStandIn = async (job: { status: string; percent: number }, onStream: StreamHandler): Promise<StandIn> => {
  const streams: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/v1/events?jobId=job_1')) {
      streams.push(req.headers);
      onStream(res, streams.length);
    } else if (req.url === '/v1/jobs/job_1') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ jobId: 'job_1', attempts: [], ...job }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    streams,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
};

const event = (id: string | undefined, name: string, data: unknown): string =>
  `${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

const recorder = () => {
  const updates: string[] = [];
  const notes: string[] = [];
  return { updates, notes, view: { update: (s: string, p?: number) => updates.push(p === undefined ? s : `${s} ${p}`), note: (l: string) => notes.push(l) } };
};

describe('JobWatcher', () => {
  let standIn: StandIn | undefined;
  afterEach(() => standIn?.close());

  it('misses no change made while its stream was opening: the job is read once the stream is open', async () => {
    const job = { status: 'transcoding', percent: 10 };
    standIn = await startStandIn(job, (res) => {
      // The job completes while the stream's opening is held; nothing is replayed on the new stream.
      job.status = 'completed';
      job.percent = 100;
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': open\n\n');
      }, 50);
    });
    const { view, updates } = recorder();
    const watcher = new JobWatcher(new MediaflowApi(standIn.url, 't'), 'job_1', view, { pollMs: 600_000 });
    await expect(watcher.run()).resolves.toMatchObject({ status: 'completed' });
    expect(updates).toEqual(['completed']); // never the state from before the stream opened
  });

  it('reconnects a dropped stream with Last-Event-ID and re-reads the job on replay-incomplete', async () => {
    const job = { status: 'queued', percent: 0 };
    standIn = await startStandIn(job, (res, connection) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (connection === 1) {
        res.write('retry: 10\n\n');
        res.write(event('e1', 'TranscodeStarted', { data: { jobId: 'job_1', attempt: 1 } }));
        res.write(event('e2', 'TranscodeProgressed', { data: { jobId: 'job_1', percent: 40 } }));
        setTimeout(() => res.destroy(), 50);
      } else {
        Object.assign(job, { status: 'completed', percent: 100 });
        res.write(event(undefined, 'replay-incomplete', { lastEventId: 'e2' }));
      }
    });
    const { updates, notes, view } = recorder();
    const result = await new JobWatcher(new MediaflowApi(standIn.url, 'tok'), 'job_1', view).run();
    expect(result.status).toBe('completed');
    expect(updates).toEqual(['queued', 'transcoding 0', 'transcoding 40', 'completed']);
    expect(standIn.streams.map((h) => [h.authorization, h['last-event-id']])).toEqual([
      ['Bearer tok', undefined],
      ['Bearer tok', 'e2'],
    ]);
    expect(notes.join('\n')).toMatch(/reconnecting/);
  });

  it('ends at once when the job had already ended before the stream opened', async () => {
    standIn = await startStandIn({ status: 'rejected', percent: 0 }, (res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).write(': hi\n\n'));
    const { updates, view } = recorder();
    expect((await new JobWatcher(new MediaflowApi(standIn.url, 't'), 'job_1', view).run()).status).toBe('rejected');
    expect(updates).toEqual(['rejected']);
  });

  it('fails with the problem when the stream is refused', async () => {
    standIn = await startStandIn({ status: 'queued', percent: 0 }, (res) =>
      res
        .writeHead(401, { 'content-type': 'application/problem+json' })
        .end(JSON.stringify({ status: 401, code: 'TOKEN_EXPIRED', detail: 'the token has expired' })),
    );
    const watcher = new JobWatcher(new MediaflowApi(standIn.url, 't'), 'job_1', recorder().view);
    await expect(watcher.run()).rejects.toEqual(new ApiProblem(401, 'TOKEN_EXPIRED', 'the token has expired'));
  });

  it('gives up, naming the API, when the server stays away', async () => {
    standIn = await startStandIn({ status: 'queued', percent: 0 }, () => undefined);
    const url = standIn.url;
    await standIn.close();
    standIn = undefined;
    const { notes, view } = recorder();
    const watcher = new JobWatcher(new MediaflowApi(url, 't'), 'job_1', view, { maxFailures: 2 });
    await expect(watcher.run()).rejects.toBeInstanceOf(ApiUnreachable);
    expect(notes).toEqual([expect.stringMatching(/^event stream unavailable \(cannot reach the mediaflow API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\).*retrying in 1 s$/)]);
  });
});
