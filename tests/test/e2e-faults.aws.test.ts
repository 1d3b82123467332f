// Issue 14, faults in the cloud path: the whole pipeline on the AWS adapters with a fault proxy
// (tests/src/fault-proxy.ts) between every service and the emulator. One call in ten to DynamoDB, SQS,
// EventBridge and S3 is throttled, answered 500 or 503 before it reaches the emulator, or held for up
// to 1.5 s. Twenty uploads must still end as twenty completed jobs, each effect once: one JobCompleted
// per job on the bus, one webhook delivery per event, nothing in a dead-letter queue; and the SDK's
// retries stay within their configured maximum (counted by the proxy from `amz-sdk-request`).
//
// Who goes through the proxy: the four services (their SDK clients, the runner children, which get the
// same AWS_ENDPOINT_URL) and the test client's presigned S3 PUTs (the URLs point at the proxy), which
// the client retries as a real one would; its API calls retry on 5xx too. Not faulted: the presigned
// GETs ffprobe and ffmpeg read the upload through (their HTTP readers do not retry a 503, so one fault
// would fail a whole probe or transcode attempt — a retry by jobs, not what this run is about), and the
// test's own observers (bootstrap, the bus capture, the DLQ checks), which talk to the emulator directly.
// The seed is printed; MEDIAFLOW_FAULT_SEED replays a run's draws (the call order still varies).
import fs from 'node:fs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { provisionSubscriber, type ProvisionedSubscriber } from '@mediaflow/aws-provisioning';
import { awsClientSettings } from '@mediaflow/config';
import type { BusEnvelope } from '@mediaflow/contracts';
import { generateClip } from '@mediaflow/processing/testing';
import { busName, declareSubscriber } from '@mediaflow/topology';
import type { ApiClient } from '../src/api-client';
import { startAwsTestDeployment, type AwsTestDeployment } from '../src/aws-deployment';
import { QUICK_RETRY_ENV } from '../src/fail-once';
import { describeFaults, startFaultProxy, type CallInfo, type FaultProxy } from '../src/fault-proxy';
import { startWebhookReceiver } from '../src/webhook-receiver';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

const JOBS = 20;
const FAULT_RATE = 0.1;
const SEED = Number(process.env.MEDIAFLOW_FAULT_SEED ?? 14);
/** The SDK's own maxima (standard retry mode; the DynamoDB client's default is 4): the services set none. */
const SDK_MAX_ATTEMPTS = { dynamodb: 4, sqs: 3, events: 3, s3: 3 };
const FACTS = ['JobCreated', 'JobValidated', 'JobCompleted', 'JobFailed', 'JobRejected'] as const;
const TERMINAL = ['completed', 'failed', 'rejected', 'cancelled'];

const captureDeclaration = declareSubscriber({
  name: 'fault-capture',
  subscriptions: FACTS.map((event) => ({ from: 'jobs' as const, event, versions: [1] })),
});

/** The services' SDK calls, and the test client's presigned PUTs (it retries them). */
const faultable = (call: CallInfo): boolean =>
  call.service !== 'other' && (call.attempt !== undefined || (call.presigned && call.operation === 'PUT'));

