// Creates a DynamoDB table from its definition unless it exists, waits until it is ACTIVE, and turns
// on TTL when asked. Every table's definition lives beside its adapter; this is the one way to create it.
import {
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

interface EnsureTableOptions {
  /** Attribute holding an epoch-seconds expiry; TTL is not part of CreateTable. */
  readonly ttlAttribute?: string;
  readonly maxWaitSeconds?: number;
}

const isResourceInUse = (error: unknown): boolean => (error as { name?: unknown })?.name === 'ResourceInUseException';

export const ensureDynamoTable = async (
  client: DynamoDBClient,
  definition: CreateTableCommandInput,
  options: EnsureTableOptions = {},
): Promise<void> => {
  const TableName = definition.TableName;
  if (!TableName) throw new Error('a table definition needs a TableName');
  try {
    await client.send(new CreateTableCommand(definition));
  } catch (error) {
    if (!isResourceInUse(error)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: options.maxWaitSeconds ?? 120, minDelay: 1 }, { TableName });
  if (!options.ttlAttribute) return;
  // Asking to enable TTL twice is a ValidationException on AWS (moto accepts it): check first.
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: options.ttlAttribute } }),
    );
  }
};
