// Streamed PUTs of file ranges for the in-process variants, sent from a worker thread (put-worker.ts,
// loaded through tsx's CommonJS hook as the CLI's bin loads its sources) or, with
// BENCH_UPLOAD_PUT_THREAD=main, from the main thread the embedded server runs on.
import { Worker } from 'node:worker_threads';
import { putRange, type PutAnswer, type PutRequest } from './put-worker';

type PutThread = 'worker' | 'main';

export interface PutClient {
  readonly thread: PutThread;
  /** Resolves with the answer's ETag; rejects on a refusal or a network error. */
  put(
    url: string,
    headers: Record<string, string>,
    file: string,
    start: number,
    length: number,
  ): Promise<string>;
  close(): Promise<void>;
}

const settle = (url: string, answer: Omit<PutAnswer, 'id'>): string => {
  if (answer.failure !== undefined || answer.status < 200 || answer.status >= 300)
    throw new Error(`PUT ${new URL(url).pathname} → ${answer.status} ${answer.failure ?? ''}`);
  return answer.etag;
};

const mainThreadClient = (): PutClient => ({
  thread: 'main',
  put: async (url, headers, file, start, length) =>
    settle(url, await putRange({ url, headers, file, start, length })),
  close: async () => undefined,
});

const workerClient = (): PutClient => {
  const source = `require('tsx/cjs'); require(${JSON.stringify(require.resolve('./put-worker'))});`;
  const worker = new Worker(source, { eval: true });
  const waiting = new Map<number, (answer: PutAnswer) => void>();
  let nextId = 0;
  worker.on('message', (answer: PutAnswer) => {
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  worker.on('error', (error) => {
    for (const answer of waiting.values())
      answer({ id: -1, status: 0, etag: '', failure: `the PUT worker died: ${String(error)}` });
    waiting.clear();
  });
  worker.unref();
  return {
    thread: 'worker',
    put: (url, headers, file, start, length) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, (answer) => {
          try {
            resolve(settle(url, answer));
          } catch (error) {
            reject(error);
          }
        });
        worker.postMessage({ id, url, headers, file, start, length } satisfies PutRequest);
      }),
    close: async () => void (await worker.terminate()),
  };
};

export const startPutClient = (thread: PutThread): PutClient =>
  thread === 'worker' ? workerClient() : mainThreadClient();
