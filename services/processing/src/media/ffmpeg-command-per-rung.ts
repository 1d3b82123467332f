// The naive alternative the bench measures the single process against: one ffmpeg per rung (each
// decoding the input again), one for the audio rendition, one for the MP4, one for poster+storyboard.
// Outputs land at their final keys directly (no `%v` folders); the master playlist is not written.
import { HLS_SEGMENT_PATTERN, outputKeys, type VideoPlan, type VideoRungPlan } from '@mediaflow/media-planning';
import {
  aacOptions,
  frameRateFilter,
  hlsMuxerOptions,
  jpegStillOutput,
  posterFilter,
  rungEncoderOptions,
  rungScaleFilter,
  storyboardFilter,
  x264Options,
} from './ffmpeg-command-filters';
import { type FfmpegCommandSpec, inputOptionsFor, outPath, parentDir } from './ffmpeg-command-spec';

const hlsOptions = (plan: VideoPlan, rendition: string, outDir: string): string[] => [
  ...Object.entries(hlsMuxerOptions(plan.hls.segmentSeconds)).flatMap(([k, v]) => [`-${k}`, v]),
  '-hls_segment_filename',
  `${outPath(outDir, outputKeys.hlsDir(rendition))}/${HLS_SEGMENT_PATTERN}`,
  '-f',
  'hls',
];

const videoChain = (plan: VideoPlan, rung: VideoRungPlan): string =>
  [...frameRateFilter(plan), rungScaleFilter(rung)].join(',');

const rungCommand = (
  input: string,
  plan: VideoPlan,
  rung: VideoRungPlan,
  outDir: string,
): FfmpegCommandSpec => ({
  inputOptions: inputOptionsFor(input),
  input,
  filterComplex: `[0:v:0]${videoChain(plan, rung)}[v]`,
  outputs: [
    {
      options: [
        '-map',
        '[v]',
        ...x264Options(plan),
        ...rungEncoderOptions(rung, 0),
        ...hlsOptions(plan, rung.name, outDir),
      ],
      target: outPath(outDir, outputKeys.hlsPlaylist(rung.name)),
    },
  ],
  directories: [outPath(outDir, outputKeys.hlsDir(rung.name))],
});

const audioCommand = (input: string, plan: VideoPlan, outDir: string): FfmpegCommandSpec[] => {
  if (!plan.audio) return [];
  return [
    {
      inputOptions: inputOptionsFor(input),
      input,
      outputs: [
        {
          options: ['-map', '0:a:0', ...aacOptions(plan.audio), ...hlsOptions(plan, plan.audio.name, outDir)],
          target: outPath(outDir, plan.audio.playlistKey),
        },
      ],
      directories: [outPath(outDir, outputKeys.hlsDir(plan.audio.name))],
    },
  ];
};

const mp4Command = (input: string, plan: VideoPlan, outDir: string): FfmpegCommandSpec => {
  const rung = plan.rungs.find((r) => r.name === plan.mp4.rung) ?? plan.rungs[0];
  if (!rung) throw new Error('a video plan without rungs');
  return {
    inputOptions: inputOptionsFor(input),
    input,
    filterComplex: `[0:v:0]${videoChain(plan, rung)}[v]`,
    outputs: [
      {
        options: [
          '-map',
          '[v]',
          ...(plan.audio ? ['-map', '0:a:0', ...aacOptions(plan.audio)] : []),
          ...x264Options(plan),
          ...rungEncoderOptions(rung, 0),
          '-movflags',
          '+faststart',
          '-f',
          'mp4',
        ],
        target: outPath(outDir, plan.mp4.key),
      },
    ],
    directories: [parentDir(outDir, plan.mp4.key)],
  };
};

const stillsCommand = (input: string, plan: VideoPlan, outDir: string): FfmpegCommandSpec => ({
  inputOptions: inputOptionsFor(input),
  input,
  filterComplex: `[0:v:0]split=2[a][b];[a]${posterFilter(plan)}[poster];[b]${storyboardFilter(plan.storyboard)}[board]`,
  outputs: [
    jpegStillOutput('poster', 2, outPath(outDir, plan.poster.key)),
    jpegStillOutput('board', 4, outPath(outDir, plan.storyboard.spriteKey)),
  ],
  directories: [parentDir(outDir, plan.poster.key), parentDir(outDir, plan.storyboard.spriteKey)],
});

export const buildPerRungCommands = (input: string, plan: VideoPlan, outDir: string): FfmpegCommandSpec[] => [
  ...plan.rungs.map((rung) => rungCommand(input, plan, rung, outDir)),
  ...audioCommand(input, plan, outDir),
  mp4Command(input, plan, outDir),
  stillsCommand(input, plan, outDir),
];
