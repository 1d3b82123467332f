// A service's event-store table in DynamoDB, built from the event store's own table definition
// (@mediaflow/event-store's eventStoreTableDefinition, which the DynamoDB adapter and the emulator
// bootstrap use too): keys, the sparse outbox index and the stream come from there; this adds what
// only production needs — on-demand billing, point-in-time recovery, the environment key, TTL on
// inbox records and deletion protection.
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import type { ServiceName } from '@mediaflow/contracts';
import { EVENT_STORE_TTL_ATTRIBUTE, eventStoreTableDefinition } from '@mediaflow/event-store/aws';
import { resourceNames } from '@mediaflow/topology';
import { Construct } from 'constructs';
import { tableShape } from './table-definition';

export class EventStoreTable extends Construct {
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: { service: ServiceName; env: string; kmsKeyArn: string }) {
    super(scope, id);
    const name = resourceNames(props.service, props.env).table;
    const definition = eventStoreTableDefinition(name);
    const stream = definition.StreamSpecification;
    this.table = new DynamodbTable(this, 'table', {
      name,
      billingMode: 'PAY_PER_REQUEST',
      ...tableShape(definition),
      // The stream is for a stream relay or projections; NEW_IMAGE unless the definition says otherwise.
      streamEnabled: stream?.StreamEnabled ?? true,
      streamViewType: stream?.StreamViewType ?? 'NEW_IMAGE',
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      ttl: { attributeName: EVENT_STORE_TTL_ATTRIBUTE, enabled: true },
      // The event store is the source of truth: `cdktf destroy` must be a deliberate two-step.
      deletionProtectionEnabled: true,
    });
  }
}
