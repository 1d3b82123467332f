// `kill -9` of the embedded process mid-transcode, then a restart on the same data folder: the orphaned
// runner stops by itself (it lost its parent), the new process fails the attempt as RUNNER_HOST_RESTARTED
// at start (its runner id names the pool of the killed process), and the retry jobs sends (attempt 2)
// completes the job.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import type { BusEnvelope, EventDataOf, EventName } from '@mediaflow/contracts';
import { embeddedPaths } from '@mediaflow/runtime';
import { generateClip } from '../../src/testing/clips';
import { startEmbeddedNode, type EmbeddedNode } from '../support/embedded-node';
import { fromJobs, transcodeRequestedFor } from '../support/jobs-stand-in';
import { alive } from '../support/process-alive';

process.env.LOG_LEVEL = process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'ERROR';

/**
 * The runner processes the pool forked, running or warm spares (the bundle of main/runner.ts in
 * node_modules/.cache/mediaflow-runner, or main/runner.ts itself); tsx's and the pool's esbuild
 * children do not count.
 */
const runnersOf = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid), '-f', 'main/runner|mediaflow-runner/runner-'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};
const until = async (what: string, test: () => boolean, ms = 60_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('kill -9 mid-transcode, then restart', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-kill-'));
  const seen: BusEnvelope[] = [];
  const published = (name: EventName) =>
    seen.filter((e) => e['detail-type'] === name).map((e) => e.detail.data as Record<string, unknown>);
  let host: ChildProcess | undefined;
  let node: EmbeddedNode | undefined;

  afterAll(async () => {
    if (host?.pid && alive(host.pid)) host.kill('SIGKILL');
    await node?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('still completes the job', async () => {
    const clip = await generateClip('landscape');
    const key = 'owner-1/up_kill/source';
    await new LocalDiskBlobStorage({ root: embeddedPaths(dir).blobs('uploads') }).putFile(key, clip.path, {
      contentType: 'video/mp4',
    });

    host = fork(path.join(__dirname, '..', 'fixtures', 'embedded-host.ts'), [], {
      execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
      env: { ...process.env, HOST_DATA_DIR: dir },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    host.on('message', (m: { type: string; envelope?: BusEnvelope }) => {
      if (m.type === 'published' && m.envelope) seen.push(m.envelope);
    });
    await new Promise((resolve) => host!.once('message', resolve));
    host.send({
      type: 'publish',
      envelopes: [
        fromJobs('ProbeRequested', {
          jobId: 'job_kill',
          uploadId: 'up_kill',
          input: { key },
          profile: 'default',
          attempt: 1,
        }),
      ],
    });
    await until('MediaProbed', () => published('MediaProbed').length > 0);
    const probed = published('MediaProbed')[0] as EventDataOf<'MediaProbed', 1>;
    host.send({ type: 'publish', envelopes: [transcodeRequestedFor('job_kill', probed, 'default')] });
    await until('progress of attempt 1', () => published('TranscodeProgressed').length > 0);

    // Concurrency 1: one warm process, now the attempt's runner (a process is reused, not replaced, after a success).
    await until('the runner', () => runnersOf(host!.pid!).length === 1);
    const runners = runnersOf(host.pid!);
    host.kill('SIGKILL');
    // The runner notices its parent is gone, stops ffmpeg and removes its partial outputs.
    await until('the orphaned runner to exit', () => runners.every((pid) => !alive(pid)), 30_000);

    seen.length = 0;
    node = await startEmbeddedNode(dir, (envelope) => seen.push(envelope));
    await until('RUNNER_HOST_RESTARTED', () => published('TranscodeFailed').length > 0);
    expect(published('TranscodeFailed')[0]).toMatchObject({
      jobId: 'job_kill',
      attempt: 1,
      code: 'RUNNER_HOST_RESTARTED',
      retryable: true,
    });

    await node.bus.publish([transcodeRequestedFor('job_kill', probed, 'default', 2)]);
    await until('TranscodeFinished', () => published('TranscodeFinished').length > 0, 120_000);
    expect(published('TranscodeFinished')[0]).toMatchObject({ jobId: 'job_kill', attempt: 2 });
  }, 180_000);
});
