// classifyMedia: the verdict on an input from what the prober saw.
import { classifyMedia, classifyUnreadable, type ProbedMedia } from '../../src/domain/classify';
import { containerSignature, looksLikePlaylist } from '../../src/domain/classify-signature';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))),
  );

const media = (extra: Partial<ProbedMedia> = {}): ProbedMedia => ({
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  durationSeconds: 10,
  unusableStreams: [],
  ignoredStreams: [],
  ...extra,
});

const video = {
  codec: 'h264',
  width: 1280,
  height: 720,
  rotation: 0 as const,
  displayWidth: 1280,
  displayHeight: 720,
  frameRate: 25,
  variableFrameRate: false,
  pixelFormat: 'yuv420p',
  bitDepth: 8,
};
const audio = { codec: 'aac', channels: 2, sampleRate: 48000 };

describe('classifyMedia', () => {
  it('calls anything with a picture stream video, audio and all', () => {
    const verdict = classifyMedia({ opened: true, sizeBytes: 100, media: media({ video, audio }) });
    expect(verdict).toMatchObject({ kind: 'video', info: { kind: 'video', sizeBytes: 100, video, audio } });
  });

  it('calls sound alone audio', () => {
    expect(classifyMedia({ opened: true, media: media({ audio }) }).kind).toBe('audio');
  });

  it('leaves the prober-only details out of MediaInfo', () => {
    const verdict = classifyMedia({
      opened: true,
      media: media({ audio, ignoredStreams: ['cover art stream 1 (png)'], declaredPayloadBytes: 10 }),
    });
    expect(verdict.kind === 'audio' && Object.keys(verdict.info)).not.toContain('ignoredStreams');
  });

  it('rejects zero bytes as EMPTY_FILE whatever ffprobe said', () => {
    expect(classifyMedia({ opened: true, sizeBytes: 0, media: media({ audio }) })).toMatchObject({
      kind: 'unsupported',
      code: 'EMPTY_FILE',
    });
    expect(classifyMedia({ opened: false, sizeBytes: 0, head: new Uint8Array(), error: 'x' })).toMatchObject({
      code: 'EMPTY_FILE',
    });
  });

  it('rejects a container without audio or video as NO_DECODABLE_STREAM, naming what it holds', () => {
    const verdict = classifyMedia({
      opened: true,
      media: media({ ignoredStreams: ['data stream 0 (bin_data)'] }),
    });
    expect(verdict).toEqual({
      kind: 'unsupported',
      code: 'NO_DECODABLE_STREAM',
      reason: 'no audio, video or image stream: data stream 0 (bin_data)',
    });
  });

  it('rejects a file cut below what its index declares as CORRUPT_MEDIA, and tolerates rounding', () => {
    const declared = media({ video, declaredPayloadBytes: 1_000_000 });
    expect(classifyMedia({ opened: true, sizeBytes: 300_000, media: declared })).toMatchObject({
      code: 'CORRUPT_MEDIA',
    });
    expect(classifyMedia({ opened: true, sizeBytes: 950_000, media: declared }).kind).toBe('video');
    expect(classifyMedia({ opened: true, sizeBytes: undefined, media: declared }).kind).toBe('video');
  });
});

describe('classifyUnreadable', () => {
  it.each([
    ['an MP4 cut before its moov', bytes([0, 0, 0, 0x18], 'ftypmp42'), 'CORRUPT_MEDIA'],
    ['a Matroska header', bytes([0x1a, 0x45, 0xdf, 0xa3]), 'CORRUPT_MEDIA'],
    ['a JPEG start', bytes([0xff, 0xd8, 0xff, 0xe0]), 'CORRUPT_MEDIA'],
    ['plain text', bytes('Hello, this is a text file'), 'NOT_MEDIA'],
    ['a PDF', bytes('%PDF-1.7'), 'NOT_MEDIA'],
    ['an HLS playlist', bytes('#EXTM3U\n#EXT-X-VERSION:3\n'), 'NOT_MEDIA'],
  ])('calls %s that ffprobe cannot open %s', (_what, head, code) => {
    expect(classifyUnreadable(2000, head, 'Invalid data found when processing input')).toMatchObject({
      kind: 'unsupported',
      code,
    });
  });
});

describe('containerSignature', () => {
  it.each([
    ['MP4/QuickTime', bytes([0, 0, 0, 0x20], 'ftypisom')],
    ['WAV', bytes('RIFF', [0, 0, 0, 0], 'WAVE')],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBP')],
    ['MPEG-TS', bytes([0x47], new Array(187).fill(0), [0x47])],
    ['MP3 (ID3)', bytes('ID3', [4, 0])],
    ['MPEG audio', bytes([0xff, 0xfb, 0x90])],
    ['MPEG audio', bytes([0xff, 0xf1, 0x50])], // ADTS AAC
    ['PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a])],
  ])('recognises %s', (name, head) => {
    expect(containerSignature(head)).toBe(name);
  });

  it('does not take a text starting with "G" for MPEG-TS', () => {
    expect(containerSignature(bytes('Good morning, this is not a transport stream at all'))).toBeUndefined();
  });
});

describe('looksLikePlaylist', () => {
  it.each([
    '#EXTM3U\n',
    '\ufeff  #EXTM3U',
    'ffconcat version 1.0\nfile /etc/passwd',
    '<?xml version="1.0"?><MPD>',
  ])('refuses %j', (text) => {
    expect(looksLikePlaylist(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(true);
  });

  it('lets media through', () => {
    expect(looksLikePlaylist(bytes([0, 0, 0, 0x20], 'ftypisom'))).toBe(false);
  });
});
