// Replay on AWS: the bus's archive re-sends a time window, filtered to one subscriber's rules only
// (ReplayDestination.FilterArns), so other consumers see nothing. EventBridge gives replayed events a
// new envelope id and a `replay-name`, but mediaflow's eventId lives in detail.metadata and is kept:
// a consumer deduplicating on it (the services' inbox, the subscriber kit's example) stays correct.
import {
  DescribeReplayCommand,
  ListRulesCommand,
  StartReplayCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { checkReplayWindow, type ReplayWindow } from '../../errors/replay-window-invalid';

export interface ArchiveReplayRequest extends ReplayWindow {
  readonly archiveArn: string;
  /** The bus the archive records; replays go back to it (EventBridge allows no other). */
  readonly busArn: string;
  /** The subscriber's rules on that bus: only they receive the replayed events. */
  readonly ruleArns: readonly string[];
  /** Unique per replay; default `replay-<epoch ms>`. */
  readonly name?: string;
}

export interface StartedReplay {
  readonly name: string;
  readonly arn: string;
  readonly state: string;
}

/** Starts the replay; it runs inside EventBridge (see waitForReplay). Events arrive out of order, in 1-minute batches. */
export const startArchiveReplay = async (
  eventBridge: EventBridgeClient,
  request: ArchiveReplayRequest,
  now = new Date(),
): Promise<StartedReplay> => {
  checkReplayWindow(request, now);
  if (request.ruleArns.length === 0) throw new Error('a replay needs at least one rule ARN: it would reach every rule of the bus');
  const name = request.name ?? `replay-${now.getTime()}`;
  const out = await eventBridge.send(
    new StartReplayCommand({
      ReplayName: name,
      EventSourceArn: request.archiveArn,
      EventStartTime: request.from,
      EventEndTime: request.to,
      Destination: { Arn: request.busArn, FilterArns: [...request.ruleArns] },
      Description: `to ${request.ruleArns.length} rule(s), ${request.from.toISOString()} .. ${request.to.toISOString()}`,
    }),
  );
  if (!out.ReplayArn) throw new Error(`EventBridge returned no ARN for replay ${name}`);
  return { name, arn: out.ReplayArn, state: out.State ?? 'STARTING' };
};

/** Polls DescribeReplay until the replay ends; returns its final state (COMPLETED, FAILED or CANCELLED). */
export const waitForReplay = async (
  eventBridge: EventBridgeClient,
  name: string,
  options: { timeoutMs?: number; pollMs?: number } = {},
): Promise<{ state: string; reason?: string }> => {
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  for (;;) {
    const r = await eventBridge.send(new DescribeReplayCommand({ ReplayName: name }));
    if (r.State === 'COMPLETED' || r.State === 'FAILED' || r.State === 'CANCELLED')
      return { state: r.State, ...(r.StateReason && { reason: r.StateReason }) };
    if (Date.now() > deadline) throw new Error(`replay ${name} still ${r.State} after ${options.timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 5000));
  }
};

/** ARNs of the rules on the bus whose names start with `prefix` (a service's or a kit subscriber's rules). */
export const ruleArnsByPrefix = async (eventBridge: EventBridgeClient, busName: string, prefix: string): Promise<string[]> => {
  const arns: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await eventBridge.send(new ListRulesCommand({ EventBusName: busName, NamePrefix: prefix, NextToken }));
    for (const rule of page.Rules ?? []) if (rule.Arn) arns.push(rule.Arn);
    NextToken = page.NextToken;
  } while (NextToken);
  return arns;
};
