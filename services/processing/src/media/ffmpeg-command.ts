// Builds the ffmpeg argument lists for a plan (pure: no I/O). The transcoder runs the single-process
// command; the bench also runs the per-rung variant to show what decoding once saves.
import type { Plan, VideoPlan } from '@mediaflow/media-planning';
import { buildAudioCommand } from './ffmpeg-command-audio';
import { buildImageCommand } from './ffmpeg-command-image';
import { buildPerRungCommands as unguardedPerRung } from './ffmpeg-command-per-rung';
import { commandArgs, type FfmpegCommandSpec } from './ffmpeg-command-spec';
import { buildVideoCommand } from './ffmpeg-command-video';
import { guardedInputName, guardOptions, type InputGuard, inputGuard } from './ffmpeg-input-guard';

export type { FfmpegCommandSpec, FfmpegOutputSpec } from './ffmpeg-command-spec';
export { commandArgs } from './ffmpeg-command-spec';

/** Without a guard from the caller: the protocols the input needs, the usual containers of the plan's kind. */
const defaultGuard = (input: string, plan: Plan): InputGuard => inputGuard(input, plan.kind, { network: 'host' });

/** Every command reads its input through the guard: its whitelists, and a local path as `file:`. */
const guarded = (spec: FfmpegCommandSpec, guard: InputGuard): FfmpegCommandSpec => ({
  ...spec,
  inputOptions: [...spec.inputOptions, ...guardOptions(guard)],
  input: guardedInputName(spec.input),
});

const unguardedCommand = (input: string, plan: Plan, outDir: string): FfmpegCommandSpec => {
  switch (plan.kind) {
    case 'video':
      return buildVideoCommand(input, plan, outDir);
    case 'audio':
      return buildAudioCommand(input, plan, outDir);
    case 'image':
      return buildImageCommand(input, plan, outDir);
  }
};

/** The one command that makes every output of the plan (HLS still in `hls/<index>/` folders). */
export const buildSingleProcessCommand = (
  input: string,
  plan: Plan,
  outDir: string,
  guard: InputGuard = defaultGuard(input, plan),
): FfmpegCommandSpec => guarded(unguardedCommand(input, plan, outDir), guard);

/** argv (without the ffmpeg binary) of the single-process command. Create `directories` first. */
export const buildSingleProcessArgs = (input: string, plan: Plan, outDir: string): string[] =>
  commandArgs(buildSingleProcessCommand(input, plan, outDir));

/** The naive variant's commands (the bench's baseline), each reading its input through the guard. */
export const buildPerRungCommands = (
  input: string,
  plan: VideoPlan,
  outDir: string,
  guard: InputGuard = defaultGuard(input, plan),
): FfmpegCommandSpec[] => unguardedPerRung(input, plan, outDir).map((spec) => guarded(spec, guard));

/**
 * One argv per process of the naive variant. Only video has rungs to split; audio and image plans
 * are a single process either way.
 */
export const buildPerRungArgs = (input: string, plan: Plan, outDir: string): string[][] =>
  plan.kind === 'video'
    ? buildPerRungCommands(input, plan, outDir).map(commandArgs)
    : [buildSingleProcessArgs(input, plan, outDir)];
