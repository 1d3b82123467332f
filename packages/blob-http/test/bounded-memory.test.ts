// A 50 MB PUT streams to disk through the endpoint without the server holding it in memory. The
// client runs in a child process; a probe inside the server's write path forces a GC at 10, 25 and
// 45 MB received and reads the Buffers still held then, so garbage awaiting collection does not count.
import { spawn } from 'node:child_process';
import { Transform, type Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import { type BlobStorage } from '@mediaflow/blob-storage';
import { startBlobServer, type BlobServer } from './support/blob-server';

const MB = 1024 * 1024;
const SIZE = 50 * MB;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const retained: number[] = [];
let baseline = 0;

/**
 * Passes the body through, measuring the Buffers still held at a few points: a full GC, a pause for
 * V8's background ArrayBuffer sweeper (its accounting lags the GC), another GC, then the reading.
 */
const probe = (): Transform => {
  const marks = [10 * MB, 25 * MB, 45 * MB];
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, callback) {
      seen += chunk.length;
      if (marks[0] === undefined || seen < marks[0]) return callback(null, chunk);
      marks.shift();
      gc();
      setTimeout(() => {
        gc();
        retained.push(process.memoryUsage().arrayBuffers - baseline);
        callback(null, chunk);
      }, 100);
    },
  });
};

const probed = (storage: BlobStorage): BlobStorage =>
  new Proxy(storage, {
    get(target, property, receiver) {
      if (property === 'put')
        return (key: string, body: Readable, options: never) => target.put(key, body.pipe(probe()), options);
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

// Sends SIZE bytes from one reused 64 KiB chunk, respecting backpressure; prints the status.
const CLIENT = `
const http = require('node:http');
const [url, size, type] = process.argv.slice(1);
const chunk = Buffer.alloc(64 * 1024, 7);
const req = http.request(url, { method: 'PUT', headers: { 'content-type': type, 'content-length': size } }, (res) => {
  res.resume();
  res.on('end', () => process.stdout.write(String(res.statusCode)));
});
let sent = 0;
const pump = () => {
  while (sent < Number(size)) {
    sent += chunk.length;
    if (!req.write(chunk)) return void req.once('drain', pump);
  }
  req.end();
};
pump();
`;

const upload = (url: string, contentType: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CLIENT, url, String(SIZE), contentType]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });

let server: BlobServer;
const dir = mkdtempSync(join(tmpdir(), 'blob-mem-'));
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('stores a 50 MB body while holding only a few MB of it at any point', async () => {
  server = await startBlobServer({ uploads: probed(new LocalDiskBlobStorage({ root: dir })) });
  const put = server.signer.signPut({
    bucket: 'uploads',
    key: 'owner/big/source',
    size: SIZE,
    contentType: 'video/mp4',
    expiresInSeconds: 60,
  });
  gc();
  baseline = process.memoryUsage().arrayBuffers;
  expect(await upload(put.url, 'video/mp4')).toBe('200');
  expect(retained).toHaveLength(3);
  const worstMb = Math.max(...retained) / MB;
  process.stderr.write(
    `[bounded-memory] 50 MB PUT: Buffers held at 10/25/45 MB: ${retained.map((r) => (r / MB).toFixed(1)).join(' / ')} MB\n`,
  );
  // A handler that buffered the body would hold 10, 25 and 45 MB at those points.
  expect(worstMb).toBeLessThan(8);
}, 60_000);
