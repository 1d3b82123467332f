// The embedded composition root end to end on one machine: the SQLite bus delivers an UploadCompleted,
// the jobs handlers create the job, the read model shows it, and the outbox publishes JobCreated.
import fs from 'node:fs';
import { makeEnvelope } from '@mediaflow/contracts';
import { createEmbeddedTestDeployment } from '@mediaflow/runtime/testing';
import { declareService } from '@mediaflow/topology';
import { createEmbeddedService, jobsReadModelFile } from '../../src/main/embedded';
import { JOB_ID, OWNER, uploadCompleted } from '../support/job-samples';

process.env.LOG_LEVEL ??= 'SILENT';

/** A stand-in subscriber of what jobs publishes, through the bus's public API. */
const listener = declareService({
  service: 'notifications',
  subscriptions: [{ from: 'jobs', event: 'JobCreated', versions: [1] }],
  maxAttempts: 1,
  visibilityTimeoutSeconds: 5,
});

const until = async <T>(probe: () => Promise<T | undefined>, ms = 5000): Promise<T> => {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 25))) {
    const value = await probe();
    if (value !== undefined) return value;
  }
  throw new Error('timed out waiting');
};

describe('jobs embedded service', () => {
  it('turns an UploadCompleted from the bus into a job, visible in the read model and published', async () => {
    const deployment = createEmbeddedTestDeployment({ env: process.env, publicBaseUrl: 'http://127.0.0.1:8080' });
    const { bus, dataDir: dir } = deployment;
    const instance = await createEmbeddedService(deployment.shared, { retryScanIntervalMs: 20 });
    bus.provision(listener);
    const seen: unknown[] = [];
    const consumer = bus.consumer(listener, { concurrency: 1, pollIntervalMs: 20 });
    await consumer.start(async (envelope) => void seen.push(envelope));
    await instance.start();
    try {
      expect(instance.routers.map((r) => r.service)).toEqual(['jobs']);
      const metadata = { eventId: 'evt-upload-1', version: 1 as const, occurredAt: new Date().toISOString(), correlationId: 'c-1', causationId: null, ownerId: OWNER };
      await bus.publish([makeEnvelope('UploadCompleted', uploadCompleted(), metadata)]);
      const job = await until(() => instance.application.queries.get(OWNER, JOB_ID).catch(() => undefined));
      expect(job).toMatchObject({ status: 'created', correlationId: 'c-1' });
      const [published] = await until(async () => (seen.length > 0 ? seen : undefined));
      expect(published).toMatchObject({ source: 'mediaflow.jobs', 'detail-type': 'JobCreated', detail: { data: { jobId: JOB_ID } } });
      expect(fs.existsSync(jobsReadModelFile(dir))).toBe(true);
    } finally {
      await consumer.stop();
      await instance.stop();
      await deployment.dispose();
    }
  });
});
