// Reads what ffmpeg wrote for one HLS rendition: its media playlist, the bitrate its segments
// really have, and the codec string of its init section.
import fs from 'node:fs/promises';
import path from 'node:path';
import { avc1Codecs, HLS_INIT_FILE, HLS_PLAYLIST_FILE } from '@mediaflow/media-planning';

interface MediaSegment {
  uri: string;
  durationSeconds: number;
}

export interface MediaPlaylist {
  version?: number;
  targetDurationSeconds?: number;
  mapUri?: string;
  segments: MediaSegment[];
  ended: boolean;
}

export const parseMediaPlaylist = (text: string): MediaPlaylist => {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const playlist: MediaPlaylist = { segments: [], ended: false };
  let pending: number | undefined;
  for (const line of lines) {
    if (line.startsWith('#EXT-X-VERSION:')) playlist.version = Number(line.slice(15));
    else if (line.startsWith('#EXT-X-TARGETDURATION:'))
      playlist.targetDurationSeconds = Number(line.slice(22));
    else if (line.startsWith('#EXT-X-MAP:')) playlist.mapUri = /URI="([^"]*)"/.exec(line)?.[1];
    else if (line.startsWith('#EXTINF:')) pending = Number.parseFloat(line.slice(8));
    else if (line === '#EXT-X-ENDLIST') playlist.ended = true;
    else if (line && !line.startsWith('#') && pending !== undefined) {
      playlist.segments.push({ uri: line, durationSeconds: pending });
      pending = undefined;
    }
  }
  return playlist;
};

export interface RenditionBitrate {
  /** Bits per second of the most demanding segment (BANDWIDTH). */
  peakBps: number;
  /** Bits per second over the whole rendition (AVERAGE-BANDWIDTH). */
  averageBps: number;
}

/**
 * Measured from the segments on disk. A short last segment that holds little more than a keyframe
 * would look like a spike, so segments under half the target duration count only if all are short.
 */
export const measureRendition = async (renditionDir: string): Promise<RenditionBitrate> => {
  const playlist = parseMediaPlaylist(await fs.readFile(path.join(renditionDir, HLS_PLAYLIST_FILE), 'utf8'));
  const sized = await Promise.all(
    playlist.segments.map(async (s) => ({
      ...s,
      bits: (await fs.stat(path.join(renditionDir, s.uri))).size * 8,
    })),
  );
  const target = playlist.targetDurationSeconds ?? Math.max(0, ...sized.map((s) => s.durationSeconds));
  const full = sized.filter((s) => s.durationSeconds >= target / 2);
  const rates = (full.length ? full : sized)
    .filter((s) => s.durationSeconds > 0)
    .map((s) => s.bits / s.durationSeconds);
  const totalBits = sized.reduce((sum, s) => sum + s.bits, 0);
  const totalSeconds = sized.reduce((sum, s) => sum + s.durationSeconds, 0);
  const averageBps = totalSeconds > 0 ? Math.round(totalBits / totalSeconds) : 0;
  // The peak can come out below the average when the short segments left out carry more per second;
  // HLS requires BANDWIDTH >= AVERAGE-BANDWIDTH, and a player sizing to the peak must not be short.
  return { peakBps: Math.max(Math.round(Math.max(0, ...rates)), averageBps), averageBps };
};

/** `avc1.PPCCLL` from the avcC box of an init section, or undefined when there is none. */
export const readAvcCodecs = async (initPath: string): Promise<string | undefined> => {
  const bytes = await fs.readFile(initPath);
  const at = bytes.indexOf('avcC');
  if (at < 0 || at + 8 > bytes.length) return undefined;
  return avc1Codecs(bytes[at + 5] ?? 0, bytes[at + 6] ?? 0, bytes[at + 7] ?? 0);
};

/**
 * ffmpeg names the init section `init_<index>.mp4` when it writes several variants: rename it to the
 * planned `init.mp4` and point the playlist's EXT-X-MAP at it.
 */
export const normalizeInitSection = async (renditionDir: string): Promise<void> => {
  const playlistPath = path.join(renditionDir, HLS_PLAYLIST_FILE);
  const text = await fs.readFile(playlistPath, 'utf8');
  const mapUri = parseMediaPlaylist(text).mapUri;
  if (!mapUri || mapUri === HLS_INIT_FILE) return;
  await fs.rename(path.join(renditionDir, mapUri), path.join(renditionDir, HLS_INIT_FILE));
  await fs.writeFile(
    playlistPath,
    text.replace(`#EXT-X-MAP:URI="${mapUri}"`, `#EXT-X-MAP:URI="${HLS_INIT_FILE}"`),
  );
};
