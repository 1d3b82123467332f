// One embedded all-in-one (as `npm start` builds it) started in this process on a free port and a
// fresh data folder, with upload settings of its own, plus what the variants need to drive it: an
// admin token, JSON calls, and a wait for a job to get past its probe.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAllInOne, type RunningDeployment } from '@mediaflow/embedded/src/all-in-one';
import { loadEmbeddedConfig } from '@mediaflow/embedded/src/embedded-config';
import { issueDevelopmentToken } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';

export interface BenchDeployment {
  readonly label: string;
  readonly url: string;
  /** Token of the UI's development owner: jobs answer another owner's job 404, so every client is that owner. */
  readonly token: string;
  call<T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Resolves once the job exists and is past created/probing (its probe of random bytes failed). */
  waitPastProbe(jobId: string, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

const STILL_PROBING = new Set(['created', 'probing']);

export const startDeployment = async (
  label: string,
  settings: Readonly<Record<string, string>>,
): Promise<BenchDeployment> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-bench-upload-data-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...settings,
    MEDIAFLOW_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const config = loadEmbeddedConfig(env);
  let deployment: RunningDeployment;
  try {
    deployment = await startAllInOne(config, createLogger(`bench-upload-${label}`), env);
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const token = await issueDevelopmentToken({
    secret: deployment.secrets.jwt,
    sub: config.MEDIAFLOW_DEV_OWNER,
    admin: true,
    ttlSeconds: 6 * 3600,
  });

  const call = async <T>(method: string, route: string, body?: unknown) => {
    const res = await fetch(`${deployment.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok && res.status !== 404 && res.status !== 409)
      throw new Error(`${method} ${route} → ${res.status} ${text}`);
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  const waitPastProbe = async (jobId: string, timeoutMs: number): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status, body } = await call<{ status: string }>('GET', `/v1/jobs/${jobId}`);
      // 404 until jobs has consumed UploadCompleted.
      if (status === 200 && !STILL_PROBING.has(body.status)) return body.status;
      if (Date.now() > deadline)
        throw new Error(
          `job ${jobId} still ${status === 200 ? body.status : 'unknown'} after ${timeoutMs} ms`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  return {
    label,
    url: deployment.url,
    token,
    call,
    waitPastProbe,
    stop: async () => {
      await deployment.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
