// BENCH_UPLOAD_RSS_MB: one more multipart upload of that many MiB (the fetch-multipart client, parts
// 4 at a time from the worker thread), sampling this process's RSS every 100 ms meanwhile. The server
// runs in this process, so the figure is the server's memory plus the sending worker's: an upload
// held in memory anywhere would show as growth with the bytes sent.
import { performance } from 'node:perf_hooks';
import { fixed } from '../shared/stats';
import type { BenchDeployment } from './deployment';
import { fetchMultipartVariant } from './http-upload';
import type { PutClient } from './put-client';
import { makeRandomFile } from './source-file';

const MiB = 1024 * 1024;

export const rssCheckLines = async (
  deployment: BenchDeployment,
  client: PutClient,
  mebibytes: number,
): Promise<string[]> => {
  const source = makeRandomFile(mebibytes);
  try {
    const variant = fetchMultipartVariant(deployment, client, source);
    const before = process.memoryUsage().rss;
    const samples: number[] = [];
    const timer = setInterval(() => samples.push(process.memoryUsage().rss), 100);
    const started = performance.now();
    let seconds: number;
    try {
      seconds = (await variant.upload()).seconds;
    } finally {
      clearInterval(timer);
    }
    const after = process.memoryUsage().rss;
    const all = [before, ...samples, after];
    const [low, high] = [Math.min(...all), Math.max(...all)];
    const mb = (bytes: number): string => fixed(bytes / MiB, 0);
    return [
      `RSS while one ${mebibytes} MiB multipart upload goes through (fetch-multipart, ${samples.length} samples every 100 ms, ${fixed((performance.now() - started) / 1000, 1)} s, ${fixed(mebibytes / seconds, 0)} MiB/s):`,
      `  before ${mb(before)} MB · min ${mb(low)} · max ${mb(high)} · after ${mb(after)} MB → max − before ${mb(high - before)} MB, range ${mb(high - low)} MB (goal: flat, ± 50 MB)`,
    ];
  } finally {
    source.dispose();
  }
};
