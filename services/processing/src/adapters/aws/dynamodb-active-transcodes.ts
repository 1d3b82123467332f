// ActiveTranscodes in processing's DynamoDB read-model table (resourceNames('processing', env).readModel).
// The table holds only jobs with a possibly running attempt, so a Scan is a small read.
import {
  DeleteItemCommand,
  PutItemCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { ActiveTranscode, ActiveTranscodes } from '../../ports/active-transcodes';

// Keys are prefixed so other read-model rows can share the table later without a migration.
const PREFIX = 'active#';

export class DynamoDbActiveTranscodes implements ActiveTranscodes {
  constructor(private readonly options: { readonly client: DynamoDBClient; readonly tableName: string }) {}

  async add(jobId: string, since: Date): Promise<void> {
    await this.options.client.send(
      new PutItemCommand({
        TableName: this.options.tableName,
        Item: {
          pk: { S: `${PREFIX}${jobId}` },
          jobId: { S: jobId },
          sinceMs: { N: String(since.getTime()) },
        },
      }),
    );
  }

  async remove(jobId: string): Promise<void> {
    await this.options.client.send(
      new DeleteItemCommand({ TableName: this.options.tableName, Key: { pk: { S: `${PREFIX}${jobId}` } } }),
    );
  }

  async list(): Promise<ActiveTranscode[]> {
    const found: ActiveTranscode[] = [];
    let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.options.client.send(
        new ScanCommand({ TableName: this.options.tableName, ConsistentRead: true, ExclusiveStartKey }),
      );
      for (const item of page.Items ?? []) {
        const jobId = item.jobId?.S;
        if (item.pk?.S?.startsWith(PREFIX) && jobId)
          found.push({ jobId, since: new Date(Number(item.sinceMs?.N ?? 0)) });
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return found.sort((a, b) => a.since.getTime() - b.since.getTime() || a.jobId.localeCompare(b.jobId));
  }
}
