// One EventBridge rule per subscription of a declaration, each with eventPatternOf(subscription)
// and the service's inbox queue as its only target. Rules left over from removed subscriptions go.
import {
  DeleteRuleCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { eventPatternOf, resourceNames, type ServiceDeclaration } from '@mediaflow/topology';

const TARGET_ID = 'inbox';

/** Creates or updates the rules; returns their ARNs in subscription order. */
export const ensureSubscriptionRules = async (
  eventBridge: EventBridgeClient,
  declaration: ServiceDeclaration,
  env: string,
  busName: string,
  queueArn: string,
): Promise<string[]> => {
  const names = resourceNames(declaration.service, env);
  const arns: string[] = [];
  for (const [i, subscription] of declaration.subscriptions.entries()) {
    const Name = names.rule(i);
    const rule = await eventBridge.send(
      new PutRuleCommand({
        Name,
        EventBusName: busName,
        EventPattern: JSON.stringify(eventPatternOf(subscription)),
        State: 'ENABLED',
        Description: `${declaration.service} consumes ${subscription.from}/${subscription.event} v${subscription.versions.join(',')}`,
      }),
    );
    if (!rule.RuleArn) throw new Error(`EventBridge returned no ARN for rule ${Name}`);
    const targets = await eventBridge.send(
      new PutTargetsCommand({
        Rule: Name,
        EventBusName: busName,
        Targets: [{ Id: TARGET_ID, Arn: queueArn }],
      }),
    );
    if (targets.FailedEntryCount)
      throw new Error(`PutTargets failed for rule ${Name}: ${JSON.stringify(targets.FailedEntries)}`);
    arns.push(rule.RuleArn);
  }
  await deleteRules(eventBridge, declaration, env, busName, declaration.subscriptions.length);
  return arns;
};

/** Deletes the service's rules numbered `from` and up (all of them with from = 0). */
export const deleteRules = async (
  eventBridge: EventBridgeClient,
  declaration: ServiceDeclaration,
  env: string,
  busName: string,
  from = 0,
): Promise<void> => {
  const names = resourceNames(declaration.service, env);
  // rule(i) is `<prefix><i>`: the prefix lists exactly this service's rules.
  const prefix = names.rule(0).slice(0, -1);
  const stale: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await eventBridge.send(
      new ListRulesCommand({ EventBusName: busName, NamePrefix: prefix, NextToken }),
    );
    for (const r of page.Rules ?? []) {
      const index = Number(r.Name?.slice(prefix.length));
      if (r.Name && Number.isInteger(index) && index >= from) stale.push(r.Name);
    }
    NextToken = page.NextToken;
  } while (NextToken);
  for (const Rule of stale) {
    const targets = await eventBridge.send(new ListTargetsByRuleCommand({ Rule, EventBusName: busName }));
    const Ids = (targets.Targets ?? []).map((t) => t.Id ?? '').filter(Boolean);
    if (Ids.length > 0)
      await eventBridge.send(new RemoveTargetsCommand({ Rule, EventBusName: busName, Ids }));
    await eventBridge.send(new DeleteRuleCommand({ Name: Rule, EventBusName: busName }));
  }
};
