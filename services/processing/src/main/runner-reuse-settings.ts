// How long an embedded pool's runner process lives: it takes attempt after attempt while they succeed,
// and ends (the pool forks a fresh one) after a set number of them or once its memory has grown past
// a bound, so whatever a job leaves behind in the process (a leak, a fragmented heap) is bounded too.
import { z } from 'zod';
import { byteSizeSetting, intSetting, loadConfig } from '@mediaflow/config';

const MIB = 2 ** 20;

export const RunnerReuseEnvironmentShape = {
  MEDIAFLOW_RUNNER_JOBS_PER_PROCESS: intSetting(
    { min: 1, max: 100_000, default: 50 },
    'Embedded: attempts one runner process runs, one after another, before it is replaced (1: a fresh process per attempt). A process that fails, is cancelled or crashes is never reused',
  ),
  MEDIAFLOW_RUNNER_RECYCLE_RSS_BYTES: byteSizeSetting(
    { min: 64 * MIB, default: 512 * MIB },
    {
      description: 'Embedded: a runner process whose resident memory is above this after an attempt is replaced instead of reused',
      defaultText: '512 MiB',
    },
  ),
};

const RunnerReuseEnvironmentSchema = z.object(RunnerReuseEnvironmentShape);

export interface RunnerReuse {
  readonly jobsPerProcess: number;
  readonly recycleRssBytes: number;
}

export const runnerReuseFrom = (env: NodeJS.ProcessEnv): RunnerReuse => {
  const c = loadConfig(RunnerReuseEnvironmentSchema, env);
  return { jobsPerProcess: c.MEDIAFLOW_RUNNER_JOBS_PER_PROCESS, recycleRssBytes: c.MEDIAFLOW_RUNNER_RECYCLE_RSS_BYTES };
};

/** Whether a process that just finished its `jobsDone`-th attempt successfully takes another. */
export const takesAnotherJob = (reuse: RunnerReuse, jobsDone: number, rssBytes: number): boolean =>
  jobsDone < reuse.jobsPerProcess && rssBytes <= reuse.recycleRssBytes;
