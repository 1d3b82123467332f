// @mediaflow/service-registry: the one list of mediaflow's services. Each entry is what the rest of
// the system may know of a service without running it: its bus declaration and the table it owns
// beside its event store. Keyed by contracts' ServiceName, so a new service fails the type-check
// here until it is registered. Composition roots: ./embedded and ./aws.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ServiceName } from '@mediaflow/contracts';
import { ingestDeclaration, uploadDeadlinesTableDefinition } from '@mediaflow/ingest/declaration';
import { jobReadModelTableDefinition, jobsDeclaration } from '@mediaflow/jobs/declaration';
import { notificationsDeclaration, notificationsTableDefinition, NOTIFICATIONS_TTL_ATTRIBUTE } from '@mediaflow/notifications/declaration';
import { activeTranscodesTableDefinition, processingDeclaration, WARM_CLAIM_TTL_ATTRIBUTE } from '@mediaflow/processing/declaration';
import type { ServiceDeclaration } from '@mediaflow/topology';

/** A service's own table beside its event store (its read model, deadlines or deliveries). */
interface ReadTable {
  readonly definition: (tableName: string) => CreateTableCommandInput;
  readonly ttlAttribute?: string;
}

interface RegisteredService {
  readonly declaration: ServiceDeclaration;
  readonly readTable: ReadTable;
}

export const services: Record<ServiceName, RegisteredService> = {
  ingest: { declaration: ingestDeclaration, readTable: { definition: uploadDeadlinesTableDefinition, ttlAttribute: 'ttl' } },
  jobs: { declaration: jobsDeclaration, readTable: { definition: jobReadModelTableDefinition } },
  // The warm runners' claim rows (dynamodb-warm-runner-claims) a crash left behind expire.
  processing: { declaration: processingDeclaration, readTable: { definition: activeTranscodesTableDefinition, ttlAttribute: WARM_CLAIM_TTL_ATTRIBUTE } },
  notifications: {
    declaration: notificationsDeclaration,
    readTable: { definition: notificationsTableDefinition, ttlAttribute: NOTIFICATIONS_TTL_ATTRIBUTE },
  },
};

/** The order services start in (and stop in reverse): producers before their consumers. */
export const SERVICE_ORDER: readonly ServiceName[] = ['ingest', 'jobs', 'processing', 'notifications'];

export const serviceDeclarations: readonly ServiceDeclaration[] = SERVICE_ORDER.map((name) => services[name].declaration);
