// Reads an HLS output the way a player does against the AWS deployment: playlists come from the API's
// /blobs prefix URL itself (relative names must keep the signed prefix), every media file is a 302 to
// a presigned S3 GET. Each answer is recorded, so the test can say which host served what.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mediaBinaries } from '@mediaflow/processing/media';

const run = promisify(execFile);

interface FetchedBlob {
  readonly url: string;
  readonly status: number;
  /** Where the API redirected to (a presigned S3 URL), when it did. */
  readonly redirectedTo?: string;
  readonly bytes: Buffer;
}

/** GET without following redirects, then follows the one expected redirect by hand. */
export const fetchBlob = async (url: string): Promise<FetchedBlob> => {
  const first = await fetch(url, { redirect: 'manual' });
  if (first.status !== 302)
    return { url, status: first.status, bytes: Buffer.from(await first.arrayBuffer()) };
  const location = first.headers.get('location') ?? '';
  await first.body?.cancel();
  const second = await fetch(location, { redirect: 'manual' });
  return {
    url,
    status: second.status,
    redirectedTo: location,
    bytes: Buffer.from(await second.arrayBuffer()),
  };
};

const uriLines = (playlist: string): string[] =>
  playlist
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

interface RenditionSample {
  readonly playlist: FetchedBlob;
  /** The fMP4 init section (#EXT-X-MAP), when the rendition has one. */
  readonly init?: FetchedBlob;
  readonly segment: FetchedBlob;
}

/** The first rendition named in a master playlist: its media playlist, init section and first segment. */
export const firstRenditionOf = async (masterUrl: string, master: string): Promise<RenditionSample> => {
  const [variant] = uriLines(master);
  if (!variant) throw new Error(`no rendition in the master playlist:\n${master}`);
  const playlistUrl = new URL(variant, masterUrl).href;
  const playlist = await fetchBlob(playlistUrl);
  const text = playlist.bytes.toString('utf8');
  const [segment] = uriLines(text);
  if (!segment) throw new Error(`no segment in ${playlistUrl}:\n${text}`);
  const map = /#EXT-X-MAP:URI="([^"]+)"/.exec(text)?.[1];
  return {
    playlist,
    ...(map && { init: await fetchBlob(new URL(map, playlistUrl).href) }),
    segment: await fetchBlob(new URL(segment, playlistUrl).href),
  };
};

export interface ProbedStream {
  codec_type: string;
  codec_name?: string;
  width?: number;
  height?: number;
}

/** ffprobe's streams of a URL or a file. */
export const probeStreams = async (input: string): Promise<ProbedStream[]> => {
  const { stdout } = await run(mediaBinaries(process.env).ffprobe.path, [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_streams',
    input,
  ]);
  return (JSON.parse(stdout) as { streams: ProbedStream[] }).streams;
};

/** ffprobe's streams of one segment as a player decodes it: after its init section. */
export const probeSegment = async (sample: RenditionSample): Promise<ProbedStream[]> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediaflow-e2e-aws-'));
  const file = path.join(dir, `segment${path.extname(new URL(sample.segment.url).pathname) || '.bin'}`);
  try {
    await fs.writeFile(file, Buffer.concat([sample.init?.bytes ?? Buffer.alloc(0), sample.segment.bytes]));
    return await probeStreams(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
};
