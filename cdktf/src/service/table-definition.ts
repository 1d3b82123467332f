// Turns a table definition a service package exports (the CreateTable input its DynamoDB adapter,
// the emulator bootstrap and the tests use) into the keys, attributes and indexes of a Terraform
// table. Billing, recovery, encryption and TTL are the stacks' business, added by the callers.
import type { DynamodbTableConfig, DynamodbTableGlobalSecondaryIndex } from '@cdktf/provider-aws/lib/dynamodb-table';
import type { eventStoreTableDefinition } from '@mediaflow/event-store/aws';

/** `CreateTableCommandInput` of @aws-sdk/client-dynamodb, which every definition returns. */
export type TableDefinition = ReturnType<typeof eventStoreTableDefinition>;
type KeySchema = TableDefinition['KeySchema'];
type IndexDefinition = NonNullable<TableDefinition['GlobalSecondaryIndexes']>[number];

type TableShape = Required<Pick<DynamodbTableConfig, 'hashKey' | 'attribute' | 'globalSecondaryIndex'>> &
  Pick<DynamodbTableConfig, 'rangeKey'>;

const keyOf = (schema: KeySchema, type: 'HASH' | 'RANGE'): string | undefined => schema?.find((k) => k.KeyType === type)?.AttributeName;

export const tableShape = (definition: TableDefinition): TableShape => {
  const table = definition.TableName ?? 'the table';
  const required = (value: string | undefined, what: string): string => {
    if (!value) throw new Error(`the definition of ${table} has no ${what}`);
    return value;
  };
  // A local index can only be added when a table is created: refuse to drop one silently.
  if (definition.LocalSecondaryIndexes?.length) throw new Error(`the definition of ${table} has local secondary indexes, which the stacks do not build`);
  const indexOf = (index: IndexDefinition): DynamodbTableGlobalSecondaryIndex => {
    const rangeKey = keyOf(index.KeySchema, 'RANGE');
    const nonKeyAttributes = index.Projection?.NonKeyAttributes;
    return {
      name: required(index.IndexName, 'index name'),
      hashKey: required(keyOf(index.KeySchema, 'HASH'), `HASH key of ${index.IndexName}`),
      ...(rangeKey ? { rangeKey } : {}),
      projectionType: index.Projection?.ProjectionType ?? 'ALL',
      ...(nonKeyAttributes ? { nonKeyAttributes } : {}),
    };
  };
  const rangeKey = keyOf(definition.KeySchema, 'RANGE');
  return {
    hashKey: required(keyOf(definition.KeySchema, 'HASH'), 'HASH key'),
    ...(rangeKey ? { rangeKey } : {}),
    attribute: (definition.AttributeDefinitions ?? []).map((a) => ({
      name: required(a.AttributeName, 'attribute name'),
      type: required(a.AttributeType, `type of ${a.AttributeName}`),
    })),
    globalSecondaryIndex: (definition.GlobalSecondaryIndexes ?? []).map(indexOf),
  };
};
