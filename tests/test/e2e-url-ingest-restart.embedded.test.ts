// `kill -9` of the embedded process while a URL ingest is fetching, then `npm start` again on the same
// data: the fetch is not resumed, and the upload does not stay "fetching". The embedded process owns
// its data, so the restart fails it as SOURCE_FETCH_INTERRUPTED at start, without waiting for its 30 s
// lease to lapse (the AWS path, where other tasks may be fetching), and no object exists under its key (the
// half-written `.part` in the blob store's tmp/ is removed by the embedded retention pruner, as for
// any interrupted PUT).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { issueDevelopmentToken } from '@mediaflow/http';
import { ApiClient } from '../src/api-client';
import { freePort, startEmbeddedProcess, type EmbeddedProcess } from '../src/embedded-process';

describe('embedded restart after kill -9 mid-fetch', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-url-restart-'));
  let child: EmbeddedProcess | undefined;
  // Sends the first half of its body, then nothing: the fetch is mid-way when the process dies.
  const source = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': 2 * 1024 * 1024 });
    res.write(Buffer.alloc(1024 * 1024, 7));
  });
  beforeAll(() => new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve)));
  afterAll(async () => {
    await child?.killHard();
    source.closeAllConnections();
    source.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails the interrupted fetch with SOURCE_FETCH_INTERRUPTED after the restart', async () => {
    const port = await freePort();
    const env = { MEDIAFLOW_UPLOAD_SWEEP_SECONDS: '1' };
    child = await startEmbeddedProcess(dataDir, port, env);
    const secrets = JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { jwt: string };
    const api = new ApiClient(`http://127.0.0.1:${port}`, await issueDevelopmentToken({ secret: secrets.jwt, sub: 'owner-a', ttlSeconds: 3600 }));
    const sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/long.mp4`;
    const created = (await api.call('POST', '/v1/uploads', { sourceUrl })).body;
    const poll = async (until: (u: any) => boolean, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const upload = (await api.call('GET', `/v1/uploads/${created.uploadId}`)).body;
        if (until(upload)) return upload;
        if (Date.now() > deadline) throw new Error(`upload never got there: ${JSON.stringify(upload)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await poll((u) => u.status === 'fetching' && u.fetch?.receivedBytes > 0, 20_000);
    await child.killHard();
    const killedAt = Date.now();

    child = await startEmbeddedProcess(dataDir, port, env);
    const failed = await poll((u) => u.status !== 'fetching', 60_000);
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'SOURCE_FETCH_INTERRUPTED' } });
    // At start, not when the lease (renewed each second, 30 s long) would have lapsed.
    expect(Date.parse(failed.updatedAt) - killedAt).toBeLessThan(25_000);
    const left = (fs.readdirSync(dataDir, { recursive: true }) as string[]).filter((p) => p.includes(created.uploadId));
    expect(left.filter((p) => fs.statSync(path.join(dataDir, p)).isFile())).toEqual([]);
  }, 120_000);
});
