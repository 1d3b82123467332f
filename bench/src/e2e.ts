// bench/e2e: N concurrent small uploads through the embedded all-in-one (started in this process, driven
// over HTTP like a client), against the same N clips through the runner's use case alone (no services),
// sequentially and in parallel. Prints jobs per minute, p50/p99 latency from POST complete to
// JobCompleted, the pipeline's overhead (latency minus the job's ffmpeg time), where the time went,
// and the ratios.
process.env.LOG_LEVEL ??= 'ERROR'; // the services' and runners' JSON logs would bury the tables
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createLogger } from '@mediaflow/logging';
import { mediaBinaries } from '@mediaflow/processing/media';
import { runBaseline, type BaselineSetup } from './e2e/baseline';
import { startFfmpegTimeline } from './e2e/ffmpeg-timeline';
import type { RunTimings } from './e2e/job-timing';
import { startPipeline } from './e2e/pipeline';
import { goalLines, phasesTable, ratioLines, runsTable } from './e2e/report';
import { describeRunnerStart, measureRunnerStart } from './e2e/runner-start';
import { loadE2eBenchSettings } from './e2e/settings';
import { describePlan, planSource } from './ladder/plan-source';
import { sourceClip } from './ladder/source-clip';
import { failBench } from './shared/fail';
import { describeMachine } from './shared/machine';
import { fixed } from './shared/stats';
import { print } from './shared/table';

const DEFINITIONS = [
  "latency: pipeline = POST /v1/uploads/{id}/complete sent → JobCompleted (the job's endedAt in GET /v1/jobs/{id});",
  '         baseline = runTranscodeJob() called → returned (probe, plan, FfmpegTranscoder, store outputs on local disk).',
  "ffmpeg:  the time the job's ffmpeg processes ran (union of their lifetimes), recorded by a timing wrapper given to the",
  "         runner as FFMPEG_PATH. transcodeSeconds: the runner's own figure (every ffmpeg and the playlists), read from",
  '         the attempt in GET /v1/jobs/{id} (TranscodeFinished.v1) for the pipeline, from runTranscodeJob() for the baseline.',
  'overhead = latency − ffmpeg; outside runner = latency − transcodeSeconds. TranscodeStarted = the runner began (its first report).',
  'p99 of N samples is the nearest rank: with N < 100 it is the slowest job.',
];

const main = async (): Promise<void> => {
  const s = loadE2eBenchSettings();
  const started = performance.now();
  const { ffmpeg, ffprobe } = mediaBinaries(process.env);
  const [width, height] = s.BENCH_E2E_CLIP_SIZE;
  print(
    `bench/e2e: ${s.BENCH_E2E_JOBS} concurrent uploads through the embedded all-in-one vs the runner use case alone`,
  );
  print(`machine: ${describeMachine()}`);
  print(`ffmpeg:  ${ffmpeg.path} (version ${ffmpeg.version}, origin: ${ffmpeg.origin})`);
  print(`ffprobe: ${ffprobe.path} (version ${ffprobe.version}, origin: ${ffprobe.origin})`);
  const clip = await sourceClip(ffmpeg, { seconds: s.BENCH_E2E_CLIP_SECONDS, width, height, fps: 25 });
  const plan = await planSource(ffprobe, clip, s.BENCH_E2E_PROFILE);
  print(
    `source:  ${width}x${height} 25 fps H.264 + AAC, ${s.BENCH_E2E_CLIP_SECONDS} s, ${fixed(fs.statSync(clip).size / 1024, 0)} KiB`,
  );
  print(`plan:    profile "${s.BENCH_E2E_PROFILE}": ${describePlan(plan)}`);
  print(
    `runner pool: ${s.MEDIAFLOW_RUNNER_CONCURRENCY} at once (MEDIAFLOW_RUNNER_CONCURRENCY, default the core count)`,
  );
  print(DEFINITIONS.join('\n'));

  const timeline = await startFfmpegTimeline(ffmpeg.path);
  // Runner children inherit this process's environment: their ffmpeg is the timing wrapper too.
  process.env.FFMPEG_PATH = timeline.wrapperPath;
  process.env.MEDIAFLOW_RUNNER_CONCURRENCY = String(s.MEDIAFLOW_RUNNER_CONCURRENCY);
  const n = s.BENCH_E2E_JOBS;
  const w = s.MEDIAFLOW_RUNNER_CONCURRENCY;
  try {
    const setup: BaselineSetup = {
      clip,
      profile: s.BENCH_E2E_PROFILE,
      ffprobe,
      timeline,
      logger: createLogger('bench-e2e'),
    };
    print('\nbaseline (no services): one warm-up job, then the runs');
    await runBaseline(setup, 'warm-up', 1, 1);
    const sequential = await runBaseline(setup, 'baseline sequential', n, 1);
    const parallelAtWidth = await runBaseline(setup, `baseline parallel x${w}`, n, w);
    const parallelAll = await runBaseline(setup, `baseline parallel x${n}`, n, n);

    const runnerStart = await measureRunnerStart(3);

    print('pipeline (embedded all-in-one, in this process): one warm-up job, then the runs');
    const pipeline = await startPipeline({
      clip,
      profile: s.BENCH_E2E_PROFILE,
      timeline,
      jobTimeoutMs: s.BENCH_E2E_JOB_TIMEOUT_SECONDS * 1000,
    });
    let concurrent: RunTimings;
    let serial: RunTimings | undefined;
    try {
      await pipeline.run('warm-up', 1, 'oneAtATime');
      concurrent = await pipeline.run(`pipeline ${n} concurrent`, n, 'concurrent');
      if (s.BENCH_E2E_SKIP_SERIAL === '0')
        serial = await pipeline.run('pipeline one at a time', n, 'oneAtATime');
    } finally {
      await pipeline.stop();
    }

    const pipelineRuns = serial ? [concurrent, serial] : [concurrent];
    print(`\nruns (seconds; ${n} jobs each)`);
    print(runsTable([sequential, parallelAtWidth, parallelAll, ...pipelineRuns]));
    print("where a pipeline job's time went");
    print(phasesTable(pipelineRuns));
    print(describeRunnerStart(runnerStart));
    print('ratios');
    for (const line of ratioLines({ concurrent, serial, sequential, parallelAtWidth, parallelAll }))
      print(`  ${line}`);
    print('goals (issue 15)');
    for (const line of goalLines({ concurrent, serial, sequential, parallelAtWidth, parallelAll }))
      print(`  ${line}`);
  } finally {
    await timeline.dispose();
  }
  print(`\ntotal ${fixed((performance.now() - started) / 1000, 1)} s`);
};

main().catch(failBench('bench/e2e'));
