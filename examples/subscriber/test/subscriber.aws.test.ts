// End to end on the emulator: the whole pipeline on its AWS adapters, this example's subscription
// provisioned on the pipeline's bus from the same declaration its stack deploys, a clip uploaded, and
// the JobCompleted the pipeline published received once — then the bus archive replayed to this
// subscriber's rule only, and the replayed copy (same eventId) recognised and not acted on again.
// moto replays the whole archive to every rule of the bus (see packages/bus's eventbridge-replay test):
// the services' inboxes get their events again too, and deduplicate them as well.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { provisionSubscriber } from '@mediaflow/aws-provisioning';
import { startArchiveReplay, waitForReplay } from '@mediaflow/bus/aws';
import { awsClientSettings } from '@mediaflow/config';
import { generateClip } from '@mediaflow/processing/testing';
import { startAwsTestDeployment, type AwsTestDeployment } from '@mediaflow/tests';
import { FileProcessedEvents, JobCompletedConsumer, subscription, type JobCompleted, type PollResult } from '../src';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

const waitUntil = async (what: string, check: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe('the example subscriber receives what the pipeline publishes (emulator)', () => {
  const eventBridge = new EventBridgeClient(awsClientSettings());
  const sqs = new SQSClient(awsClientSettings());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-subscriber-'));
  let t: AwsTestDeployment;
  let consumer: JobCompletedConsumer;
  const received: JobCompleted[] = [];
  const totals = { handled: 0, duplicates: 0, rejected: 0 };

  afterAll(async () => {
    await consumer?.stop();
    await t?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gets JobCompleted once, and once only after an archive replay to its rule', async () => {
    t = await startAwsTestDeployment();
    // The emulator bootstrap archives the bus as the foundation stack does.
    const { name: busName, arn: busArn, archiveArn } = t.resources.bus;
    const provisioned = await provisionSubscriber({ eventBridge, sqs }, subscription, busName);
    consumer = new JobCompletedConsumer(sqs, provisioned.queueUrl, new FileProcessedEvents(path.join(dir, 'processed')), async (e) => {
      received.push(e);
    });
    consumer.start({ waitSeconds: 1, onPoll: (r: PollResult) => Object.keys(totals).forEach((k) => (totals[k as keyof PollResult] += r[k as keyof PollResult])) });

    const from = new Date(Date.now() - 1000);
    const clip = await generateClip('landscape');
    const { jobId } = await t.owner.uploadFile(clip.path, 'video/mp4', 'sd');
    const job = await t.owner.waitForJob(jobId, ['completed', 'failed', 'rejected'], 90_000);
    expect(job.status).toBe('completed');
    await waitUntil('JobCompleted at the subscriber', () => received.length > 0, 20_000);
    expect(received).toHaveLength(1);
    const [completed] = received;
    expect(completed).toMatchObject({ name: 'JobCompleted', version: 1, source: 'mediaflow.jobs', data: { jobId } });
    expect(completed!.data.manifest.outputs.length).toBeGreaterThan(0);

    const replay = await startArchiveReplay(eventBridge, { archiveArn, busArn, ruleArns: provisioned.ruleArns, from, to: new Date() });
    expect((await waitForReplay(eventBridge, replay.name, { timeoutMs: 20_000, pollMs: 250 })).state).toBe('COMPLETED');
    await waitUntil('the replayed JobCompleted', () => totals.duplicates > 0, 20_000);
    expect(totals).toEqual({ handled: 1, duplicates: 1, rejected: 0 });
    expect(received).toHaveLength(1);
    // The services' inboxes got the replay too (moto ignores FilterArns): the job is unchanged.
    expect((await t.owner.call('GET', `/v1/jobs/${jobId}`)).body.status).toBe('completed');
  }, 150_000);
});
