// Reads an HLS package from disk for assertions: media playlists with their tags and segments, and
// the master's variant attributes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseMediaPlaylist, type MediaPlaylist } from '../../src/media/hls-media-playlist';

interface ReadPlaylist extends MediaPlaylist {
  text: string;
}

export const readMediaPlaylist = async (outDir: string, key: string): Promise<ReadPlaylist> => {
  const text = await fs.readFile(path.join(outDir, key), 'utf8');
  return { ...parseMediaPlaylist(text), text };
};

interface MasterVariant {
  attributes: Record<string, string>;
  uri: string;
}

/** Attribute lists split on commas outside quotes: CODECS="avc1.64001f,mp4a.40.2" holds one. */
const parseAttributes = (list: string): Record<string, string> => {
  const attributes: Record<string, string> = {};
  for (const match of list.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g))
    attributes[match[1] ?? ''] = (match[2] ?? '').replace(/^"|"$/g, '');
  return attributes;
};

export const readMaster = async (
  outDir: string,
  key: string,
): Promise<{ text: string; variants: MasterVariant[]; media: Record<string, string>[] }> => {
  const text = await fs.readFile(path.join(outDir, key), 'utf8');
  const lines = text.split('\n');
  const variants: MasterVariant[] = [];
  const media: Record<string, string>[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('#EXT-X-STREAM-INF:'))
      variants.push({ attributes: parseAttributes(line.slice(18)), uri: lines[i + 1] ?? '' });
    if (line.startsWith('#EXT-X-MEDIA:')) media.push(parseAttributes(line.slice(13)));
  });
  return { text, variants, media };
};

/** Every segment but the last lasts the planned length; the last is no longer. */
export const expectSegmentDurations = (playlist: MediaPlaylist, segmentSeconds: number): void => {
  const durations = playlist.segments.map((s) => s.durationSeconds);
  expect(durations.length).toBeGreaterThan(1);
  for (const d of durations.slice(0, -1)) expect(Math.abs(d - segmentSeconds)).toBeLessThan(0.05);
  expect(durations[durations.length - 1]).toBeLessThanOrEqual(segmentSeconds + 0.05);
};
