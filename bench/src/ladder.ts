// bench/ladder: on one generated 1080p clip, wall and CPU seconds of (a) the runner's transcoder,
// (b) the same single ffmpeg command by hand (the limit), (c) one ffmpeg per rung, sequential and
// in parallel; prints medians, a/b with PASS/FAIL against the runner's 5 % budget, and b/c.
process.env.LOG_LEVEL ??= 'ERROR'; // the transcoder's JSON logs would bury the tables
import { performance } from 'node:perf_hooks';
import { mediaBinaries } from '@mediaflow/processing/media';
import { childCpuAvailable } from './ladder/child-cpu';
import { ffmpegLifetimeProbe } from './ladder/ffmpeg-lifetime';
import { measureVariants, type RunFigures } from './ladder/measure';
import { describePlan, planSource } from './ladder/plan-source';
import { summary, variantsTable } from './ladder/report';
import { loadLadderBenchSettings, variantsOfRep } from './ladder/settings';
import { sourceClip } from './ladder/source-clip';
import { processCount, type VariantName } from './ladder/variants';
import { failBench } from './shared/fail';
import { describeMachine } from './shared/machine';
import { fixed } from './shared/stats';
import { print } from './shared/table';

const runLine = (rep: number, variant: VariantName, f: RunFigures): string => {
  const inner =
    f.runnerFfmpegWall === undefined ? '' : `  (its ffmpeg lived ${fixed(f.runnerFfmpegWall, 3)} s)`;
  const cpu = `ffmpeg CPU ${fixed(f.ffmpegCpu, 2)} s  node CPU ${fixed(f.nodeCpu, 2)} s`;
  return `  rep ${rep + 1} ${variant.padEnd(15)} wall ${fixed(f.wall, 2)} s  ${cpu}${inner}`;
};

const main = async (): Promise<void> => {
  const s = loadLadderBenchSettings();
  const started = performance.now();
  const { ffmpeg, ffprobe } = mediaBinaries(process.env);
  print('bench/ladder: single-process ladder vs the runner vs one process per rung');
  print(`machine: ${describeMachine()}`);
  print(`ffmpeg:  ${ffmpeg.path} (version ${ffmpeg.version}, origin: ${ffmpeg.origin})`);
  print(`ffprobe: ${ffprobe.path} (version ${ffprobe.version}, origin: ${ffprobe.origin})`);
  print(
    childCpuAvailable()
      ? 'CPU: ffmpeg = cutime+cstime of /proc/self/stat (waited-for children), node = process.cpuUsage()'
      : 'CPU: /proc/self/stat not readable here, CPU columns are not meaningful',
  );

  const clipStarted = performance.now();
  const spec = { seconds: s.BENCH_CLIP_SECONDS, width: 1920, height: 1080, fps: 30 };
  const input = await sourceClip(ffmpeg, spec);
  const plan = await planSource(ffprobe, input, s.BENCH_PROFILE);
  const ready = fixed((performance.now() - clipStarted) / 1000, 1);
  print(`source:  ${input} (1920x1080 30 fps H.264 + AAC, ${spec.seconds} s; ready in ${ready} s)`);
  print(`plan:    profile "${s.BENCH_PROFILE}": ${describePlan(plan)}`);

  const probe = await ffmpegLifetimeProbe(ffmpeg.path);
  try {
    const job = { ffmpegPath: ffmpeg.path, runnerFfmpegPath: probe.ffmpegPath, input, plan };
    const which = `${s.BENCH_LADDER_VARIANTS.join(', ')} (perRungParallel: ${s.BENCH_LADDER_PARALLEL})`;
    print(`\n${s.BENCH_LADDER_REPS} repetitions of ${which}, forward then reversed order, alternately:`);
    const measured = await measureVariants(
      job,
      probe,
      (rep) => variantsOfRep(s, rep),
      s.BENCH_LADDER_REPS,
      (rep, variant, f) => print(runLine(rep, variant, f)),
    );
    const ran = s.BENCH_LADDER_VARIANTS.filter((v) => measured[v].length > 0);
    print("\nmedians (every run's wall in the last column):");
    print(variantsTable(measured, ran, (v) => processCount(v, job)));
    print(summary(measured, s.BENCH_RUNNER_TOLERANCE));
  } finally {
    await probe.dispose();
  }
  print(`\ntotal ${fixed((performance.now() - started) / 1000, 1)} s`);
};

main().catch(failBench('bench/ladder'));
