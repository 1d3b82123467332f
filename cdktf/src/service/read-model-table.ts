// A service's read-model table (`resourceNames(service, env).readModel`) beside its event store:
// upload deadlines (ingest), the job views (jobs), active transcodes (processing), subscriptions and
// deliveries (notifications). Keys and indexes come from the definition the service's adapter
// exports, through the service registry the emulator bootstrap creates them from too
// (`services[name].readTable`); this adds on-demand billing, point-in-time recovery, the environment key, the TTL
// the list names and deletion protection (a rebuild means a replay, and deliveries are not events).
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import type { ServiceName } from '@mediaflow/contracts';
import { services } from '@mediaflow/service-registry';
import { resourceNames } from '@mediaflow/topology';
import { Construct } from 'constructs';
import { tableShape } from './table-definition';

export class ReadModelTable extends Construct {
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: { service: ServiceName; env: string; kmsKeyArn: string }) {
    super(scope, id);
    const name = resourceNames(props.service, props.env).readModel;
    const { definition, ttlAttribute } = services[props.service].readTable;
    this.table = new DynamodbTable(this, 'table', {
      name,
      billingMode: 'PAY_PER_REQUEST',
      ...tableShape(definition(name)),
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      ...(ttlAttribute ? { ttl: { attributeName: ttlAttribute, enabled: true } } : {}),
      deletionProtectionEnabled: true,
    });
  }
}
