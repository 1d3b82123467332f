// Recognises a container from the first bytes of a file. The classifier uses it to tell a damaged
// media file (a known header that ffprobe cannot open) from something that never was media, and to
// refuse playlists, which would make ffprobe fetch other URLs on our behalf.

/** How many leading bytes the signatures below need (an MPEG-TS sync byte repeats at 188). */
export const SIGNATURE_BYTES = 512;

const ascii = (head: Uint8Array, at: number, text: string): boolean =>
  head.length >= at + text.length && [...text].every((ch, i) => head[at + i] === ch.charCodeAt(0));

const bytes = (head: Uint8Array, at: number, expected: readonly number[]): boolean =>
  head.length >= at + expected.length && expected.every((b, i) => head[at + i] === b);

const ISO_BMFF_BOXES = ['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot'];

// 11 sync bits, then a version that is not "reserved"; ADTS (raw AAC) frames share the same sync.
const isMpegAudioFrame = (head: Uint8Array): boolean => {
  const second = head[1] ?? 0;
  return head[0] === 0xff && (second & 0xe0) === 0xe0 && (second & 0x18) !== 0x08;
};

const SIGNATURES: readonly [name: string, test: (head: Uint8Array) => boolean][] = [
  ['MP4/QuickTime', (h) => ISO_BMFF_BOXES.some((box) => ascii(h, 4, box))],
  ['Matroska/WebM', (h) => bytes(h, 0, [0x1a, 0x45, 0xdf, 0xa3])],
  ['AVI', (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'AVI ')],
  ['WAV', (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WAVE')],
  ['WebP', (h) => ascii(h, 0, 'RIFF') && ascii(h, 8, 'WEBP')],
  ['AIFF', (h) => ascii(h, 0, 'FORM') && (ascii(h, 8, 'AIFF') || ascii(h, 8, 'AIFC'))],
  ['MPEG-TS', (h) => h[0] === 0x47 && h[188] === 0x47],
  ['MPEG-PS', (h) => bytes(h, 0, [0x00, 0x00, 0x01, 0xba])],
  ['ASF/WMV', (h) => bytes(h, 0, [0x30, 0x26, 0xb2, 0x75])],
  ['FLV', (h) => ascii(h, 0, 'FLV')],
  ['Ogg', (h) => ascii(h, 0, 'OggS')],
  ['FLAC', (h) => ascii(h, 0, 'fLaC')],
  ['MP3 (ID3)', (h) => ascii(h, 0, 'ID3')],
  ['AMR', (h) => ascii(h, 0, '#!AMR')],
  ['CAF', (h) => ascii(h, 0, 'caff')],
  ['JPEG', (h) => bytes(h, 0, [0xff, 0xd8, 0xff])],
  ['PNG', (h) => bytes(h, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['GIF', (h) => ascii(h, 0, 'GIF87a') || ascii(h, 0, 'GIF89a')],
  ['TIFF', (h) => bytes(h, 0, [0x49, 0x49, 0x2a, 0x00]) || bytes(h, 0, [0x4d, 0x4d, 0x00, 0x2a])],
  ['MPEG audio', isMpegAudioFrame],
];

/** The container family the first bytes announce, or undefined when they match none we know. */
export const containerSignature = (head: Uint8Array): string | undefined =>
  SIGNATURES.find(([, test]) => test(head))?.[0];

/** True for still-image signatures: the prober then also reads the first frame for EXIF orientation. */
export const isImageSignature = (signature: string | undefined): boolean =>
  signature === 'JPEG' || signature === 'PNG' || signature === 'WebP' || signature === 'TIFF';

const PLAYLIST_MARKERS = ['#EXTM3U', 'ffconcat', '<?xml', '<MPD', '[playlist]', '#EXTINF'];

/** Playlists and manifests (HLS, DASH, ffconcat): text that points at other files, never media itself. */
export const looksLikePlaylist = (head: Uint8Array): boolean => {
  let start = 0;
  if (bytes(head, 0, [0xef, 0xbb, 0xbf])) start = 3; // UTF-8 byte order mark
  while (start < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[start] ?? 0)) start += 1;
  return PLAYLIST_MARKERS.some((marker) => ascii(head, start, marker));
};
