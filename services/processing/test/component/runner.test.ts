// The runner entrypoint as its dispatcher sees it: a child process given a job spec, reporting
// progress over IPC, writing outputs to the embedded blob folders and ending with a meaningful exit code.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateClip } from '../../src/testing/clips';
import { runRunner as runWith } from '../support/run-runner';

const runRunner = (spec: object, dataDir: string, opts: { killAfterProgress?: number } = {}) =>
  runWith(spec, { MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: dataDir }, opts);

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('runner entrypoint (embedded mode, real ffmpeg)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-runner-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const outputsDir = () => path.join(dataDir, 'blobs', 'outputs', 'objects');

  it('transcodes a clip, reports rising progress and a manifest whose checksums match the stored files', async () => {
    const clip = await generateClip('landscape');
    const spec = { jobId: 'job-1', input: clip.path, outputPrefix: 'owner-1/job-1', profile: 'sd' };
    const { exitCode, messages } = await runRunner(spec, dataDir);

    expect(exitCode).toBe(0);
    const percents = messages.filter((m) => m.type === 'progress').map((m) => m.percent as number);
    expect(percents.length).toBeGreaterThan(1);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const finished = messages.find((m) => m.type === 'finished') as unknown as { manifest: Array<{ key: string; kind: string; sha256: string; sizeBytes: number }> };
    const kinds = finished.manifest.map((o) => o.kind);
    expect(kinds).toEqual(expect.arrayContaining(['hls-master', 'hls-rendition', 'mp4', 'poster', 'storyboard', 'storyboard-vtt']));
    for (const output of finished.manifest) {
      const file = path.join(outputsDir(), output.key);
      expect(fs.statSync(file).size).toBe(output.sizeBytes);
      expect(sha256(file)).toBe(output.sha256);
      expect(output.key.startsWith('owner-1/job-1/')).toBe(true);
    }
    expect(fs.existsSync(path.join(outputsDir(), 'owner-1/job-1/manifest.json'))).toBe(true);
  }, 120000);

  it('overwrites the same keys on a rerun instead of adding new ones', async () => {
    const clip = await generateClip('audio-aac');
    const spec = { jobId: 'job-2', input: clip.path, outputPrefix: 'owner-1/job-2' };
    const list = () => fs.readdirSync(path.join(outputsDir(), 'owner-1/job-2'), { recursive: true }).map(String).sort();
    expect((await runRunner(spec, dataDir)).exitCode).toBe(0);
    const first = list();
    expect((await runRunner({ ...spec, attempt: 2 }, dataDir)).exitCode).toBe(0);
    expect(list()).toEqual(first);
  }, 120000);

  it('ends with exit 2 and a readable reason for an invalid spec', async () => {
    const { exitCode, messages } = await runRunner({ jobId: 'x', input: 'a.mp4', outputPrefix: '../escape' }, dataDir);
    expect(exitCode).toBe(2);
    expect(messages[0]).toMatchObject({ type: 'failed', code: 'INVALID_JOB_SPEC', retryable: false });
    expect(String(messages[0]?.reason)).toMatch(/outputPrefix/);
  });

  it.each(['truncated-mp4', 'text-as-mp4', 'empty'] as const)('ends a %s input with exit 3, permanent, nothing stored', async (kind) => {
    const clip = await generateClip(kind);
    const { exitCode, messages } = await runRunner({ jobId: 'bad', input: clip.path, outputPrefix: 'owner-1/bad' }, dataDir);
    expect(exitCode).toBe(3);
    expect(messages.at(-1)).toMatchObject({ type: 'failed', retryable: false });
    expect(fs.existsSync(path.join(outputsDir(), 'owner-1/bad'))).toBe(false);
  }, 60000);

  it('fails permanently with PLAN_MISMATCH when its ladder differs from the one jobs expects', async () => {
    const clip = await generateClip('landscape');
    const spec = { jobId: 'job-4', input: clip.path, outputPrefix: 'owner-1/job-4', profile: 'sd', expectedRungs: ['1080p', '720p'] };
    const { exitCode, messages } = await runRunner(spec, dataDir);
    expect(exitCode).toBe(3);
    expect(messages.at(-1)).toMatchObject({ type: 'failed', code: 'PLAN_MISMATCH', retryable: false });
    expect(String(messages.at(-1)?.reason)).toMatch(/expected \[1080p, 720p\]/);
    expect(fs.existsSync(path.join(outputsDir(), 'owner-1/job-4'))).toBe(false);
  }, 60000);

  it('stops cleanly on SIGTERM: exit 130 and no partial outputs', async () => {
    const clip = await generateClip('landscape');
    const spec = { jobId: 'job-3', input: clip.path, outputPrefix: 'owner-1/job-3', profile: 'high' };
    const { exitCode, messages } = await runRunner(spec, dataDir, { killAfterProgress: 1 });
    expect(exitCode).toBe(130);
    expect(messages.at(-1)).toMatchObject({ type: 'failed', code: 'TRANSCODE_CANCELLED' });
    expect(fs.existsSync(path.join(outputsDir(), 'owner-1/job-3'))).toBe(false);
  }, 120000);
});
