// BANDWIDTH and AVERAGE-BANDWIDTH measured from a rendition's segments on disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HLS_PLAYLIST_FILE } from '@mediaflow/media-planning';
import { measureRendition } from '../../src/media/hls-media-playlist';

const rendition = (segments: Array<{ seconds: number; bytes: number }>, target = 4): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-hls-'));
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${target}`];
  segments.forEach((s, i) => {
    fs.writeFileSync(path.join(dir, `seg_${i}.m4s`), Buffer.alloc(s.bytes));
    lines.push(`#EXTINF:${s.seconds.toFixed(3)},`, `seg_${i}.m4s`);
  });
  fs.writeFileSync(path.join(dir, HLS_PLAYLIST_FILE), [...lines, '#EXT-X-ENDLIST', ''].join('\n'));
  return dir;
};

describe('rendition bitrate', () => {
  it('takes the densest full segment as the peak and the whole as the average', async () => {
    const bitrate = await measureRendition(
      rendition([
        { seconds: 4, bytes: 400_000 },
        { seconds: 4, bytes: 200_000 },
        { seconds: 3, bytes: 150_000 },
      ]),
    );
    expect(bitrate).toEqual({ peakBps: 800_000, averageBps: Math.round((750_000 * 8) / 11) });
  });

  it('never gives a peak below the average, even when a dense short last segment is left out of the peak', async () => {
    // The 1 s tail (under half the target) is not counted as a peak, but it lifts the average.
    const bitrate = await measureRendition(
      rendition([
        { seconds: 4, bytes: 100_000 },
        { seconds: 1, bytes: 400_000 },
      ]),
    );
    expect(bitrate.averageBps).toBe(Math.round((500_000 * 8) / 5));
    expect(bitrate.peakBps).toBe(bitrate.averageBps);
  });
});
