// Sending parts to a stand-in storage endpoint that fails on cue: retries, ETags, honest progress.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { UploadTicket } from '../src/api-types';
import { OrderedDigest } from '../src/file-digest';
import { putParts, putSingle } from '../src/upload-transfer';

const PART = 64 * 1024;

describe('upload transfer', () => {
  let server: http.Server;
  let url: string;
  let file: string;
  let bytes: Buffer;
  /** Status to answer for the next PUTs of a part, in order; then 200. */
  const failures = new Map<string, number[]>();
  const received = new Map<string, { body: Buffer; length: string | undefined; type: string | undefined }>();
  /** Parts whose next PUT has its connection cut as its first bytes arrive. */
  const drops = new Set<string>();

  beforeAll(async () => {
    bytes = crypto.randomBytes(PART * 2 + 1000);
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-cli-put-')), 'clip.mp4');
    fs.writeFileSync(file, bytes);
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      if (drops.delete(req.url ?? '')) return void req.once('data', () => req.socket.destroy());
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = failures.get(req.url ?? '')?.shift();
        if (status)
          return void res
            .writeHead(status, { 'content-type': 'application/problem+json' })
            .end(JSON.stringify({ code: 'NOPE', detail: `status ${status}` }));
        const body = Buffer.concat(chunks);
        received.set(req.url ?? '', {
          body,
          length: req.headers['content-length'],
          type: req.headers['content-type'],
        });
        res.writeHead(200, { etag: `"${crypto.createHash('md5').update(body).digest('hex')}"` }).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
  beforeEach(() => {
    failures.clear();
    received.clear();
    drops.clear();
  });

  const ticket = (): UploadTicket => ({
    uploadId: 'up_1',
    method: 'multipart',
    parts: [1, 2, 3].map((n) => ({ partNumber: n, url: `${url}/part/${n}` })),
    partSize: PART,
    expiresAt: '',
    abortUrl: 'http://x/abort',
    completeUrl: '',
  });

  it('sends each part with its length, retries a failing one and keeps every ETag', async () => {
    failures.set('/part/2', [500, 503, 500]);
    let progress = 0;
    const parts = await putParts(file, bytes.length, ticket(), {
      onBytes: (n) => (progress += n),
      retryDelayMs: 1,
    });
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2, 3]);
    expect(parts.every((p) => /^"[0-9a-f]{32}"$/.test(p.etag))).toBe(true);
    expect(Buffer.concat([1, 2, 3].map((n) => received.get(`/part/${n}`)?.body as Buffer))).toEqual(bytes);
    expect(received.get('/part/3')?.length).toBe('1000');
    expect(progress).toBe(bytes.length); // the failed attempts were taken back
  });

  it('hands every chunk it reads to onRead: the parts in parallel, one retried, hash to the SHA-256 of the file', async () => {
    failures.set('/part/1', [503]);
    const digest = new OrderedDigest(bytes.length);
    await putParts(file, bytes.length, ticket(), {
      onBytes: () => undefined,
      onRead: (offset, chunk) => (digest.add(offset, chunk), undefined),
      retryDelayMs: 1,
    });
    expect(digest.digest()).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
  });

  it('holds a part that reads too far ahead of the hash until the parts before it are hashed, without stalling', async () => {
    const digest = new OrderedDigest(bytes.length);
    let mostAhead = 0;
    const sentAhead = (end: number) => (mostAhead = Math.max(mostAhead, end - digest.hashedBytes));
    await putParts(file, bytes.length, ticket(), {
      onBytes: () => undefined,
      onRead: (offset, chunk) => {
        digest.add(offset, chunk);
        const end = offset + chunk.length;
        const held = digest.readable(end - PART);
        return held ? held.then(() => void sentAhead(end)) : void sentAhead(end);
      },
    });
    expect(mostAhead).toBeLessThanOrEqual(PART);
    expect(digest.digest()).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
  });

  it('sends again a part whose connection was cut while it was being sent, and tells where it could not connect', async () => {
    drops.add('/part/2');
    let progress = 0;
    const parts = await putParts(file, bytes.length, ticket(), { onBytes: (n) => (progress += n), retryDelayMs: 1 });
    expect(drops.size).toBe(0);
    expect(Buffer.concat(parts.map((p) => received.get(`/part/${p.partNumber}`)?.body as Buffer))).toEqual(bytes);
    expect(progress).toBe(bytes.length);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const single = { uploadId: 'up_3', method: 'single' as const, url: `${nowhere}/one`, expiresAt: '', abortUrl: '', completeUrl: '' };
    await expect(putSingle(file, bytes.length, single, { onBytes: () => undefined, attempts: 1 })).rejects.toThrow(
      'the upload failed: ECONNREFUSED',
    );
  });

  it('gives up on a part after 3 retries, and at once on a 4xx', async () => {
    failures.set('/part/1', [500, 500, 500, 500]);
    await expect(
      putParts(file, bytes.length, ticket(), { onBytes: () => undefined, retryDelayMs: 1 }),
    ).rejects.toThrow('part 1 was refused: error NOPE: status 500 (after 4 attempts)');
    failures.set('/part/2', [403, 200]);
    await expect(
      putParts(file, bytes.length, ticket(), { onBytes: () => undefined, retryDelayMs: 1 }),
    ).rejects.toThrow(/^part 2 was refused: error NOPE: status 403$/);
  });

  it('sends a single PUT with the ticket headers', async () => {
    await putSingle(
      file,
      bytes.length,
      {
        uploadId: 'up_2',
        method: 'single',
        url: `${url}/one`,
        headers: { 'content-type': 'video/mp4' },
        expiresAt: '',
        abortUrl: 'http://x/abort',
        completeUrl: '',
      },
      { onBytes: () => undefined },
    );
    expect(received.get('/one')).toEqual({ body: bytes, length: String(bytes.length), type: 'video/mp4' });
  });
});
