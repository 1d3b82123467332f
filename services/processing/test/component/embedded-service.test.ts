// processing as `npm start` runs it: createEmbeddedService on the process's SQLite bus, with the
// runtime relay and consumer, the pool and the watchdog. A stand-in "jobs" subscriber on the same bus
// sends ProbeRequested / TranscodeRequested and sees what processing publishes.
import fs from 'node:fs';
import os from 'node:os';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import type { BusEnvelope, EventDataOf, EventName } from '@mediaflow/contracts';
import { embeddedPaths } from '@mediaflow/runtime';
import { generateClip } from '../../src/testing/clips';
import { startEmbeddedNode, type EmbeddedNode } from '../support/embedded-node';
import { fromJobs, transcodeRequestedFor } from '../support/jobs-stand-in';

// The service's loggers read LOG_LEVEL when created: keep this suite's output to real problems.
process.env.LOG_LEVEL = process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'ERROR';

describe('processing in embedded mode (bus, relay, pool, watchdog)', () => {
  const dir = fs.mkdtempSync(`${os.tmpdir()}/mediaflow-embedded-processing-`);
  const seen: BusEnvelope[] = [];
  let node: EmbeddedNode;

  beforeAll(async () => {
    node = await startEmbeddedNode(dir, (envelope) => seen.push(envelope));
  });
  afterAll(async () => {
    await node.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const published = (name: EventName) =>
    seen.filter((e) => e['detail-type'] === name).map((e) => e.detail.data as Record<string, unknown>);
  const until = async (name: EventName, ms = 60_000) => {
    const deadline = Date.now() + ms;
    while (published(name).length === 0) {
      if (Date.now() > deadline)
        throw new Error(`no ${name} published; saw ${seen.map((e) => e['detail-type']).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return published(name)[0]!;
  };

  it('has no HTTP routes of its own', () => {
    expect(node.service.routers).toEqual([]);
  });

  it('probes, dispatches and reports a job through the bus until TranscodeFinished', async () => {
    const clip = await generateClip('no-audio');
    const key = 'owner-1/up_embedded/source';
    await new LocalDiskBlobStorage({ root: embeddedPaths(dir).blobs('uploads') }).putFile(key, clip.path, {
      contentType: 'video/mp4',
    });

    await node.bus.publish([
      fromJobs('ProbeRequested', {
        jobId: 'job_embedded',
        uploadId: 'up_embedded',
        input: { key },
        profile: 'sd',
        attempt: 1,
      }),
    ]);
    const probed = (await until('MediaProbed')) as EventDataOf<'MediaProbed', 1>;
    await node.bus.publish([transcodeRequestedFor('job_embedded', probed, 'sd')]);

    expect(await until('TranscodeStarted')).toMatchObject({
      jobId: 'job_embedded',
      attempt: 1,
      runnerId: expect.stringMatching(/^local-/),
    });
    const done = (await until('TranscodeFinished')) as EventDataOf<'TranscodeFinished', 1>;
    expect(done.manifest.outputs.length).toBeGreaterThan(3);
    expect(published('TranscodeFailed')).toEqual([]);
    // Internal events never leave the service.
    expect(seen.map((e) => e['detail-type'])).not.toContain('TranscodeRegistered');
  }, 90_000);
});
