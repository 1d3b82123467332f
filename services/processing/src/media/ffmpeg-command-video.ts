// The single ffmpeg process for a video: decode once, split to every rung, poster and storyboard;
// encode each rung once and write it both to HLS and (the download rung) to the MP4 through `tee`.
import { HLS_PLAYLIST_FILE, HLS_SEGMENT_PATTERN, type VideoPlan } from '@mediaflow/media-planning';
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
import {
  type FfmpegCommandSpec,
  inputOptionsFor,
  outPath,
  parentDir,
  teeSlave,
  teeTarget,
} from './ffmpeg-command-spec';

/**
 * ffmpeg names variant folders by index (`%v`); 4.1 has no `name:` in var_stream_map. Rungs come
 * first in plan order, the audio rendition last; the transcoder renames the folders afterwards.
 */
export const HLS_STAGING_DIR = 'hls';

export const videoVariantNames = (plan: VideoPlan): string[] => [
  ...plan.rungs.map((r) => r.name),
  ...(plan.audio ? [plan.audio.name] : []),
];

const varStreamMap = (plan: VideoPlan): string =>
  [...plan.rungs.map((_, i) => `v:${i}`), ...(plan.audio ? ['a:0'] : [])].join(' ');

const filterGraph = (plan: VideoPlan): string => {
  const branches = plan.rungs.length + 2;
  const head = [...frameRateFilter(plan), `split=${branches}`].join(',');
  const splitPads = [...plan.rungs.map((_, i) => `[s${i}]`), '[sposter]', '[sboard]'].join('');
  return [
    `[0:v:0]${head}${splitPads}`,
    ...plan.rungs.map((rung, i) => `[s${i}]${rungScaleFilter(rung)}[v${i}]`),
    `[sposter]${posterFilter(plan)}[poster]`,
    `[sboard]${storyboardFilter(plan.storyboard)}[board]`,
  ].join(';');
};

export const buildVideoCommand = (input: string, plan: VideoPlan, outDir: string): FfmpegCommandSpec => {
  const hlsDir = outPath(outDir, HLS_STAGING_DIR);
  const mp4Index = Math.max(
    0,
    plan.rungs.findIndex((r) => r.name === plan.mp4.rung),
  );
  const hls = teeSlave(
    {
      f: 'hls',
      ...hlsMuxerOptions(plan.hls.segmentSeconds),
      hls_segment_filename: `${hlsDir}/%v/${HLS_SEGMENT_PATTERN}`,
      var_stream_map: varStreamMap(plan),
    },
    `${hlsDir}/%v/${HLS_PLAYLIST_FILE}`,
  );
  const mp4 = teeSlave(
    { f: 'mp4', movflags: '+faststart', select: [`v:${mp4Index}`, ...(plan.audio ? ['a'] : [])].join(',') },
    outPath(outDir, plan.mp4.key),
  );
  const ladderOutput = {
    options: [
      ...plan.rungs.flatMap((_, i) => ['-map', `[v${i}]`]),
      ...(plan.audio ? ['-map', '0:a:0'] : []),
      ...x264Options(plan),
      ...plan.rungs.flatMap((rung, i) => rungEncoderOptions(rung, i)),
      ...(plan.audio ? aacOptions(plan.audio) : []),
      // tee cannot tell the encoders that mp4 and fMP4 want extradata in the header: say it here.
      '-flags',
      '+global_header',
      '-max_muxing_queue_size',
      '1024',
      '-f',
      'tee',
    ],
    target: teeTarget([hls, mp4]),
  };
  return {
    inputOptions: inputOptionsFor(input),
    input,
    filterComplex: filterGraph(plan),
    outputs: [
      ladderOutput,
      jpegStillOutput('poster', 2, outPath(outDir, plan.poster.key)),
      jpegStillOutput('board', 4, outPath(outDir, plan.storyboard.spriteKey)),
    ],
    directories: [
      hlsDir,
      ...[plan.mp4.key, plan.poster.key, plan.storyboard.spriteKey].map((k) => parentDir(outDir, k)),
    ],
  };
};
