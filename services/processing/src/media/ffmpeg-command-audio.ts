// The single ffmpeg process for an audio file: one AAC encode written to HLS and the M4A download
// through `tee`, and a low-rate mono PCM copy the transcoder reduces to waveform peaks.
import { type AudioPlan, HLS_PLAYLIST_FILE, HLS_SEGMENT_PATTERN } from '@mediaflow/media-planning';
import { aacOptions, hlsMuxerOptions } from './ffmpeg-command-filters';
import {
  type FfmpegCommandSpec,
  inputOptionsFor,
  outPath,
  parentDir,
  teeSlave,
  teeTarget,
} from './ffmpeg-command-spec';
import { HLS_STAGING_DIR } from './ffmpeg-command-video';

/** Raw signed 16-bit little-endian mono samples, beside the waveform JSON they become. */
export const waveformPcmKey = (plan: AudioPlan): string => `${plan.waveform.key}.s16le`;

export const buildAudioCommand = (input: string, plan: AudioPlan, outDir: string): FfmpegCommandSpec => {
  const hlsDir = outPath(outDir, HLS_STAGING_DIR);
  // var_stream_map even for one stream: the same `hls/<index>/` layout as a video's renditions.
  const hls = teeSlave(
    {
      f: 'hls',
      ...hlsMuxerOptions(plan.hls.segmentSeconds),
      hls_segment_filename: `${hlsDir}/%v/${HLS_SEGMENT_PATTERN}`,
      var_stream_map: 'a:0',
    },
    `${hlsDir}/%v/${HLS_PLAYLIST_FILE}`,
  );
  const m4a = teeSlave({ f: 'ipod', movflags: '+faststart' }, outPath(outDir, plan.m4a.key));
  return {
    inputOptions: inputOptionsFor(input),
    input,
    filterComplex:
      `[0:a:0]asplit=2[enc][wave];` +
      `[wave]aresample=${plan.waveform.sampleRate},aformat=sample_fmts=s16:channel_layouts=mono[pcm]`,
    outputs: [
      {
        options: [
          '-map',
          '[enc]',
          ...aacOptions(plan.audio),
          '-flags',
          '+global_header',
          '-max_muxing_queue_size',
          '1024',
          '-f',
          'tee',
        ],
        target: teeTarget([hls, m4a]),
      },
      {
        options: ['-map', '[pcm]', '-c:a', 'pcm_s16le', '-f', 's16le'],
        target: outPath(outDir, waveformPcmKey(plan)),
      },
    ],
    directories: [hlsDir, parentDir(outDir, plan.m4a.key), parentDir(outDir, plan.waveform.key)],
  };
};
