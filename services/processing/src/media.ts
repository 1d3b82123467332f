// @mediaflow/processing/media: the ffmpeg and ffprobe code the runner uses, for the benchmarks and
// the end-to-end tests: where the binaries are, the ffmpeg command builders, the prober and the transcoder.
export { mediaBinaries, mediaBinariesOrError, type MediaBinaries, type MediaBinary } from './media/ffmpeg-binaries';
export { mediaOriginLine } from './media/ffmpeg-origin';
export { sandboxLine, sandboxSupport, type SandboxSupport } from './media/ffmpeg-sandbox';
export { buildPerRungCommands, buildSingleProcessCommand, commandArgs, type FfmpegCommandSpec } from './media/ffmpeg-command';
export { FfprobeMediaProber } from './media/ffprobe-media-prober';
export { FfmpegTranscoder } from './media/ffmpeg-transcoder';
