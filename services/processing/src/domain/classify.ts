// Decides what an input is from what the prober observed: video, audio, image, or unsupported with
// a stable code and a reason a person can read. Pure: the prober gathers the evidence, this judges it.
import { containerSignature, looksLikePlaylist } from './classify-signature';
import type { Classification, MediaInfo, UnsupportedCode } from './media-info';

/** What the prober read from an input it could open: MediaInfo without the verdict. */
export interface ProbedMedia extends Omit<MediaInfo, 'kind'> {
  /** Audio/video streams that exist but cannot be used, e.g. "video stream 0 (apv1): codec unknown". */
  unusableStreams: { type: 'video' | 'audio'; description: string }[];
  /** Other streams we ignore, e.g. "subtitle stream 2 (mov_text)", "cover art stream 1 (png)". */
  ignoredStreams: string[];
  /**
   * Bytes of samples the container's index declares (MP4 sample tables only). A file smaller than
   * that was cut short: the header survived but the media data did not.
   */
  declaredPayloadBytes?: number;
}

/** Everything the classifier may look at. `sizeBytes` is undefined when the source did not say. */
type ProbeEvidence =
  | { opened: true; sizeBytes?: number; media: ProbedMedia }
  /** ffprobe could not open the input; `error` is its message with paths and URLs removed. */
  | { opened: false; sizeBytes?: number; head: Uint8Array; error: string };

// The index may declare a little more than the file holds (rounded bit rates); a real truncation
// removes far more than 10 %.
const TRUNCATION_TOLERANCE = 0.9;

const EMPTY_REASON = 'the file is empty (0 bytes)';

type UnsupportedVerdict = Extract<Classification, { kind: 'unsupported' }>;

const unsupported = (code: UnsupportedCode, reason: string): UnsupportedVerdict => ({
  kind: 'unsupported',
  code,
  reason,
});

/** Checks made before ffprobe runs: they need only the size and the first bytes. */
export const classifyBeforeProbe = (
  sizeBytes: number | undefined,
  head: Uint8Array,
): UnsupportedVerdict | undefined => {
  if (sizeBytes === 0) return unsupported('EMPTY_FILE', EMPTY_REASON);
  if (looksLikePlaylist(head)) {
    return unsupported('NOT_MEDIA', 'the file is a playlist, manifest or XML document, not a media file');
  }
  return undefined;
};

/** The verdict on an input ffprobe could not open: damaged media if it starts like media, else not media. */
export const classifyUnreadable = (
  sizeBytes: number | undefined,
  head: Uint8Array,
  error: string,
): UnsupportedVerdict => {
  const early = classifyBeforeProbe(sizeBytes, head);
  if (early) return early;
  const signature = containerSignature(head);
  if (signature) {
    return unsupported(
      'CORRUPT_MEDIA',
      `the file starts like ${signature} but cannot be read (${error}): it is probably truncated or damaged`,
    );
  }
  return unsupported('NOT_MEDIA', `the file is not a media file we recognise (${error})`);
};

const isTruncated = (media: ProbedMedia, sizeBytes: number | undefined): boolean =>
  sizeBytes !== undefined &&
  media.declaredPayloadBytes !== undefined &&
  sizeBytes < media.declaredPayloadBytes * TRUNCATION_TOLERANCE;

const kindOf = (media: ProbedMedia): MediaInfo['kind'] | undefined => {
  if (media.image) return 'image';
  if (media.video) return 'video';
  if (media.audio) return 'audio';
  return undefined;
};

const describeStreams = (streams: string[]): string =>
  streams.length ? streams.join(', ') : 'no streams at all';

const classifyOpened = (media: ProbedMedia, sizeBytes: number | undefined): Classification => {
  if (isTruncated(media, sizeBytes)) {
    return unsupported(
      'CORRUPT_MEDIA',
      `the file is truncated: it holds ${sizeBytes} bytes but its index declares ${media.declaredPayloadBytes} bytes of media data`,
    );
  }
  const kind = kindOf(media);
  const unusable = media.unusableStreams.map((s) => s.description);
  // A video whose picture we cannot decode is not an audio file, even if its sound is fine.
  const lostVideo = !media.video && !media.image && media.unusableStreams.some((s) => s.type === 'video');
  if (lostVideo || (!kind && unusable.length > 0)) {
    return unsupported('UNSUPPORTED_CODEC', `cannot decode ${describeStreams(unusable)}`);
  }
  if (!kind) {
    return unsupported(
      'NO_DECODABLE_STREAM',
      `no audio, video or image stream: ${describeStreams(media.ignoredStreams)}`,
    );
  }
  const {
    unusableStreams: _unusable,
    ignoredStreams: _ignored,
    declaredPayloadBytes: _declared,
    ...info
  } = media;
  return { kind, info: { kind, ...info, sizeBytes: sizeBytes ?? media.sizeBytes } };
};

/** The verdict on one input. */
export const classifyMedia = (evidence: ProbeEvidence): Classification => {
  if (!evidence.opened) return classifyUnreadable(evidence.sizeBytes, evidence.head, evidence.error);
  if (evidence.sizeBytes === 0) return unsupported('EMPTY_FILE', EMPTY_REASON);
  return classifyOpened(evidence.media, evidence.sizeBytes);
};
