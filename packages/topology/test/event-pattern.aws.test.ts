// The embedded bus routes with matchesPattern; EventBridge routes with the rule's pattern. This
// asks the emulator's EventBridge (TestEventPattern) to judge the same cases, so both agree.
import { EventBridgeClient, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { awsClientSettings } from '@mediaflow/config';
import { eventPatternOf, matchesPattern } from '../src';

const pattern = eventPatternOf({ from: 'processing', event: 'TranscodeFinished', versions: [1] });

const cases = [
  ['mediaflow.processing', 'TranscodeFinished', 1],
  ['mediaflow.processing', 'TranscodeFinished', 2],
  ['mediaflow.jobs', 'TranscodeFinished', 1],
  ['mediaflow.processing', 'TranscodeFailed', 1],
] as const;

describe(`event patterns agree with EventBridge [@ ${process.env.AWS_ENDPOINT_URL}]`, () => {
  const client = new EventBridgeClient(awsClientSettings());
  afterAll(() => client.destroy());

  it.each(cases)('%s %s v%d', async (source, detailType, version) => {
    const e = { source, 'detail-type': detailType, detail: { metadata: { version } } };
    const awsEvent = {
      id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      account: '123456789012',
      time: '2026-11-25T12:00:00Z',
      region: 'us-east-1',
      resources: [],
      ...e,
    };
    const { Result } = await client.send(
      new TestEventPatternCommand({ EventPattern: JSON.stringify(pattern), Event: JSON.stringify(awsEvent) }),
    );
    expect(matchesPattern(pattern, e)).toBe(Result);
  });
});
