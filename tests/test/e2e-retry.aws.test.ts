// Issue 13, "one meaning per event", on the AWS adapters against the emulator: a job whose first
// transcode attempt fails (its runner is killed) is retried and completes, and a subscriber on
// mediaflow's EventBridge bus — provisioned as another team's would be (provisionSubscriber: its own
// queue and rules) — receives each fact once: one JobCreated, one JobValidated, one JobCompleted.
// The retry reaches processing as TranscodeRequested {attempt: 2}, which that subscriber did not ask for.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { provisionSubscriber } from '@mediaflow/aws-provisioning';
import { awsClientSettings } from '@mediaflow/config';
import type { BusEnvelope } from '@mediaflow/contracts';
import { busName, declareSubscriber } from '@mediaflow/topology';
import { startAwsTestDeployment, type AwsTestDeployment } from '../src/aws-deployment';
import { publishedPerName, QUICK_RETRY_ENV, runJobThatFailsOnce } from '../src/fail-once';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

const FACTS = ['JobCreated', 'JobValidated', 'JobCompleted', 'JobFailed'] as const;
const counter = declareSubscriber({
  name: 'fact-counter',
  subscriptions: FACTS.map((event) => ({ from: 'jobs' as const, event, versions: [1] })),
});

/** Receives until the queue stays empty for one long poll; EventBridge delivers `{ ...envelope }` as the body. */
const drain = async (sqs: SQSClient, queueUrl: string): Promise<BusEnvelope[]> => {
  const received: BusEnvelope[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (Messages.length === 0) return received;
    for (const m of Messages) {
      received.push(JSON.parse(m.Body ?? '{}') as BusEnvelope);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
  }
};

describe(`AWS adapters @ ${process.env.AWS_ENDPOINT_URL ?? '(no emulator)'}: a job that fails once and then succeeds`, () => {
  let t: AwsTestDeployment;
  const sqs = new SQSClient(awsClientSettings());
  const eventBridge = new EventBridgeClient(awsClientSettings());
  beforeAll(async () => {
    t = await startAwsTestDeployment(QUICK_RETRY_ENV);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    sqs.destroy();
    eventBridge.destroy();
  });

  it('delivers one JobCreated, one JobValidated and one JobCompleted to a subscriber of the facts', async () => {
    const subscriber = await provisionSubscriber({ eventBridge, sqs }, counter, busName(t.resources.env));
    const { jobId } = await runJobThatFailsOnce(t.owner);

    const facts = await drain(sqs, subscriber.queueUrl);
    expect(facts.every((e) => e.source === 'mediaflow.jobs')).toBe(true);
    expect(publishedPerName(facts, jobId)).toEqual({ JobCreated: 1, JobValidated: 1, JobCompleted: 1 });
    // The retry was asked for with its own event: jobs' history shows it, with the attempt.
    const history = (await t.owner.call('GET', `/v1/jobs/${jobId}/events`)).body.events as {
      type: string;
      summary: { attempt?: number };
    }[];
    expect(history.filter((e) => e.type === 'TranscodeRequested').map((e) => e.summary.attempt)).toEqual([
      1, 2,
    ]);
  }, 240_000);
});
