// The mediaflow CLI against the real embedded server (`npm start`'s script), as a person runs it:
// tokens, uploads (one PUT and multipart) followed live to their end, jobs, webhooks, and the ways a
// command line goes wrong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, runCli, startServer, type CliResult, type TestServer } from './cli-harness';
import { makeTestMedia, type TestMedia } from './media';

const MiB = 1024 * 1024;

describe('mediaflow CLI', () => {
  let server: TestServer;
  let media: TestMedia;
  let scratch: string;
  let completedJobId: string;
  const cli = (...args: string[]): Promise<CliResult> => runCli(args, server.env);

  beforeAll(async () => {
    [server, media] = await Promise.all([
      // Multipart from 1 MiB in 5 MiB parts: the small clip goes in one PUT, the WAV in two parts.
      startServer({ MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES: String(MiB), MEDIAFLOW_UPLOAD_PART_SIZE_BYTES: String(5 * MiB) }),
      makeTestMedia(),
    ]);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-cli-scratch-'));
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  describe('token', () => {
    const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());

    it('prints a development token the server accepts', async () => {
      const result = await runCli(['token', '--owner', 'alice', '--admin', '--ttl', '600'], { MEDIAFLOW_DATA_DIR: server.dataDir });
      expect(result.code).toBe(0);
      const token = result.stdout.trim();
      expect(claims(token)).toMatchObject({ sub: 'alice', roles: ['admin'] });
      expect(claims(token).exp - claims(token).iat).toBe(600);
      const list = await runCli(['jobs', 'list', '--token', token], { MEDIAFLOW_API_URL: server.url });
      expect(list).toMatchObject({ code: 0, stdout: 'no jobs\n' });
    });

    it('falls back to a development token from the data folder, and says so', async () => {
      const result = await runCli(['jobs', 'list', '--json'], { MEDIAFLOW_API_URL: server.url, MEDIAFLOW_DATA_DIR: server.dataDir });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).items).toEqual(expect.any(Array));
      expect(result.stderr).toBe(`no token given (--token or MEDIAFLOW_TOKEN): using a development token for "dev-user" from ${server.dataDir}\n`);
    });

    it('fails clearly when the data folder has no secrets.json', async () => {
      const result = await runCli(['token'], { MEDIAFLOW_DATA_DIR: scratch });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`no development secrets at ${scratch}/secrets.json`);
    });
  });

  it('uploads a clip, follows the job live to completed and lists its outputs', async () => {
    const result = await cli('upload', media.small, '--watch', '--profile', 'sd');
    expect(result.stderr).toMatch(/single PUT/);
    expect(result.code).toBe(0);
    const [jobId, status, playback] = result.stdout.split('\n');
    expect(jobId).toMatch(/^job_\w+$/);
    expect(status).toBe(`completed ${jobId}`);
    expect(playback).toMatch(/^playback: http:\/\/127\.0\.0\.1:\d+\/.*master\.m3u8/);
    expect(result.stdout).toMatch(/hls-master .* http/);
    expect(result.stdout).toMatch(/poster .*\d+x\d+/);
    // Not a terminal: one line per 10% step and per status, ending with the final status.
    expect(result.stderr).toMatch(/uploading +100% {2}100 KB \/ 100 KB {2}[\d.]+ MB\/s/);
    expect(result.stderr).not.toContain('\r');
    expect(result.stderr.trimEnd().split('\n').pop()).toBe('completed');
    completedJobId = jobId as string;
  }, 60_000);

  it('sends a file over the multipart threshold in parts and completes it', async () => {
    const result = await cli('upload', media.bigWav, '--watch', '--json', '--profile', 'sd');
    expect(result.stderr).toMatch(/audio\/wav, 5\.9 MB, multipart, 2 parts of 5\.0 MB/);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.jobId).toMatch(/^job_/);
    expect(answer.job).toMatchObject({ jobId: answer.jobId, status: 'completed', source: { filename: 'cli-tone-32s.wav', sizeBytes: fs.statSync(media.bigWav).size } });
    expect(answer.job.outputs.files.length).toBeGreaterThan(0);
  }, 60_000);

  it('has the server fetch a clip from a URL (--url), then follows the job; a 404 source exits 1 with its code', async () => {
    const http = await import('node:http');
    const source = http.createServer((req, res) => {
      if (req.url !== '/small.mp4') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': fs.statSync(media.small).size });
      return fs.createReadStream(media.small).pipe(res);
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(source.address() as { port: number }).port}`;
    try {
      const result = await cli('upload', '--url', `${base}/small.mp4`, '--watch', '--profile', 'sd');
      expect(result.stderr).toMatch(/^upload up_\w+: fetching http:\/\/127\.0\.0\.1:\d+\/small\.mp4$/m);
      expect(result.code).toBe(0);
      const [jobId, status] = result.stdout.split('\n');
      expect(status).toBe(`completed ${jobId}`);
      const missing = await cli('upload', '--url', `${base}/missing.mp4`);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/upload up_\w+ failed \(SOURCE_HTTP_ERROR: 127\.0\.0\.1:\d+ answered HTTP 404\)/);
      expect(await cli('upload', media.small, '--url', `${base}/small.mp4`)).toMatchObject({ code: 2, stderr: expect.stringContaining('give FILE or --url URL') });
    } finally {
      source.close();
    }
  }, 60_000);

  it('exits non-zero with the reason when the job is rejected', async () => {
    const result = await cli('upload', media.notMedia, '--watch');
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^job_\w+\n$/);
    expect(result.stderr).toMatch(/job job_\w+ rejected: MEDIA_UNSUPPORTED: .*not a media file/);
  }, 60_000);

  it('refuses up front a file whose type the API does not take', async () => {
    const file = path.join(scratch, 'notes.txt');
    fs.writeFileSync(file, 'not a video\n');
    const result = await cli('upload', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error CONTENT_TYPE_NOT_ALLOWED: content type "application\/octet-stream" is not accepted/);
  });

  describe('jobs', () => {
    it('lists jobs as a table and as JSON', async () => {
      const table = await cli('jobs', 'list');
      expect(table.code).toBe(0);
      const [header, ...rows] = table.stdout.trimEnd().split('\n');
      expect(header).toMatch(/^ID +STATUS +% +FILENAME +CREATED$/);
      expect(rows.find((r) => r.startsWith(completedJobId))).toMatch(/completed +100 +no-audio-\w+\.mp4 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/);
      const json = await cli('jobs', 'list', '--status', 'rejected', '--limit', '5', '--json');
      expect(json.code).toBe(0);
      const page = JSON.parse(json.stdout);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((j: any) => j.status === 'rejected')).toBe(true);
    });

    it('shows a job with its media, outputs and attempts, and as JSON', async () => {
      const text = await cli('jobs', 'show', completedJobId);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(new RegExp(`^job +${completedJobId}\\nstatus +completed\\n`));
      expect(text.stdout).toMatch(/media +video, mov, .*video h264 640x360 25 fps/);
      expect(text.stdout).toMatch(/outputs +playback: http/);
      expect(text.stdout).toMatch(/attempts +#1 completed .*\(transcode \d+\.\d\d s\)/);
      const json = await cli('jobs', 'show', completedJobId, '--json');
      expect(JSON.parse(json.stdout)).toMatchObject({ jobId: completedJobId, status: 'completed', media: { kind: 'video' } });
    });

    it('answers JOB_NOT_FOUND for an unknown job', async () => {
      const result = await cli('jobs', 'show', 'job_does_not_exist');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error JOB_NOT_FOUND: /);
    });

    it('refuses to cancel a completed job', async () => {
      const result = await cli('jobs', 'cancel', completedJobId);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error JOB_ALREADY_FINISHED: /);
    });

    it('refuses to retry a job that did not fail', async () => {
      const result = await cli('jobs', 'retry', completedJobId);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error JOB_NOT_RETRYABLE: .*completed/);
    });

    it('cancels a running job, which a --watch in progress reports as cancelled', async () => {
      let cancelled: Promise<CliResult> | undefined;
      const watched = await runCli(['upload', media.longVideo, '--watch'], server.env, (stdout) => {
        const jobId = /^(job_\w+)\n/.exec(stdout)?.[1];
        if (jobId && !cancelled) cancelled = cli('jobs', 'cancel', jobId, '--reason', 'changed my mind');
      });
      const cancel = await cancelled;
      expect(cancel).toMatchObject({ code: 0, stdout: expect.stringMatching(/^cancelled job_\w+\n$/) });
      expect(watched.code).toBe(3);
      expect(watched.stderr).toMatch(/job job_\w+ cancelled/);
      const jobId = watched.stdout.trim();
      expect(JSON.parse((await cli('jobs', 'show', jobId, '--json')).stdout).status).toBe('cancelled');
    }, 60_000);
  });

  it('adds, lists and removes a webhook', async () => {
    const added = await cli('webhooks', 'add', 'http://127.0.0.1:9/hooks/mediaflow', '--events', 'JobCompleted,JobFailed', '--description', 'cli test');
    expect(added.code).toBe(0);
    const id = /^webhook +(\S+)$/m.exec(added.stdout)?.[1] as string;
    expect(id).toBeDefined();
    expect(added.stdout).toMatch(/^events +JobCompleted,JobFailed$/m);
    expect(added.stdout).toMatch(/^secret +whsec_\S+$/m);
    expect(added.stderr).toContain('shown only once');
    const listed = await cli('webhooks', 'list');
    expect(listed.stdout).toMatch(new RegExp(`^${id} +active +JobCompleted,JobFailed .* http://127\\.0\\.0\\.1:9/hooks/mediaflow$`, 'm'));
    expect(listed.stdout).not.toContain('whsec_');
    expect(await cli('webhooks', 'remove', id)).toMatchObject({ code: 0, stdout: `removed ${id}\n` });
    expect((await cli('webhooks', 'list', '--json')).stdout).not.toContain(id);
    const refused = await cli('webhooks', 'add', 'ftp://example.com/hook');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error WEBHOOK_URL_\w+: /);
  });

  describe('bad inputs', () => {
    it('names a missing file', async () => {
      expect(await cli('upload', '/nonexistent/clip.mp4')).toMatchObject({ code: 1, stderr: 'no such file: /nonexistent/clip.mp4\n' });
    });

    it('prints the usage and exits 2 for an unknown command, flag or a missing argument', async () => {
      const unknown = await cli('transcode', 'x.mp4');
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/^mediaflow: unknown command "transcode"\n\nUsage: mediaflow COMMAND/);
      const flag = await cli('jobs', 'list', '--colour');
      expect(flag.code).toBe(2);
      expect(flag.stderr).toMatch(/Unknown option '--colour'[\s\S]*Usage: mediaflow jobs list/);
      const missing = await cli('jobs', 'show');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/expected ID, got none[\s\S]*Usage: mediaflow jobs show ID/);
      expect(await cli('jobs')).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: mediaflow jobs list|show|cancel') });
    });

    it('prints help on stdout for --help', async () => {
      const help = await cli('upload', '--help');
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(/^Usage: mediaflow upload FILE \[options\][\s\S]*--watch/);
      expect((await cli('--help')).stdout).toMatch(/mediaflow webhooks add URL/);
    });

    it('reports a rejected token with the server problem', async () => {
      const result = await cli('jobs', 'list', '--token', 'not-a-token');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error TOKEN_INVALID: .*\n\(pass --token or set MEDIAFLOW_TOKEN/);
    });

    it('names the URL when nothing answers there', async () => {
      const url = `http://127.0.0.1:${await freePort()}`;
      const result = await cli('jobs', 'list', '--api-url', url);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`cannot reach the mediaflow API at ${url} (ECONNREFUSED): is the server running? (npm start, or set --api-url / MEDIAFLOW_API_URL)\n`);
    });
  });

  describe('against a server that completes uploads when their bytes are stored', () => {
    let onStore: TestServer;
    beforeAll(async () => {
      onStore = await startServer({ MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE: 'true' });
    }, 90_000);
    afterAll(async () => {
      await onStore?.stop();
    });

    it('takes the answer "already completed" as done and follows the job', async () => {
      const result = await runCli(['upload', media.small, '--watch', '--profile', 'sd'], onStore.env);
      expect(result.stderr).not.toMatch(/UPLOAD_ALREADY_COMPLETED/);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^job_\w+$/m);
      expect(result.stdout).toMatch(/completed job_/);
    }, 90_000);
  });
});
