// Real ffmpeg on the shared 1080p clip with audio (2 s, 15 fps): one transcode, then every output
// checked with ffprobe and by reading the playlists and boxes, the way a player would see them.
import fs from 'node:fs/promises';
import path from 'node:path';
import { readAvcCodecs } from '../../src/media/hls-media-playlist';
import { planOutputs, plannedFiles, type VideoPlan } from '@mediaflow/media-planning';
import type { ProducedFile } from '../../src/ports/transcoder';
import { generateClip } from '../../src/testing/clips';
import { tempDir } from '../support/transcode-fixtures';
import { fastProfile, infoForClip, quietTranscoder } from '../support/transcode-setup';
import { expectSegmentDurations, readMaster, readMediaPlaylist } from '../support/transcode-hls-checks';
import { keyframeTimes, probeStreams, topLevelBoxes, videoSize } from '../support/transcode-inspection';

jest.setTimeout(120_000);

let seconds: number;
let outDir: string;
let plan: VideoPlan;
let produced: ProducedFile[];
const progress: number[] = [];

beforeAll(async () => {
  const clip = await generateClip('landscape');
  const info = infoForClip(clip);
  seconds = info.durationSeconds;
  outDir = await tempDir('transcode-video');
  plan = planOutputs(info, fastProfile()) as VideoPlan;
  produced = await quietTranscoder().transcode(clip.path, plan, outDir, {
    durationSeconds: seconds,
    onProgress: (p) => progress.push(p),
  });
});

afterAll(() => (process.env.KEEP_OUT ? undefined : fs.rm(outDir, { recursive: true, force: true })));

const segmentsOf = (rendition: string): string[] =>
  produced
    .filter((f) => f.kind === 'hls-segment' && f.key.startsWith(`hls/${rendition}/`))
    .map((f) => f.path);

describe('transcoding a 1080p landscape clip with audio in one ffmpeg process', () => {
  it('reports every planned file and every segment, all at their keys and nothing staged left behind', async () => {
    const keys = produced.map((f) => f.key);
    for (const file of plannedFiles(plan)) expect(keys).toContain(file.key);
    expect(keys).toContain('hls/720p/init.mp4');
    expect(keys).toContain('hls/720p/seg_00001.m4s');
    for (const f of produced) expect((await fs.stat(f.path)).size).toBe(f.sizeBytes);
    expect((await fs.readdir(outDir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('encodes each rung at its planned even size, never above the source', async () => {
    expect(plan.rungs.map((r) => r.name)).toEqual(['1080p', '720p', '480p', '360p']);
    for (const rung of plan.rungs) {
      expect(await videoSize(path.join(outDir, rung.initKey))).toEqual({
        width: rung.width,
        height: rung.height,
      });
    }
  });

  it('cuts segments of the planned length and writes complete VOD media playlists', async () => {
    for (const key of [...plan.rungs.map((r) => r.playlistKey), plan.audio?.playlistKey ?? '']) {
      const playlist = await readMediaPlaylist(outDir, key);
      expect(playlist.version).toBeGreaterThanOrEqual(7);
      expect(playlist.mapUri).toBe('init.mp4');
      expect(playlist.targetDurationSeconds).toBe(1);
      expect(playlist.text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
      expect(playlist.ended).toBe(true);
      expect(playlist.segments[0]?.uri).toBe('seg_00001.m4s');
      expectSegmentDurations(playlist, 1);
    }
  });

  it('puts keyframes at the same instants in every rung, one per segment start', async () => {
    const boundaries = await Promise.all(
      plan.rungs.map(async (r) =>
        (await readMediaPlaylist(outDir, r.playlistKey)).segments.map((s) => s.durationSeconds),
      ),
    );
    for (const b of boundaries) expect(b).toEqual(boundaries[0]);
    const times = await Promise.all(
      plan.rungs.map((r) =>
        keyframeTimes(
          path.join(outDir, r.initKey),
          segmentsOf(r.name),
          path.join(outDir, `${r.name}.joined.mp4`),
        ),
      ),
    );
    for (const t of times) expect(t).toEqual(times[0]);
    expect(times[0]).toHaveLength(boundaries[0]?.length ?? -1);
  });

  it('writes a master playlist with CODECS, RESOLUTION, BANDWIDTH and FRAME-RATE per rung and the audio group', async () => {
    const master = await readMaster(outDir, plan.hls.masterKey);
    expect(master.text).toMatch(/^#EXTM3U\n#EXT-X-VERSION:7\n/);
    expect(master.media).toEqual([
      expect.objectContaining({ TYPE: 'AUDIO', 'GROUP-ID': 'audio', URI: 'audio/playlist.m3u8' }),
    ]);
    expect(master.variants.map((v) => v.uri)).toEqual(plan.rungs.map((r) => `${r.name}/playlist.m3u8`));
    for (const [i, rung] of plan.rungs.entries()) {
      const attributes: Record<string, string> = master.variants[i]?.attributes ?? {};
      const avc = await readAvcCodecs(path.join(outDir, rung.initKey));
      expect(attributes.CODECS).toBe(`${avc},mp4a.40.2`);
      expect(attributes.RESOLUTION).toBe(`${rung.width}x${rung.height}`);
      expect(attributes['FRAME-RATE']).toBe('15.000');
      expect(attributes.AUDIO).toBe('audio');
      expect(Number(attributes.BANDWIDTH)).toBeGreaterThanOrEqual(Number(attributes['AVERAGE-BANDWIDTH']));
      expect(Number(attributes['AVERAGE-BANDWIDTH'])).toBeGreaterThan(0);
    }
  });

  it('writes a progressive MP4 of the top rung with moov before mdat', async () => {
    const boxes = await topLevelBoxes(path.join(outDir, plan.mp4.key));
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    const { streams, durationSeconds } = await probeStreams(path.join(outDir, plan.mp4.key));
    expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1920, height: 1080 });
    expect(Math.abs(durationSeconds - seconds)).toBeLessThan(0.2);
  });

  it('writes a poster of the planned size', async () => {
    expect(await videoSize(path.join(outDir, plan.poster.key))).toEqual({
      width: plan.poster.width,
      height: plan.poster.height,
    });
  });

  it('writes a storyboard sprite whose grid matches the WebVTT cues', async () => {
    const sb = plan.storyboard;
    expect(sb).toMatchObject({ tiles: 4, columns: 4, rows: 1 });
    expect(await videoSize(path.join(outDir, sb.spriteKey))).toEqual({
      width: sb.tileWidth * sb.columns,
      height: sb.tileHeight * sb.rows,
    });
    const vtt = await fs.readFile(path.join(outDir, sb.vttKey), 'utf8');
    const cues = [...vtt.matchAll(/sprite\.jpg#xywh=(\d+),(\d+),(\d+),(\d+)/g)].map((m) =>
      m.slice(1).map(Number),
    );
    expect(cues).toHaveLength(sb.tiles);
    for (const [x = 0, y = 0, w = 0, h = 0] of cues) {
      expect(x + w).toBeLessThanOrEqual(sb.tileWidth * sb.columns);
      expect(y + h).toBeLessThanOrEqual(sb.tileHeight * sb.rows);
    }
  });

  it('reports progress that only goes up and ends at 100', () => {
    expect(progress.length).toBeGreaterThan(1);
    progress.forEach((p, i) => expect(p).toBeGreaterThan(progress[i - 1] ?? -1));
    expect(progress[progress.length - 1]).toBe(100);
    expect(progress.every((p) => p >= 0 && p <= 100)).toBe(true);
  });
});
