// A job whose first transcode attempt fails once: the runner of attempt 1 is killed (SIGKILL, as the
// OOM killer would) as soon as it reports progress; jobs retries it and attempt 2 completes. Used to
// show that a retry publishes requests, never a fact again (issue 13: one meaning per event).
import { execFileSync } from 'node:child_process';
import type { BusEnvelope } from '@mediaflow/contracts';
import { generateClip } from '@mediaflow/processing/testing';
import type { ApiClient } from './api-client';

const pgrep = (args: string[]): number[] => {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
};

/**
 * The runner processes this test process's pool forked (the bundle of main/runner.ts, or main/runner.ts)
 * that are transcoding: they have an ffmpeg child, the pool's warm spares have none (tsx's and the
 * pool's esbuild helpers do not count).
 */
const runnersOf = (pid: number): number[] =>
  pgrep(['-P', String(pid), '-f', 'main/runner|mediaflow-runner/runner-']).filter((runner) => pgrep(['-P', String(runner)]).length > 0);

/** Waits until attempt 1 of `jobId` transcodes with progress, then kills its runner (the only one running). */
const killFirstAttempt = async (api: ApiClient, jobId: string, timeoutMs = 90_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await api.call('GET', `/v1/jobs/${jobId}`)).body;
    if (job?.status === 'transcoding' && job.attempt === 1 && (job.percent ?? 0) > 0) break;
    if (job?.status === 'completed')
      throw new Error('attempt 1 finished before it could be killed; use a longer clip');
    if (Date.now() > deadline) throw new Error(`never saw attempt 1 running: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const runners = runnersOf(process.pid);
  if (runners.length !== 1) throw new Error(`expected one runner to kill, found ${runners.length}`);
  process.kill(runners[0]!, 'SIGKILL');
};

/**
 * Uploads a clip long enough to be caught mid-transcode, kills attempt 1's runner, and resolves with
 * the job once it ended; it must have completed on attempt 2.
 */
export const runJobThatFailsOnce = async (api: ApiClient): Promise<{ jobId: string; job: { status: string } }> => {
  const clip = await generateClip('long-landscape');
  const { jobId } = await api.uploadFile(clip.path, 'video/mp4', 'sd');
  await killFirstAttempt(api, jobId);
  const job = await api.waitForJob(jobId, ['completed', 'failed'], 150_000);
  const attempts = (job.attempts as { attempt: number; outcome: string }[]).map((a) => [a.attempt, a.outcome]);
  if (job.status !== 'completed' || JSON.stringify(attempts) !== JSON.stringify([[1, 'failed'], [2, 'completed']])) {
    throw new Error(`expected attempt 1 failed and attempt 2 completed, got ${job.status}: ${JSON.stringify(attempts)}`);
  }
  return { jobId, job };
};

/** The public events a job published, by name: `{ JobCreated: 1, TranscodeRequested: 2, … }`. */
export const publishedPerName = (
  envelopes: readonly BusEnvelope[],
  jobId: string,
): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const e of envelopes) {
    const data = (e.detail as { data?: { jobId?: string } }).data;
    if (data?.jobId === jobId) counts[e['detail-type']] = (counts[e['detail-type']] ?? 0) + 1;
  }
  return counts;
};

/** Environment for a deployment that retries after 1 s instead of 10 s, so the test does not wait. */
export const QUICK_RETRY_ENV = { MEDIAFLOW_JOBS_RETRY_BACKOFF_SECONDS: '1' } as const;
