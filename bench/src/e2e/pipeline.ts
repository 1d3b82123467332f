// The pipeline under test: the embedded all-in-one started in this process (as `npm start` runs it,
// on a free port and a fresh data folder), driven over its public API like a client: POST /v1/uploads,
// PUT the bytes to the presigned URL, POST complete, then GET /v1/jobs/{id} until the job ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAllInOne, type RunningDeployment } from '@mediaflow/embedded';
import { loadEmbeddedSettings } from '@mediaflow/embedded';
import { issueDevelopmentToken } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import type { FfmpegTimeline } from './ffmpeg-timeline';
import { runTimings, type JobTiming, type RunTimings } from './job-timing';

interface JobDocument {
  status: string;
  endedAt?: string;
  error?: unknown;
  attempts: Array<{ queuedAt: string; startedAt?: string; transcodeSeconds?: number }>;
}

export interface Pipeline {
  readonly url: string;
  /** Uploads `count` copies of the clip all at once ('concurrent') or each after the previous job ended. */
  run(name: string, count: number, mode: 'concurrent' | 'oneAtATime'): Promise<RunTimings>;
  stop(): Promise<void>;
}

interface PipelineSetup {
  readonly clip: string;
  readonly profile: string;
  readonly timeline: FfmpegTimeline;
  readonly jobTimeoutMs: number;
}

const seconds = (fromMs: number, toMs: number): number => (toMs - fromMs) / 1000;

export const startPipeline = async (setup: PipelineSetup): Promise<Pipeline> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-bench-e2e-'));
  const env = { ...process.env, MEDIAFLOW_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' };
  const settings = loadEmbeddedSettings(env);
  let deployment: RunningDeployment;
  try {
    deployment = await startAllInOne(settings, createLogger('bench-e2e'), env);
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const token = await issueDevelopmentToken({
    secret: deployment.secrets.jwt,
    sub: 'bench',
    ttlSeconds: 6 * 3600,
  });
  const bytes = fs.readFileSync(setup.clip);

  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${deployment.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };

  /** Uploads and completes one copy; resolves with the job id and when complete was sent (epoch ms). */
  const submit = async (): Promise<{ jobId: string; completeSentMs: number }> => {
    const ticket = await call<{ uploadId: string; url: string; headers?: Record<string, string> }>(
      'POST',
      '/v1/uploads',
      {
        filename: path.basename(setup.clip),
        contentType: 'video/mp4',
        size: bytes.length,
        profile: setup.profile,
      },
    );
    const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes });
    if (!put.ok) throw new Error(`PUT → ${put.status} ${await put.text()}`);
    const completeSentMs = Date.now();
    const { jobId } = await call<{ jobId: string }>('POST', `/v1/uploads/${ticket.uploadId}/complete`, {});
    return { jobId, completeSentMs };
  };

  /** The job once it ended; until jobs has consumed UploadCompleted, GET answers 404. */
  const ended = async (jobId: string, deadline: number): Promise<JobDocument> => {
    for (;;) {
      const res = await fetch(`${deployment.url}/v1/jobs/${jobId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await res.text();
      if (res.status !== 404 && !res.ok) throw new Error(`GET /v1/jobs/${jobId} → ${res.status} ${text}`);
      const job = res.ok ? (JSON.parse(text) as JobDocument) : undefined;
      if (job?.endedAt) return job;
      if (Date.now() > deadline)
        throw new Error(`job ${jobId} still ${job?.status ?? 'unknown'} after ${setup.jobTimeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const settle = async (jobId: string, completeSentMs: number): Promise<JobTiming> => {
    const job = await ended(jobId, completeSentMs + setup.jobTimeoutMs);
    if (job.status !== 'completed')
      throw new Error(`job ${jobId} ended ${job.status}: ${JSON.stringify(job.error)}`);
    const attempt = job.attempts.at(-1);
    const ffmpeg = await setup.timeline.spanOf(jobId);
    if (!attempt?.startedAt || !ffmpeg)
      throw new Error(`job ${jobId} has no started attempt or no ffmpeg run recorded`);
    const [validated, started, endMs] = [attempt.queuedAt, attempt.startedAt, job.endedAt!].map((t) =>
      Date.parse(t),
    ) as [number, number, number];
    return {
      jobId,
      startMs: completeSentMs,
      endMs,
      latencySeconds: seconds(completeSentMs, endMs),
      ffmpeg,
      ...(attempt.transcodeSeconds === undefined ? {} : { transcodeSeconds: attempt.transcodeSeconds }),
      phases: {
        toValidated: seconds(completeSentMs, validated),
        toStarted: seconds(validated, started),
        toFfmpeg: seconds(started, ffmpeg.firstStartMs),
        afterFfmpeg: seconds(ffmpeg.lastEndMs, endMs),
      },
    };
  };

  const runOnce = async (
    name: string,
    count: number,
    mode: 'concurrent' | 'oneAtATime',
  ): Promise<RunTimings> => {
    const jobs: JobTiming[] = [];
    if (mode === 'concurrent') {
      const submitted = await Promise.all(Array.from({ length: count }, submit));
      jobs.push(...(await Promise.all(submitted.map((s) => settle(s.jobId, s.completeSentMs)))));
    } else {
      for (let i = 0; i < count; i++) {
        const s = await submit();
        jobs.push(await settle(s.jobId, s.completeSentMs));
      }
    }
    return runTimings(name, jobs);
  };

  return {
    url: deployment.url,
    run: runOnce,
    stop: async () => {
      await deployment.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
