// The prober's verdict on one input: usable media of a kind, or unsupported with a stable code.
// MediaInfo itself is shared with jobs through @mediaflow/media-planning.
import type { MediaInfo, MediaKind } from '@mediaflow/media-planning';

export type {
  AudioStreamInfo,
  ImageInfo,
  MediaInfo,
  MediaKind,
  VideoStreamInfo,
} from '@mediaflow/media-planning';

export type Classification =
  { kind: MediaKind; info: MediaInfo } | { kind: 'unsupported'; reason: string; code: UnsupportedCode };

export type UnsupportedCode =
  'EMPTY_FILE' | 'NOT_MEDIA' | 'CORRUPT_MEDIA' | 'NO_DECODABLE_STREAM' | 'UNSUPPORTED_CODEC';
