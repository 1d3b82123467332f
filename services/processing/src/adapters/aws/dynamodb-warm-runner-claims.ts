// Which attempts went to the warm runners' queue, and which warm task took each: rows `warm#<runnerId>`
// in processing's read-model table (beside the active-transcodes rows). The dispatcher writes `queued`
// before it sends the message; a warm runner flips it to `running` with its task id (a conditional
// write, so a duplicate message or a cancelled attempt runs nowhere) and deletes it when done.
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  ConditionalCheckFailedException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { WARM_CLAIM_KEY_PREFIX, WARM_CLAIM_TTL_ATTRIBUTE } from './warm-runner-keys';

const PREFIX = WARM_CLAIM_KEY_PREFIX;
/** Rows a crash left behind expire (a TTL attribute, in seconds since the epoch). */
const RETENTION_SECONDS = 7 * 24 * 3600;

export type WarmClaim =
  | { readonly state: 'queued'; readonly runnerId: string; readonly since: Date }
  | { readonly state: 'running'; readonly runnerId: string; readonly since: Date; readonly taskId: string }
  | { readonly state: 'cancelled'; readonly runnerId: string; readonly since: Date };

export class DynamoDbWarmRunnerClaims {
  constructor(private readonly options: { readonly client: DynamoDBClient; readonly tableName: string }) {}

  /** Records a queued attempt; false when the runner id already has a row (asked before). */
  async queue(runnerId: string, at: Date): Promise<boolean> {
    return this.conditional(() =>
      this.options.client.send(new PutItemCommand({
        TableName: this.options.tableName,
        Item: {
          pk: { S: PREFIX + runnerId },
          state: { S: 'queued' },
          sinceMs: { N: String(at.getTime()) },
          [WARM_CLAIM_TTL_ATTRIBUTE]: { N: String(Math.floor(at.getTime() / 1000) + RETENTION_SECONDS) },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      })),
    );
  }

  /** A warm task takes a queued attempt; false when it is not queued any more (taken, cancelled, unknown). */
  async claim(runnerId: string, taskId: string, at: Date): Promise<boolean> {
    return this.transition(runnerId, 'running', at, { taskId });
  }

  /** A queued attempt that should not run; false when it already left the queue. */
  async cancel(runnerId: string, at: Date): Promise<boolean> {
    return this.transition(runnerId, 'cancelled', at);
  }

  async get(runnerId: string): Promise<WarmClaim | undefined> {
    const out = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: { pk: { S: PREFIX + runnerId } }, ConsistentRead: true }),
    );
    const item = out.Item;
    const state = item?.state?.S;
    if (!item || (state !== 'queued' && state !== 'running' && state !== 'cancelled')) return undefined;
    const since = new Date(Number(item.sinceMs?.N ?? 0));
    return state === 'running'
      ? { state, runnerId, since, taskId: item.taskId?.S ?? '' }
      : { state, runnerId, since };
  }

  async remove(runnerId: string): Promise<void> {
    await this.options.client.send(new DeleteItemCommand({ TableName: this.options.tableName, Key: { pk: { S: PREFIX + runnerId } } }));
  }

  private transition(runnerId: string, state: 'running' | 'cancelled', at: Date, extra: { taskId?: string } = {}): Promise<boolean> {
    return this.conditional(() =>
      this.options.client.send(new UpdateItemCommand({
        TableName: this.options.tableName,
        Key: { pk: { S: PREFIX + runnerId } },
        UpdateExpression: `SET #s = :to, sinceMs = :at${extra.taskId ? ', taskId = :task' : ''}`,
        ConditionExpression: '#s = :queued',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: {
          ':to': { S: state },
          ':at': { N: String(at.getTime()) },
          ':queued': { S: 'queued' },
          ...(extra.taskId && { ':task': { S: extra.taskId } }),
        },
      })),
    );
  }

  private async conditional(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
