// @mediaflow/processing/runner: the transcode runner (the Fargate task, the embedded child process):
// its use case, its job spec, its exit codes, and which file to start it from.
export { runTranscodeJob, type RunnerDependencies } from './application/run-transcode-job';
export { JobSpecSchema, type JobSpec } from './application/job-spec';
export { RunnerExit } from './application/runner-exit';
export { runnerEntrypoint, type RunnerEntrypoint } from './adapters/local/runner-entrypoint';
