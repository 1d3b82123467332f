// The ffmpeg argument lists built from a plan (no ffmpeg run here), and the reading of ffmpeg's
// stderr into progress and failure reasons.
import { buildPerRungArgs, buildSingleProcessArgs } from '../../src/media/ffmpeg-command';
import { classifyFfmpegFailure } from '../../src/media/ffmpeg-command-failure';
import { outTimeSeconds, ProgressTracker } from '../../src/media/ffmpeg-command-progress';
import { teeSlave } from '../../src/media/ffmpeg-command-spec';
import { masterPlaylistText } from '../../src/media/hls-master-playlist';
import { planOutputs, profileByName, type VideoPlan } from '@mediaflow/media-planning';
import { audioInfo, videoInfo } from '../support/transcode-setup';

const profile = profileByName('default');
const plan = planOutputs(
  videoInfo({ width: 1920, height: 1080, seconds: 30, audio: true }),
  profile,
) as VideoPlan;
const valueAfter = (args: string[], flag: string): string => args[args.indexOf(flag) + 1] ?? '';

describe('building the single-process command', () => {
  const args = buildSingleProcessArgs('/in/source.mp4', plan, '/out');

  it('reads the input once and splits the decoded video to every rung, the poster and the storyboard', () => {
    expect(args.filter((a) => a === '-i')).toHaveLength(1);
    const graph = valueAfter(args, '-filter_complex');
    expect(graph).toMatch(/^\[0:v:0\]split=6\[s0\]\[s1\]\[s2\]\[s3\]\[sposter\]\[sboard\];/);
    expect(graph).toContain('[s2]scale=854:480:flags=bicubic,setsar=1,format=yuv420p[v2]');
    expect(graph).toContain('tile=6x1');
  });

  it('encodes each rung once with keyframes forced on the segment grid and scene cuts off', () => {
    expect(valueAfter(args, '-g')).toBe('100');
    expect(valueAfter(args, '-force_key_frames:v')).toBe('expr:gte(t,n_forced*4)');
    expect(valueAfter(args, '-x264-params')).toContain('scenecut=0');
    expect(valueAfter(args, '-b:v:0')).toBe('5000k');
    expect(valueAfter(args, '-level:v:3')).toBe('3.0');
  });

  it('writes HLS and the MP4 from the same encode through tee, with the variant map escaped for it', () => {
    const tee = valueAfter(args, 'tee');
    expect(tee).toContain('var_stream_map=v\\\\:0 v\\\\:1 v\\\\:2 v\\\\:3 a\\\\:0');
    expect(tee).toContain('hls_segment_type=fmp4');
    expect(tee).toContain('[f=mp4:movflags=+faststart:select=v\\\\:0,a]/out/mp4/1080p.mp4');
  });

  it('escapes tee separators in paths at both levels tee unescapes', () => {
    expect(teeSlave({ f: 'mp4' }, "/a|b'c")).toBe("[f=mp4]/a\\|b\\'c");
    expect(teeSlave({ x: "p:q'r" }, '/o')).toBe("[x=p\\\\:q\\\\\\'r]/o");
  });

  it('builds audio and image commands as single processes too', () => {
    const audio = planOutputs(audioInfo(10), profile);
    expect(buildPerRungArgs('/in/a.m4a', audio, '/out')).toEqual([
      buildSingleProcessArgs('/in/a.m4a', audio, '/out'),
    ]);
  });
});

describe('building the per-rung commands', () => {
  it('makes one process per rung plus audio, MP4 and stills, each decoding the input itself', () => {
    const commands = buildPerRungArgs('/in/source.mp4', plan, '/out');
    expect(commands).toHaveLength(plan.rungs.length + 3);
    for (const args of commands) expect(args.filter((a) => a === '-i')).toHaveLength(1);
    expect(commands[1]).toContain('/out/hls/720p/playlist.m3u8');
    expect(commands[4]).toContain('/out/hls/audio/playlist.m3u8');
  });
});

describe('reading ffmpeg progress', () => {
  it('reads out_time and ignores the placeholders before the first frame', () => {
    expect(outTimeSeconds('out_time=00:01:02.500000')).toBe(62.5);
    expect(outTimeSeconds('out_time=N/A')).toBeUndefined();
    expect(outTimeSeconds('out_time=-577014:32:22.775808')).toBeUndefined();
  });

  it('reports a clamped percent that never goes back, holding 100 for the end', () => {
    const seen: number[] = [];
    const tracker = new ProgressTracker(10, (p) => seen.push(p));
    for (const t of ['00:00:02.000000', '00:00:01.000000', '00:00:05.000000', '00:00:12.000000'])
      tracker.observe(`out_time=${t}`);
    tracker.finish();
    expect(seen).toEqual([20, 50, 99, 100]);
  });
});

describe('classifying ffmpeg failures', () => {
  it('treats a full disk and a killed process as retryable', () => {
    expect(
      classifyFfmpegFailure(['av_interleaved_write_frame(): No space left on device'], { code: 1 }),
    ).toMatchObject({ retryable: true, reason: expect.stringMatching(/disk is full/) });
    expect(classifyFfmpegFailure(['frame= 10'], { signal: 'SIGKILL' })).toMatchObject({
      retryable: true,
      reason: 'ffmpeg was killed by SIGKILL',
    });
  });

  it('treats decoding errors as permanent and ignores progress lines in the reason', () => {
    const failure = classifyFfmpegFailure(['[h264 @ 0x1] error while decoding MB 3 4', 'progress=continue'], {
      code: 1,
    });
    expect(failure).toMatchObject({ retryable: false, reason: expect.stringMatching(/decoding errors/) });
  });
});

describe('writing the master playlist', () => {
  it('lists an audio group and adds its bandwidth to each video variant', () => {
    const text = masterPlaylistText(
      [
        {
          uri: '720p/playlist.m3u8',
          bitrate: { peakBps: 3_000_000, averageBps: 2_500_000 },
          codecs: 'avc1.64001f',
          width: 1280,
          height: 720,
          frameRate: 30000 / 1001,
        },
      ],
      {
        uri: 'audio/playlist.m3u8',
        bitrate: { peakBps: 130_000, averageBps: 128_000 },
        codecs: 'mp4a.40.2',
        channels: 2,
      },
    );
    expect(text).toContain(
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="default",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio/playlist.m3u8"',
    );
    expect(text).toContain(
      '#EXT-X-STREAM-INF:BANDWIDTH=3130000,AVERAGE-BANDWIDTH=2628000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=1280x720,FRAME-RATE=29.970,AUDIO="audio"\n720p/playlist.m3u8',
    );
  });
});
