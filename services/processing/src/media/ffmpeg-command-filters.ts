// Filter-graph and encoder fragments shared by the single-process and the per-rung commands.
import { type AudioRenditionPlan, HLS_FIRST_SEGMENT, type StoryboardPlan, type VideoPlan, type VideoRungPlan } from '@mediaflow/media-planning';

/** Quotes protect the commas from the graph parser; `\,` protects them from the option parser. */
const expr = (text: string): string => `'${text.replace(/,/g, '\\,')}'`;

/** Resampling only when the plan asks: a CFR source passes untouched. */
export const frameRateFilter = (plan: VideoPlan): string[] =>
  plan.frameRate.resample ? [`fps=${plan.frameRate.expression}`] : [];

export const rungScaleFilter = (rung: Pick<VideoRungPlan, 'width' | 'height'>): string =>
  `scale=${rung.width}:${rung.height}:flags=bicubic,setsar=1,format=yuv420p`;

/** The first frame at or after the poster time, then nothing: the select drops the rest cheaply. */
export const posterFilter = (plan: VideoPlan): string =>
  `select=${expr(`isnan(prev_selected_t)*gte(t,${plan.poster.atSeconds.toFixed(3)})`)},` +
  `scale=${plan.poster.width}:${plan.poster.height}:flags=bicubic,setsar=1,format=yuvj420p`;

/**
 * One frame per interval slot (the first frame whose time falls in a new slot), so thumbnail i is at
 * i × interval exactly as the VTT says; the tile filter flushes a partial last sheet at the end.
 */
export const storyboardFilter = (sb: StoryboardPlan): string => {
  const slot = (t: string): string => `floor(${t}/${sb.intervalSeconds}+0.000001)`;
  return (
    `select=${expr(`isnan(prev_selected_t)+gt(${slot('t')},${slot('prev_selected_t')})`)},` +
    `scale=${sb.tileWidth}:${sb.tileHeight}:flags=bicubic,setsar=1,tile=${sb.columns}x${sb.rows},format=yuvj420p`
  );
};

/**
 * Keyframes on the segment grid in every rung: forced by time, a fixed GOP, no scene-cut keyframes,
 * so each rung's segments start at the same instants and players switch rungs cleanly.
 */
export const x264Options = (plan: VideoPlan): string[] => [
  '-c:v',
  'libx264',
  '-preset',
  plan.encoder.preset,
  '-g',
  String(plan.gopFrames),
  '-keyint_min',
  String(plan.gopFrames),
  '-x264-params',
  'scenecut=0:open_gop=0',
  '-force_key_frames:v',
  `expr:gte(t,n_forced*${plan.hls.segmentSeconds})`,
];

/** Per-rung x264 settings of output video stream `index` (its position among the output's video streams). */
export const rungEncoderOptions = (rung: VideoRungPlan, index: number): string[] => [
  `-profile:v:${index}`,
  rung.h264Profile,
  `-level:v:${index}`,
  rung.h264Level,
  `-b:v:${index}`,
  `${rung.videoBitrateKbps}k`,
  `-maxrate:v:${index}`,
  `${rung.maxrateKbps}k`,
  `-bufsize:v:${index}`,
  `${rung.bufsizeKbps}k`,
];

export const aacOptions = (audio: AudioRenditionPlan): string[] => [
  '-c:a',
  'aac',
  '-b:a',
  `${audio.bitrateKbps}k`,
  '-ac',
  String(audio.channels),
  '-ar',
  String(audio.sampleRate),
];

/** A single still from a filter-graph pad: JPEG through image2, which writes one file with -update. */
export const jpegStillOutput = (
  pad: string,
  qscale: number,
  target: string,
): { options: string[]; target: string } => ({
  options: [
    '-map',
    `[${pad}]`,
    '-frames:v',
    '1',
    '-c:v',
    'mjpeg',
    '-q:v',
    String(qscale),
    '-f',
    'image2',
    '-update',
    '1',
  ],
  target,
});

/** HLS muxer options shared by every HLS output: fMP4 (CMAF) segments, a VOD playlist with all segments. */
export const hlsMuxerOptions = (segmentSeconds: number): Record<string, string> => ({
  hls_time: String(segmentSeconds),
  hls_playlist_type: 'vod',
  hls_list_size: '0',
  hls_segment_type: 'fmp4',
  hls_flags: 'independent_segments',
  start_number: String(HLS_FIRST_SEGMENT),
});
