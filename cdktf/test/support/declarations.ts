// The services' own declarations, imported straight from each service (not through the stack
// code), so a stack wired to the wrong declaration fails the tests.
import type { ServiceName } from '@mediaflow/contracts';
import { ingestDeclaration } from '@mediaflow/ingest/src/subscriptions';
import { jobsDeclaration } from '@mediaflow/jobs/src/subscriptions';
import { notificationsDeclaration } from '@mediaflow/notifications/src/subscriptions';
import { processingDeclaration } from '@mediaflow/processing/declaration';
import type { ServiceDeclaration } from '@mediaflow/topology';

export const declarations: Record<ServiceName, ServiceDeclaration> = {
  ingest: ingestDeclaration,
  jobs: jobsDeclaration,
  processing: processingDeclaration,
  notifications: notificationsDeclaration,
};
