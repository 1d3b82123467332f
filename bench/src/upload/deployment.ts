// One embedded all-in-one with upload settings of its own (the tests' startTestDeployment, as
// `npm start` builds it), driven as the UI's development owner: jobs answer another owner's job 404,
// so every client of the bench is that owner.
import { issueDevelopmentToken } from '@mediaflow/http';
import { ApiClient } from '@mediaflow/tests';
import { startTestDeployment } from '@mediaflow/tests';

export interface BenchDeployment {
  readonly label: string;
  readonly url: string;
  readonly token: string;
  call<T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Resolves with the job's status once it is past created/probing (its probe of random bytes failed). */
  waitPastProbe(jobId: string, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

const PAST_PROBE = ['queued', 'transcoding', 'retry-scheduled', 'completed', 'failed', 'rejected', 'cancelled'];

export const startDeployment = async (label: string, settings: Readonly<Record<string, string>>): Promise<BenchDeployment> => {
  const t = await startTestDeployment({ ...settings });
  const owner = t.deployment.devOwner;
  const token = await issueDevelopmentToken({ secret: t.deployment.secrets.jwt, sub: owner, admin: true, ttlSeconds: 6 * 3600 });
  const api = new ApiClient(t.deployment.url, token);
  return {
    label,
    url: t.deployment.url,
    token,
    call: (method, route, body) => api.call(method, route, body),
    waitPastProbe: async (jobId, timeoutMs) => (await api.waitForJob(jobId, PAST_PROBE, timeoutMs)).status as string,
    stop: () => t.stop(),
  };
};
