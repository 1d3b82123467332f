// What ffmpeg may open when it reads an upload: the protocols (local files only, unless the input is
// a presigned URL and the runner keeps its network) and the demuxers (the one the probe classified the
// input with, else the usual media containers of the plan's kind). A crafted file cannot then pull in
// playlists, concat lists or other protocols, nor be read by a different demuxer than the probe saw.
import type { MediaKind } from '@mediaflow/media-planning';

/** `none`: ffmpeg runs without network (embedded); `host`: it keeps the host's (AWS, presigned input). */
export type RunnerNetwork = 'none' | 'host';

export interface InputGuard {
  /** ffmpeg's `-protocol_whitelist`. */
  protocols: string;
  /** ffmpeg's `-format_whitelist`: a demuxer outside it is refused before it reads the header. */
  formats: string;
}

export const LOCAL_PROTOCOLS = 'file,pipe';
/** A presigned GET over HTTPS, and plain HTTP for the emulator's endpoint. */
export const URL_PROTOCOLS = 'http,https,tcp,tls,crypto';

const isUrlInput = (input: string): boolean => /^https?:\/\//i.test(input);

/**
 * When the probe's answer is not at hand (a job spec that carries its plan): the containers uploads
 * of that kind come in. No playlist (hls, dash, concat), no raw streams.
 */
const FORMATS_BY_KIND: Record<MediaKind, readonly string[]> = {
  video: ['mov,mp4,m4a,3gp,3g2,mj2', 'matroska,webm', 'avi', 'mpegts', 'flv', 'asf', 'mpeg', 'ogg', 'mxf', 'gif'],
  audio: ['mov,mp4,m4a,3gp,3g2,mj2', 'mp3', 'wav', 'flac', 'ogg', 'aac', 'matroska,webm', 'asf', 'aiff'],
  image: ['png_pipe', 'jpeg_pipe', 'webp_pipe', 'bmp_pipe', 'tiff_pipe', 'gif'],
};

interface InputGuardOptions {
  /** ffprobe's format_name for this input (MediaInfo.container), e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container?: string;
  network: RunnerNetwork;
}

const DEMUXER_LIST = /^[a-z0-9_]+(,[a-z0-9_]+)*$/;

/**
 * A still may be read by its pipe demuxer or by image2 (one file, by its extension): builds differ on
 * which one wins for the same file (the 2018 static ffmpeg takes an EXIF JPEG for image2, the newer
 * ffprobe for jpeg_pipe). Same decoders either way.
 */
const IMAGE_FILE_DEMUXER = 'image2';

export const inputGuard = (input: string, kind: MediaKind, options: InputGuardOptions): InputGuard => {
  const probed = options.container?.trim().toLowerCase();
  const formats = probed && DEMUXER_LIST.test(probed) ? [probed] : [...FORMATS_BY_KIND[kind]];
  if (kind === 'image' && !formats.includes(IMAGE_FILE_DEMUXER)) formats.push(IMAGE_FILE_DEMUXER);
  return {
    protocols: isUrlInput(input) && options.network === 'host' ? URL_PROTOCOLS : LOCAL_PROTOCOLS,
    formats: formats.join(','),
  };
};

/** The guard's options, for before `-i`. */
export const guardOptions = (guard: InputGuard): string[] => [
  '-protocol_whitelist',
  guard.protocols,
  '-format_whitelist',
  guard.formats,
];

/** "file:" keeps a local path that starts with "-" or looks like "proto:…" a plain file name. */
export const guardedInputName = (input: string): string =>
  isUrlInput(input) || input.startsWith('file:') ? input : `file:${input}`;
