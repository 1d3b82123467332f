// Runs in a worker thread (see put-client.ts): streamed PUTs of file ranges with fetch, as many at
// once as asked, on an event loop of its own, so the client's work does not queue behind the server's
// on the bench process's main thread (as the CLI's and the browser's does not: they are processes).
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

export interface PutRequest {
  readonly id: number;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly file: string;
  readonly start: number;
  readonly length: number;
}

export interface PutAnswer {
  readonly id: number;
  readonly status: number;
  readonly etag: string;
  /** The body of a refusal, or the network error. */
  readonly failure?: string;
}

const READ_CHUNK = 1024 * 1024;

export const putRange = async (request: Omit<PutRequest, 'id'>): Promise<Omit<PutAnswer, 'id'>> => {
  const { url, headers, file, start, length } = request;
  try {
    const body = fs.createReadStream(file, { start, end: start + length - 1, highWaterMark: READ_CHUNK });
    const res = await fetch(url, {
      method: 'PUT',
      headers: { ...headers, 'content-length': String(length) },
      body: body as unknown as ReadableStream<Uint8Array>,
      duplex: 'half',
    });
    const text = await res.text();
    return { status: res.status, etag: res.headers.get('etag') ?? '', ...(!res.ok && { failure: text }) };
  } catch (error) {
    return { status: 0, etag: '', failure: String(error) };
  }
};

parentPort?.on('message', (request: PutRequest) => {
  void putRange(request).then((answer) => parentPort?.postMessage({ id: request.id, ...answer }));
});
