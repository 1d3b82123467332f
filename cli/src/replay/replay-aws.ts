// Replay on AWS: StartReplay from the environment's bus archive, filtered to one subscriber's rules —
// a service's inbox rules, or a subscriber-kit team's rules (`mediaflow-sub-<name>-*`). Runs with the
// operator's AWS credentials (AWS_REGION, AWS_PROFILE…; AWS_ENDPOINT_URL for an emulator).
import type { StartedReplay } from '@mediaflow/bus/aws';
import type { ServiceName } from '@mediaflow/contracts';
import { UnknownSubscriber } from './unknown-subscriber';

export interface AwsReplayRequest {
  readonly env: string;
  readonly subscriber: string;
  readonly from: Date;
  readonly to: Date;
  readonly wait: boolean;
}

export interface AwsReplayResult extends StartedReplay {
  readonly ruleArns: readonly string[];
  /** The final state when waited for. */
  readonly finalState?: string;
}

export const replayOnAws = async (request: AwsReplayRequest): Promise<AwsReplayResult> => {
  // Imported here, not at the top: every other command would load the AWS SDK at start.
  const [{ DescribeArchiveCommand, DescribeEventBusCommand, EventBridgeClient }, { ruleArnsByPrefix, startArchiveReplay, waitForReplay }, { awsClientSettings }, { SERVICES }, { archiveName, busName, resourceNames, subscriberNames }] =
    await Promise.all([import('@aws-sdk/client-eventbridge'), import('@mediaflow/bus/aws'), import('@mediaflow/config'), import('@mediaflow/contracts'), import('@mediaflow/topology')]);
  const isService = (name: string): name is ServiceName => (SERVICES as readonly string[]).includes(name);
  const eventBridge = new EventBridgeClient(awsClientSettings());
  try {
    const bus = busName(request.env);
    const prefix = isService(request.subscriber)
      ? resourceNames(request.subscriber, request.env).rulePrefix
      : subscriberNames(request.subscriber).rulePrefix;
    const ruleArns = await ruleArnsByPrefix(eventBridge, bus, prefix);
    if (ruleArns.length === 0) throw new UnknownSubscriber(request.subscriber, [...SERVICES, '<a subscriber-kit name with rules on the bus>']);
    const busArn = (await eventBridge.send(new DescribeEventBusCommand({ Name: bus }))).Arn;
    const archiveArn = (await eventBridge.send(new DescribeArchiveCommand({ ArchiveName: archiveName(request.env) }))).ArchiveArn;
    if (!busArn || !archiveArn) throw new Error(`EventBridge did not describe bus ${bus} or its archive`);
    const started = await startArchiveReplay(eventBridge, {
      archiveArn,
      busArn,
      ruleArns,
      from: request.from,
      to: request.to,
      name: `${request.subscriber}-${Date.now()}`.slice(0, 64),
    });
    if (!request.wait) return { ...started, ruleArns };
    const { state, reason } = await waitForReplay(eventBridge, started.name, { pollMs: 2000 });
    if (state !== 'COMPLETED') throw new Error(`replay ${started.name} ended ${state}${reason ? `: ${reason}` : ''}`);
    return { ...started, ruleArns, finalState: state };
  } finally {
    eventBridge.destroy();
  }
};
