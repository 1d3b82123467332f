// Probing over HTTP, as processing does with a presigned URL: same answer as the local file, only
// the header is read, and the source's troubles come back as ProbeUnavailable.
import { isProbeUnavailable } from '../../src/domain/media-errors';
import { generateClips, type Clip } from '../../src/testing/clips';
import { quietProber, rejectionOf } from '../support/quiet-prober';
import { closedPort, startRangeServer, type RangeServer } from '../support/range-server';

const prober = quietProber();
let server: RangeServer;
let clips: Record<'landscape' | 'image-jpeg-exif6' | 'empty' | 'truncated-mp4', Clip>;

beforeAll(async () => {
  clips = await generateClips(['landscape', 'image-jpeg-exif6', 'empty', 'truncated-mp4']);
  server = await startRangeServer(
    Object.fromEntries(Object.values(clips).map((clip) => [`${clip.kind}${clip.spec.ext}`, clip.path])),
  );
});

afterAll(() => server.close());

beforeEach(() => server.resetCounts());

const urlOf = (clip: Clip): string => `${server.url(`${clip.kind}${clip.spec.ext}`)}?X-Amz-Signature=secret`;

describe('FfprobeMediaProber over HTTP', () => {
  it('probes a faststart MP4 the same as the local file, reading far less than all of it', async () => {
    const clip = clips.landscape;
    const local = await prober.probe(clip.path);
    server.resetCounts();

    const remote = await prober.probe(urlOf(clip));

    expect(remote).toEqual(local);
    expect(server.ranges.length).toBeGreaterThanOrEqual(2); // our 512-byte look, then ffprobe
    expect(server.bytesServed).toBeLessThan(clip.sizeBytes / 2);
  });

  it('reads EXIF orientation of a JPEG behind a URL', async () => {
    const info = await prober.probe(urlOf(clips['image-jpeg-exif6']));
    expect(info.image).toMatchObject({ orientation: 6, displayWidth: 480, displayHeight: 640 });
  });

  it('rejects an empty object (HTTP 416 on the range) as EMPTY_FILE', async () => {
    const error = await rejectionOf(prober.probe(urlOf(clips.empty)));
    expect(error).toMatchObject({ name: 'MediaUnsupported', code: 'EMPTY_FILE', retryable: false });
  });

  it('rejects a truncated MP4 behind a URL as CORRUPT_MEDIA, without the URL in the reason', async () => {
    const error = await rejectionOf(prober.probe(urlOf(clips['truncated-mp4'])));
    expect(error).toMatchObject({ code: 'CORRUPT_MEDIA', retryable: false });
    expect(error.message).not.toContain('secret');
    expect(error.message).not.toContain('127.0.0.1');
  });

  it('reports a closed port as SOURCE_UNREACHABLE, retryable', async () => {
    const error = await rejectionOf(prober.probe(`http://127.0.0.1:${await closedPort()}/clip.mp4`));
    expect(isProbeUnavailable(error)).toBe(true);
    expect(error).toMatchObject({ name: 'ProbeUnavailable', code: 'SOURCE_UNREACHABLE', retryable: true });
  });

  it('reports a 5xx as SOURCE_HTTP_ERROR, retryable', async () => {
    const error = await rejectionOf(prober.probe(server.url('status/503')));
    expect(error).toMatchObject({ code: 'SOURCE_HTTP_ERROR', retryable: true });
  });

  it('reports a 404 as SOURCE_NOT_FOUND, not retryable', async () => {
    const error = await rejectionOf(prober.probe(server.url('missing.mp4')));
    expect(error).toMatchObject({ code: 'SOURCE_NOT_FOUND', retryable: false });
  });

  it('gives up on a source that never answers after timeoutMs, retryable', async () => {
    const started = Date.now();
    const error = await rejectionOf(prober.probe(server.url('hang'), { timeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'PROBE_TIMED_OUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps the presigned query string out of every error', async () => {
    const error = await rejectionOf(prober.probe(`${server.url('status/500')}?X-Amz-Signature=secret`));
    expect(error.message).not.toContain('secret');
  });
});