/** Polls `check` every 500 ms; on timeout the error says what was last seen (`state`). */
const waitFor = async <T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  state: () => unknown = () => '',
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms; last seen ${JSON.stringify(state())}`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

/** A client's own retries: 5xx and 429 again after a short backoff, at most 6 tries, each one counted. */
const clientRetries = { count: 0 };
const retrying = async <T extends { status: number }>(what: string, send: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await send();
    if ((answer.status < 500 && answer.status !== 429) || attempt === 6) return answer;
    clientRetries.count += 1;
    await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
  }
};

const upload = async (api: ApiClient, file: string, n: number): Promise<string> => {
  const bytes = fs.readFileSync(file);
  const created = await retrying('create', () =>
    api.call('POST', '/v1/uploads', {
      filename: `clip-${n}.mp4`,
      contentType: 'video/mp4',
      size: bytes.length,
      profile: 'sd',
    }),
  );
  if (created.status !== 201)
    throw new Error(`POST /v1/uploads → ${created.status} ${JSON.stringify(created.body)}`);
  const put = await retrying('put', () =>
    fetch(created.body.url, { method: 'PUT', headers: created.body.headers, body: bytes }),
  );
  if (!put.ok) throw new Error(`PUT → ${put.status} ${await put.text()}`);
  const done = await retrying('complete', () =>
    api.call('POST', `/v1/uploads/${created.body.uploadId}/complete`, {}),
  );
  if (done.status !== 200) throw new Error(`complete → ${done.status} ${JSON.stringify(done.body)}`);
  return done.body.jobId as string;
};

/** Reads the capture queue until stopped; EventBridge delivers `{ ...envelope }` as the body. */
const startCapture = (sqs: SQSClient, queueUrl: string) => {
  const received: BusEnvelope[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { Messages = [] } = await sqs
        .send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }))
        .catch((error: unknown) => {
          if (running) throw error;
          return { Messages: [] };
        });
      for (const m of Messages) {
        received.push(JSON.parse(m.Body ?? '{}') as BusEnvelope);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
      }
    }
  })();
  return {
    received,
    stop: async () => {
      running = false;
      await loop;
    },
  };
};

const messagesIn = async (sqs: SQSClient, queueUrl: string): Promise<number> => {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return Object.values(Attributes).reduce((sum, n) => sum + Number(n), 0);
};

const countBy = <T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};

const jobIdOf = (e: BusEnvelope): string | undefined =>
  (e.detail as { data?: { jobId?: string } }).data?.jobId;

describe(`AWS adapters behind a fault proxy (${FAULT_RATE * 100} % of calls) @ ${process.env.AWS_ENDPOINT_URL ?? '(no emulator)'}`, () => {
  let proxy: FaultProxy;
  let t: AwsTestDeployment;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let subscriber: ProvisionedSubscriber;
  let bus: ReturnType<typeof startCapture> | undefined;
  const sqs = new SQSClient(awsClientSettings());
  const eventBridge = new EventBridgeClient(awsClientSettings());
  beforeAll(async () => {
    // Faults start once everything is up: a service that cannot start is restarted by its platform.
    proxy = await startFaultProxy({
      upstream: process.env.AWS_ENDPOINT_URL!,
      rate: 0,
      seed: SEED,
      eligible: faultable,
    });
    t = await startAwsTestDeployment({
      AWS_ENDPOINT_URL: proxy.endpoint,
      MEDIAFLOW_RUNNER_CONCURRENCY: '2',
      ...QUICK_RETRY_ENV,
    });
    receiver = await startWebhookReceiver();
    subscriber = await provisionSubscriber(
      { eventBridge, sqs },
      captureDeclaration,
      busName(t.resources.env),
    );
  }, 90_000);
  afterAll(async () => {
    await bus?.stop();
    await t?.stop();
    await receiver?.close();
    await proxy?.close();
    sqs.destroy();
    eventBridge.destroy();
  }, 60_000);

  it(`completes ${JOBS} uploads with every effect once while calls fail`, async () => {
    const hook = await t.owner.call('POST', '/v1/webhooks', { url: receiver.url, eventTypes: ['*'] });
    expect(hook.status).toBe(201);
    receiver.setSecret(hook.body.secret);
    const facts = startCapture(sqs, subscriber.queueUrl);
    bus = facts;
    const clips = [(await generateClip('no-audio')).path, (await generateClip('vfr')).path];

    proxy.setRate(FAULT_RATE);
    const began = Date.now();
    const jobIds: string[] = [];
    for (let batch = 0; batch < JOBS; batch += 4) {
      const ids = await Promise.all(
        [0, 1, 2, 3].map((i) => upload(t.owner, clips[(batch + i) % 2]!, batch + i)),
      );
      jobIds.push(...ids);
    }

    // Every job ends (the list is read every 500 ms; a 5xx while faults go on is just read again).
    let seen: { jobId: string; status: string; attempt?: number }[] = [];
    const jobs = await waitFor(
      'every job ends',
      async () => {
        const list = await t.owner.call('GET', `/v1/jobs?limit=100`);
        if (list.status !== 200) return undefined;
        seen = (list.body.items as typeof seen).filter((j) => jobIds.includes(j.jobId));
        return seen.length === JOBS && seen.every((j) => TERMINAL.includes(j.status)) ? seen : undefined;
      },
      300_000,
      () => seen.filter((j) => j.status !== 'completed'),
    );
    const endedInMs = Date.now() - began;
    // Then every effect has happened: JobCompleted on the bus and at the webhook for each job.
    const completedOn = (events: { jobId?: string; type: string }[]) =>
      new Set(events.filter((e) => e.type === 'JobCompleted').map((e) => e.jobId));
    const hookEvents = () =>
      receiver.deliveries.map((d) => ({ type: d.type, jobId: d.body?.data?.jobId as string | undefined }));
    const busEvents = () => facts.received.map((e) => ({ type: e['detail-type'], jobId: jobIdOf(e) }));
    await waitFor(
      'JobCompleted for every job on the bus and at the webhook',
      () =>
        jobIds.every((id) => completedOn(busEvents()).has(id) && completedOn(hookEvents()).has(id))
          ? true
          : undefined,
      60_000,
      () => ({
        bus: jobIds.filter((id) => !completedOn(busEvents()).has(id)),
        webhook: jobIds.filter((id) => !completedOn(hookEvents()).has(id)),
      }),
    );
    // And the pipeline has come to rest: every service's inbox and DLQ empty twice in a row, with
    // no new webhook delivery or bus event in between (a late duplicate would show up here).
    const queues = t.resources.services.flatMap((s) => [s.queueUrl, s.dlqUrl]);
    let previous = '';
    await waitFor(
      'queues at rest',
      async () => {
        const counts = await Promise.all(queues.map((q) => messagesIn(sqs, q)));
        const now = `${counts.join(',')}|${receiver.deliveries.length}|${facts.received.length}`;
        const still = counts.every((n) => n === 0) && now === previous;
        previous = now;
        return still ? true : undefined;
      },
      60_000,
      () => previous,
    );
    proxy.setRate(0);
    await facts.stop();
    const stats = proxy.stats();

    // Figures.
    const completed = jobs.filter((j) => j.status === 'completed').length;
    const busCompleted = countBy(
      facts.received.filter((e) => e['detail-type'] === 'JobCompleted'),
      jobIdOf,
    );
    const busFacts = countBy(facts.received, (e) => `${e['detail-type']}:${jobIdOf(e)}`);
    const hookPerEvent = countBy(receiver.deliveries, (d) => d.id);
    const duplicates =
      [...busFacts.values()].reduce((n, c) => n + c - 1, 0) +
      [...hookPerEvent.values()].reduce((n, c) => n + c - 1, 0);
    const lost = jobIds.filter(
      (id) => busCompleted.get(id) !== 1 || !completedOn(hookEvents()).has(id),
    ).length;
    process.stderr.write(
      `\nfaults: jobs ${JOBS}, ${describeFaults(stats)}, completed ${completed}, duplicates ${duplicates}, lost ${lost}` +
        ` — seed ${stats.seed}, ${stats.calls} calls, ${stats.retries} SDK retries (highest attempt ${JSON.stringify(stats.maxAttemptSeen)}),` +
        ` ${jobs.filter((j) => (j.attempt ?? 1) > 1).length} jobs on a second attempt, ${clientRetries.count} client retries, all ended in ${Math.round(endedInMs / 1000)} s, ${receiver.deliveries.length} webhook deliveries, ${facts.received.length} facts on the bus\n`,
    );

    expect(jobs.filter((j) => j.status !== 'completed')).toEqual([]);
    // One JobCompleted per job on the bus, and each fact once (JobCreated, JobValidated, JobCompleted).
    expect(jobIds.map((id) => busCompleted.get(id))).toEqual(jobIds.map(() => 1));
    expect([...busFacts].filter(([, n]) => n !== 1)).toEqual([]);
    // One webhook delivery per event (webhook-id is the event id), all signed.
    expect([...hookPerEvent].filter(([, n]) => n !== 1)).toEqual([]);
    expect(receiver.deliveries.filter((d) => !d.signatureValid)).toEqual([]);
    expect({ duplicates, lost }).toEqual({ duplicates: 0, lost: 0 });
    // Nothing dead-lettered, the test's capture included.
    const dlqs = [...t.resources.services.map((s) => s.dlqUrl), subscriber.dlqUrl];
    expect(await Promise.all(dlqs.map((q) => messagesIn(sqs, q)))).toEqual(dlqs.map(() => 0));
    // Faults reached all four services, and the SDK's retries stayed within their maximum.
    expect(Object.values(stats.byService).every((n) => n > 0)).toBe(true);
    expect(Object.values(stats.byKind).every((n) => n > 0)).toBe(true);
    expect(stats.retries).toBeGreaterThan(0);
    expect(stats.overMax).toEqual([]);
    expect(stats.maxAnnounced).toEqual(SDK_MAX_ATTEMPTS);
    for (const [service, max] of Object.entries(SDK_MAX_ATTEMPTS))
      expect(stats.maxAttemptSeen[service as keyof typeof SDK_MAX_ATTEMPTS]).toBeLessThanOrEqual(max);
  }, 480_000);
});
