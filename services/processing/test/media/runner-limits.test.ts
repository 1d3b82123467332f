// The pure parts of the sandbox: which whitelists an input gets, the CPU time a duration buys, the
// prlimit arguments, and how a run's end is read as a breach.
import { inputGuard } from '../../src/media/ffmpeg-input-guard';
import { limitBreach, limitsFor, prlimitArgs } from '../../src/media/ffmpeg-limits';
import { sandboxedCommand } from '../../src/media/ffmpeg-sandbox';

describe('input guard', () => {
  it('allows http only for a URL input of a runner that keeps its network', () => {
    expect(inputGuard('https://bucket.s3/x.mp4?sig', 'video', { network: 'host' }).protocols).toBe('http,https,tcp,tls,crypto');
    expect(inputGuard('https://bucket.s3/x.mp4?sig', 'video', { network: 'none' }).protocols).toBe('file,pipe');
    expect(inputGuard('/data/x.mp4', 'video', { network: 'host' }).protocols).toBe('file,pipe');
  });

  it("takes the probe's container as the only demuxer, else the usual ones of the kind (never a playlist)", () => {
    expect(inputGuard('/x', 'video', { network: 'none', container: 'mov,mp4,m4a,3gp,3g2,mj2' }).formats).toBe('mov,mp4,m4a,3gp,3g2,mj2');
    const fallback = inputGuard('/x', 'video', { network: 'none', container: 'not a list!' }).formats.split(',');
    expect(fallback).toContain('matroska');
    expect(fallback.some((f) => ['hls', 'concat', 'dash', 'image2'].includes(f))).toBe(false);
    expect(inputGuard('/x.jpg', 'image', { network: 'none', container: 'jpeg_pipe' }).formats).toBe('jpeg_pipe,image2');
  });
});

describe('limits', () => {
  it('buys CPU time in proportion to the duration, never below the minimum', () => {
    expect(limitsFor({ cpuSecondsPerMediaSecond: 30, cpuSecondsMin: 300 }, 60).cpuSeconds).toBe(1800);
    expect(limitsFor({ cpuSecondsPerMediaSecond: 30, cpuSecondsMin: 300 }, 0).cpuSeconds).toBe(300);
    expect(limitsFor({}, 60)).toEqual({});
  });

  it('hands the kernel the address space, CPU (soft:hard) and per-file size, and no core files', () => {
    expect(prlimitArgs({ memoryBytes: 1024, cpuSeconds: 10, outputBytes: 2048 })).toEqual(['--core=0', '--as=1024', '--cpu=10:15', '--fsize=2048']);
  });

  it('wraps ffmpeg in unshare and prlimit only where the host allows them', () => {
    const policy = { network: 'none' as const, limits: { memoryBytes: 1024 } };
    expect(sandboxedCommand('/bin/ffmpeg', ['-i', 'x'], policy, { limits: true, isolatedNetwork: true, notes: [] })).toMatchObject({
      file: 'unshare',
      args: ['--net', '--', 'prlimit', '--core=0', '--as=1024', '--', '/bin/ffmpeg', '-i', 'x'],
    });
    expect(sandboxedCommand('/bin/ffmpeg', ['-i', 'x'], policy, { limits: false, isolatedNetwork: false, notes: ['no'] })).toMatchObject({
      file: '/bin/ffmpeg',
      args: ['-i', 'x'],
    });
  });

  it('reads an exit 255 after the CPU limit as RUNNER_CPU_LIMIT, and not without the CPU used', () => {
    const facts = { exitCode: 255, signal: null, cpuSeconds: 10.2 };
    expect(limitBreach(facts, { cpuSeconds: 10 })).toMatchObject({ code: 'RUNNER_CPU_LIMIT' });
    expect(limitBreach({ ...facts, cpuSeconds: 3 }, { cpuSeconds: 10 })).toBeUndefined();
  });

  it('reads a failed allocation under the address-space limit as RUNNER_MEMORY_LIMIT, even after exit 0', () => {
    const facts = { exitCode: 0, signal: null, outOfMemoryLine: 'x264 [error]: malloc of size 5259008 failed' };
    expect(limitBreach(facts, { memoryBytes: 2 ** 30 })).toMatchObject({ code: 'RUNNER_MEMORY_LIMIT' });
    expect(limitBreach(facts, {})).toBeUndefined();
    expect(limitBreach({ exitCode: null, signal: 'SIGXFSZ' }, { outputBytes: 10 })).toMatchObject({ code: 'OUTPUT_SIZE_LIMIT' });
  });
});
