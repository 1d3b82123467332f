// @mediaflow/processing/runner: the transcode runner (the Fargate task, the embedded child process):
// its use case, its job spec, its exit codes, which file to start it from and how a warm one gets its job.
export { runTranscodeJob, type RunnerDependencies } from './application/run-transcode-job';
export { JobSpecSchema, type JobSpec } from './application/job-spec';
export { RunnerExit } from './application/runner-exit';
export { preparedRunnerEntrypoint, runnerEntrypoint, type RunnerEntrypoint } from './adapters/local/runner-entrypoint';
export { WARM_RUNNER_ARG, type WarmRunnerJob } from './adapters/local/warm-runner-protocol';
