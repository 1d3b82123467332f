// The runner's bounds on ffmpeg as settings (part of processing's settings, read by the runner itself):
// generous enough for any upload the job policy accepts, tight enough that a hostile one stops.
import { z } from 'zod';
import { byteSizeSetting, intSetting, loadConfig, setting } from '@mediaflow/config';
import type { RunnerLimits } from './ffmpeg-limits';

const GIB = 2 ** 30;

export const RunnerLimitsEnvironmentShape = {
  MEDIAFLOW_RUNNER_MEMORY_LIMIT_BYTES: byteSizeSetting(
    { min: 64 * 2 ** 20, default: 8 * GIB },
    {
      description: "Address space one runner's ffmpeg may map (prlimit --as; virtual, so above its RSS); past it the attempt fails with RUNNER_MEMORY_LIMIT",
      defaultText: '8 GiB',
    },
  ),
  MEDIAFLOW_RUNNER_CPU_SECONDS_PER_MEDIA_SECOND: setting(
    z.coerce.number().positive().max(100_000),
    "CPU seconds (all threads) ffmpeg may use per second of the media's duration (prlimit --cpu); past it RUNNER_CPU_LIMIT",
  ).default(30),
  MEDIAFLOW_RUNNER_CPU_SECONDS_MIN: intSetting(
    { min: 1, max: 7 * 24 * 3600, default: 300 },
    'The CPU-time limit is never below this many seconds (stills, short clips)',
  ),
  MEDIAFLOW_RUNNER_OUTPUT_LIMIT_BYTES: byteSizeSetting(
    { min: 2 ** 20, default: 32 * GIB },
    { description: "Bytes one attempt's outputs may total; past it OUTPUT_SIZE_LIMIT", defaultText: '32 GiB' },
  ),
  MEDIAFLOW_RUNNER_OUTPUT_FILE_LIMIT: intSetting(
    { min: 10, max: 10_000_000, default: 50_000 },
    "Files one attempt's outputs may count (segments included); past it OUTPUT_FILE_COUNT_LIMIT",
  ),
};

const RunnerLimitsEnvironmentSchema = z.object(RunnerLimitsEnvironmentShape);

/** The bounds from the environment; a bad value stops the runner (as any invalid setting does). */
export const runnerLimitsFrom = (env: NodeJS.ProcessEnv): RunnerLimits => {
  const c = loadConfig(RunnerLimitsEnvironmentSchema, env);
  return {
    memoryBytes: c.MEDIAFLOW_RUNNER_MEMORY_LIMIT_BYTES,
    cpuSecondsPerMediaSecond: c.MEDIAFLOW_RUNNER_CPU_SECONDS_PER_MEDIA_SECOND,
    cpuSecondsMin: c.MEDIAFLOW_RUNNER_CPU_SECONDS_MIN,
    outputBytes: c.MEDIAFLOW_RUNNER_OUTPUT_LIMIT_BYTES,
    outputFiles: c.MEDIAFLOW_RUNNER_OUTPUT_FILE_LIMIT,
  };
};
