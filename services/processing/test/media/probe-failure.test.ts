// How a failed ffprobe run is read (stderr as real builds print it), and the command line we build.
import { buildFfprobeArgs } from '../../src/media/ffprobe-args';
import {
  cleanFfprobeMessage,
  interpretFfprobeFailure,
  type FailureContext,
} from '../../src/media/ffprobe-failure';
import type { FfprobeRun } from '../../src/media/ffprobe-process';

const URL_INPUT = 'https://bucket.s3.amazonaws.com/u/1/source?X-Amz-Signature=abc123';
const MP4_HEAD = new Uint8Array([0, 0, 0, 0x20, ...Buffer.from('ftypisom')]);
const TEXT_HEAD = new Uint8Array(Buffer.from('Meeting notes, not a video.'));

const run = (stderr: string, extra: Partial<FfprobeRun> = {}): FfprobeRun => ({
  stdout: '',
  stderr,
  exitCode: 1,
  signal: null,
  timedOut: false,
  aborted: false,
  ...extra,
});

const context = (extra: Partial<FailureContext> = {}): FailureContext => ({
  input: URL_INPUT,
  shownAs: 'https://bucket.s3.amazonaws.com/u/1/source',
  isUrl: true,
  sizeBytes: 1000,
  head: MP4_HEAD,
  timeoutMs: 30000,
  ffprobeVersion: '5.1.9',
  ...extra,
});

describe('interpretFfprobeFailure', () => {
  it.each([
    [
      'connection refused',
      `[tcp @ 0x24ecc940] Connection to tcp://127.0.0.1:8799 failed: Connection refused\n${URL_INPUT}: Connection refused`,
      'SOURCE_UNREACHABLE',
      true,
    ],
    ['a 5xx', `${URL_INPUT}: Server returned 5XX Server Error reply`, 'SOURCE_HTTP_ERROR', true],
    ['a 404', `${URL_INPUT}: Server returned 404 Not Found`, 'SOURCE_NOT_FOUND', false],
    ['a 403', `${URL_INPUT}: Server returned 403 Forbidden (access denied)`, 'SOURCE_HTTP_ERROR', false],
    ['an I/O timeout', `${URL_INPUT}: Connection timed out`, 'PROBE_TIMED_OUT', true],
    ['a reset mid-read', `${URL_INPUT}: Connection reset by peer`, 'SOURCE_UNREACHABLE', true],
  ])('reads %s over HTTP as ProbeUnavailable %s', (_what, stderr, code, retryable) => {
    const error = interpretFfprobeFailure(run(stderr), context());
    expect(error).toMatchObject({ name: 'ProbeUnavailable', code, retryable });
    expect(error.message).not.toContain('abc123');
  });

  it('reads our own kill on timeout as PROBE_TIMED_OUT', () => {
    const error = interpretFfprobeFailure(
      run('', { exitCode: null, signal: 'SIGKILL', timedOut: true }),
      context(),
    );
    expect(error).toMatchObject({ code: 'PROBE_TIMED_OUT', retryable: true });
  });

  it('reads a crash as ffprobe failing, not as a verdict on the media, and not retryable', () => {
    const error = interpretFfprobeFailure(run('', { exitCode: null, signal: 'SIGSEGV' }), context());
    expect(error).toMatchObject({ name: 'ProbeUnavailable', code: 'PROBER_FAILED', retryable: false });
    expect(error.message).toMatch(/ffprobe 5\.1\.9 crashed \(SIGSEGV\)/);
  });

  it('reads a kill by someone else (the OOM killer) as retryable', () => {
    const error = interpretFfprobeFailure(run('', { exitCode: null, signal: 'SIGKILL' }), context());
    expect(error).toMatchObject({ code: 'PROBER_FAILED', retryable: true });
  });

  it('reads a missing binary as PROBER_FAILED', () => {
    const spawnError = Object.assign(new Error('spawn /nope/ffprobe ENOENT'), { code: 'ENOENT' });
    const error = interpretFfprobeFailure(run('', { exitCode: null, spawnError }), context());
    expect(error).toMatchObject({ code: 'PROBER_FAILED', retryable: false });
  });

  const INVALID =
    '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x3918c200] moov atom not found\n/data/x.mp4: Invalid data found when processing input\n';

  it('reads "Invalid data" on a file that starts like MP4 as CORRUPT_MEDIA', () => {
    const error = interpretFfprobeFailure(run(INVALID), context({ input: '/data/x.mp4', isUrl: false }));
    expect(error).toMatchObject({ name: 'MediaUnsupported', code: 'CORRUPT_MEDIA', retryable: false });
    expect(error.message).toContain('moov atom not found; input: Invalid data found when processing input');
  });

  it('reads "Invalid data" on anything else as NOT_MEDIA', () => {
    const error = interpretFfprobeFailure(
      run(INVALID),
      context({ input: '/data/x.mp4', isUrl: false, head: TEXT_HEAD }),
    );
    expect(error).toMatchObject({ code: 'NOT_MEDIA', retryable: false });
    expect(error.message).not.toContain('/data/x.mp4');
  });
});

describe('cleanFfprobeMessage', () => {
  it('drops context prefixes, the input and repeated lines', () => {
    const stderr = `[tcp @ 0x24ecc940] Connection refused\n${URL_INPUT}: Connection refused\n\n`;
    expect(cleanFfprobeMessage(stderr, URL_INPUT)).toBe('Connection refused; input: Connection refused');
  });
});

describe('buildFfprobeArgs', () => {
  const http = new Set(['reconnect', 'reconnect_on_network_error', 'reconnect_delay_max', 'seekable']);

  it('reads a local file through file: with only the file protocol allowed', () => {
    const args = buildFfprobeArgs('-version', {
      isUrl: false,
      timeoutMs: 5000,
      readFirstFrame: false,
      httpOptions: http,
    });
    expect(args.slice(-4)).toEqual(['-protocol_whitelist', 'file', '-i', 'file:-version']);
    expect(args).not.toContain('-reconnect');
  });

  it('adds an I/O timeout and the reconnect options the build supports for a URL', () => {
    const args = buildFfprobeArgs(URL_INPUT, {
      isUrl: true,
      timeoutMs: 5000,
      readFirstFrame: false,
      httpOptions: new Set(['reconnect']),
    });
    expect(args).toEqual(expect.arrayContaining(['-rw_timeout', '4000000', '-reconnect', '1']));
    expect(args).not.toContain('-reconnect_on_network_error');
    expect(args.slice(-2)).toEqual(['-i', URL_INPUT]);
  });

  it('decodes the first frame only for still images', () => {
    const args = buildFfprobeArgs('/x.jpg', {
      isUrl: false,
      timeoutMs: 5000,
      readFirstFrame: true,
      httpOptions: http,
    });
    expect(args).toEqual(expect.arrayContaining(['-show_frames', '-read_intervals', '%+#1']));
  });
});
