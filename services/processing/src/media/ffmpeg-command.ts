// Builds the ffmpeg argument lists for a plan (pure: no I/O). The transcoder runs the single-process
// command; the bench also runs the per-rung variant to show what decoding once saves.
import type { Plan } from '@mediaflow/media-planning';
import { buildAudioCommand } from './ffmpeg-command-audio';
import { buildImageCommand } from './ffmpeg-command-image';
import { buildPerRungCommands } from './ffmpeg-command-per-rung';
import { commandArgs, type FfmpegCommandSpec } from './ffmpeg-command-spec';
import { buildVideoCommand } from './ffmpeg-command-video';

export type { FfmpegCommandSpec, FfmpegOutputSpec } from './ffmpeg-command-spec';
export { commandArgs } from './ffmpeg-command-spec';
export { buildPerRungCommands } from './ffmpeg-command-per-rung';

/** The one command that makes every output of the plan (HLS still in `hls/<index>/` folders). */
export const buildSingleProcessCommand = (input: string, plan: Plan, outDir: string): FfmpegCommandSpec => {
  switch (plan.kind) {
    case 'video':
      return buildVideoCommand(input, plan, outDir);
    case 'audio':
      return buildAudioCommand(input, plan, outDir);
    case 'image':
      return buildImageCommand(input, plan, outDir);
  }
};

/** argv (without the ffmpeg binary) of the single-process command. Create `directories` first. */
export const buildSingleProcessArgs = (input: string, plan: Plan, outDir: string): string[] =>
  commandArgs(buildSingleProcessCommand(input, plan, outDir));

/**
 * One argv per process of the naive variant. Only video has rungs to split; audio and image plans
 * are a single process either way.
 */
export const buildPerRungArgs = (input: string, plan: Plan, outDir: string): string[][] =>
  plan.kind === 'video'
    ? buildPerRungCommands(input, plan, outDir).map(commandArgs)
    : [buildSingleProcessArgs(input, plan, outDir)];
