// `kill -9` of the whole embedded process mid-transcode, then `npm start` again on the same data
// folder: nothing is lost, the interrupted attempt is retried and the job completes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueDevelopmentToken } from '@mediaflow/http';
import { mediaBinaries } from '@mediaflow/processing/media';
import { ApiClient } from '../src/api-client';
import { freePort, startEmbeddedProcess, type EmbeddedProcess } from '../src/embedded-process';

describe('embedded restart after kill -9 mid-transcode', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-restart-'));
  let child: EmbeddedProcess | undefined;
  afterAll(async () => {
    await child?.killHard();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('completes the job after the restart', async () => {
    const clip = path.join(dataDir, 'long.mp4');
    execFileSync(mediaBinaries(process.env).ffmpeg.path, [
      '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=8', '-f', 'lavfi', '-i', 'sine=duration=8',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', clip,
    ]);
    const port = await freePort();
    child = await startEmbeddedProcess(dataDir, port);
    const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { jwt: string };
    const api = new ApiClient(`http://127.0.0.1:${port}`, await issueDevelopmentToken({ secret: secrets.jwt, sub: 'owner-a', ttlSeconds: 3600 }));

    const { jobId } = await api.uploadFile(clip, 'video/mp4', 'sd');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const job = (await api.call('GET', `/v1/jobs/${jobId}`)).body;
      if (job?.status === 'transcoding' && (job.percent ?? 0) > 0) break;
      if (job?.status === 'completed') throw new Error('the transcode finished before it could be interrupted; use a longer clip');
      if (Date.now() > deadline) throw new Error(`never saw the transcode running: ${JSON.stringify(job)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await child.killHard();

    child = await startEmbeddedProcess(dataDir, port);
    const job = await api.waitForJob(jobId, ['completed', 'failed'], 150_000);
    expect(job.status).toBe('completed');
    expect(job.attempt).toBeGreaterThanOrEqual(2);
    const master = await fetch(job.outputs.playbackUrl);
    expect(master.status).toBe(200);
  }, 240_000);
});
