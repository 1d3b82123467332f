// Every service's declaration, in one list: what the bootstrap provisions.
import { ingestDeclaration } from '@mediaflow/ingest/src/subscriptions';
import { jobsDeclaration } from '@mediaflow/jobs/src/subscriptions';
import { notificationsDeclaration } from '@mediaflow/notifications/src/subscriptions';
import { processingDeclaration } from '@mediaflow/processing/declaration';

export const serviceDeclarations = [ingestDeclaration, jobsDeclaration, processingDeclaration, notificationsDeclaration];
