// Each service's read-model table (beside its event-store table), by the definition its adapter
// exports: the bootstrap creates them, cdktf declares the same definitions.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ServiceName } from '@mediaflow/contracts';
import { uploadDeadlinesTableDefinition } from '@mediaflow/ingest/src/adapters/aws/dynamodb-upload-deadlines';
import { jobReadModelTableDefinition } from '@mediaflow/jobs/src/adapters/aws/dynamodb-job-read-model-table';
import { activeTranscodesTableDefinition } from '@mediaflow/processing/declaration';
import { notificationsTableDefinition, NOTIFICATIONS_TTL_ATTRIBUTE } from '@mediaflow/notifications/src/adapters/aws/notifications-table';

export interface ReadTable {
  readonly definition: (tableName: string) => CreateTableCommandInput;
  readonly ttlAttribute?: string;
}

export const readTables: Record<ServiceName, ReadTable> = {
  ingest: { definition: uploadDeadlinesTableDefinition, ttlAttribute: 'ttl' },
  jobs: { definition: jobReadModelTableDefinition },
  processing: { definition: activeTranscodesTableDefinition },
  notifications: { definition: notificationsTableDefinition, ttlAttribute: NOTIFICATIONS_TTL_ATTRIBUTE },
};
