// The runner entrypoint in embedded mode with its sandbox: asked to open an http URL on a loopback
// canary it fails permanently and the canary sees nothing; its bounds come from processing's settings
// and a breach ends the attempt with the bound's own code.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { hostileInput } from '../media/hostile-inputs';
import { runRunner } from '../support/run-runner';

describe('runner sandbox (embedded mode, real ffmpeg)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-runner-sandbox-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('fails a job whose input is an http URL on a loopback canary with RUNNER_NETWORK_DENIED; the canary sees no request', async () => {
    const requests: string[] = [];
    const canary = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/source.mp4`;
      const spec = { jobId: 'job-net', input: url, outputPrefix: 'owner-1/job-net' };
      const { exitCode, messages } = await runRunner(spec, { MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir });
      expect(exitCode).toBe(3);
      expect(messages.at(-1)).toMatchObject({ type: 'failed', code: 'RUNNER_NETWORK_DENIED', retryable: false });
      expect(requests).toEqual([]);
    } finally {
      await new Promise((resolve) => canary.close(resolve));
    }
  }, 60000);

  it('ends a job past MEDIAFLOW_RUNNER_OUTPUT_FILE_LIMIT=100 with OUTPUT_FILE_COUNT_LIMIT, permanent, nothing stored', async () => {
    // Ten minutes of a still picture: hundreds of segments per rendition.
    const spec = { jobId: 'job-files', input: await hostileInput('long-still.mp4'), outputPrefix: 'owner-1/job-files', profile: 'sd' };
    const env = { MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir, MEDIAFLOW_RUNNER_OUTPUT_FILE_LIMIT: '100' };
    const { exitCode, messages } = await runRunner(spec, env);
    expect(exitCode).toBe(3);
    expect(messages.at(-1)).toMatchObject({ type: 'failed', code: 'OUTPUT_FILE_COUNT_LIMIT', retryable: false });
    expect(fs.existsSync(path.join(dataDir, 'blobs', 'outputs', 'objects', 'owner-1/job-files'))).toBe(false);
  }, 120000);
});
