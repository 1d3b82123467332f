// The services' own declarations, imported straight from each service (not through the stack
// code), so a stack wired to the wrong declaration fails the tests.
import type { ServiceName } from '@mediaflow/contracts';
import { ingestDeclaration } from '@mediaflow/ingest/declaration';
import { jobsDeclaration } from '@mediaflow/jobs/declaration';
import { notificationsDeclaration } from '@mediaflow/notifications/declaration';
import { processingDeclaration } from '@mediaflow/processing/declaration';
import type { ServiceDeclaration } from '@mediaflow/topology';

export const declarations: Record<ServiceName, ServiceDeclaration> = {
  ingest: ingestDeclaration,
  jobs: jobsDeclaration,
  processing: processingDeclaration,
  notifications: notificationsDeclaration,
};
