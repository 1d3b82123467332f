// Each service's read-model table: named by topology and built from the definition the service's
// own adapter exports (imported here straight from the services, not through the list the stacks
// use), on-demand, recoverable, encrypted with the environment key, with TTL where the service
// expires its rows.
import { SERVICES, type ServiceName } from '@mediaflow/contracts';
import { uploadDeadlinesTableDefinition } from '@mediaflow/ingest/declaration';
import { jobReadModelTableDefinition, OWNER_INDEX, RETRY_INDEX } from '@mediaflow/jobs/declaration';
import { NOTIFICATIONS_TTL_ATTRIBUTE, notificationsTableDefinition } from '@mediaflow/notifications/declaration';
import { activeTranscodesTableDefinition, WARM_CLAIM_KEY_PREFIX, WARM_CLAIM_TTL_ATTRIBUTE } from '@mediaflow/processing/declaration';
import { resourceNames } from '@mediaflow/topology';
import type { TableDefinition } from '../src/service/table-definition';
import { describeReferences } from './support/references';
import { only, resources, synthesizeStacks, TEST_ENV, type Found, type StackJson } from './support/synthesized-app';

const READ_MODELS: Record<ServiceName, { definition: (name: string) => TableDefinition; ttl?: string }> = {
  ingest: { definition: uploadDeadlinesTableDefinition, ttl: 'ttl' },
  jobs: { definition: jobReadModelTableDefinition },
  // The warm runners' claim rows expire (dynamodb-warm-runner-claims.ts writes the same attribute).
  processing: { definition: activeTranscodesTableDefinition, ttl: WARM_CLAIM_TTL_ATTRIBUTE },
  notifications: { definition: notificationsTableDefinition, ttl: NOTIFICATIONS_TTL_ATTRIBUTE },
};

type KeySchema = NonNullable<TableDefinition['KeySchema']>;
const keys = (schema: KeySchema | undefined) => Object.fromEntries((schema ?? []).map((k) => [k.KeyType, k.AttributeName]));

/** The Terraform shape of a definition, written out independently of src/service/table-definition.ts. */
const expectedShape = (d: TableDefinition) => {
  const { HASH, RANGE } = keys(d.KeySchema);
  return {
    hash_key: HASH,
    ...(RANGE ? { range_key: RANGE } : {}),
    attribute: (d.AttributeDefinitions ?? []).map((a) => ({ name: a.AttributeName, type: a.AttributeType })),
    global_secondary_index: (d.GlobalSecondaryIndexes ?? []).map((i) => {
      const k = keys(i.KeySchema);
      const nonKey = i.Projection?.NonKeyAttributes;
      return { name: i.IndexName, hash_key: k.HASH, ...(k.RANGE ? { range_key: k.RANGE } : {}), projection_type: i.Projection?.ProjectionType, ...(nonKey ? { non_key_attributes: nonKey } : {}) };
    }),
  };
};

describe('read-model tables', () => {
  let stacks: Record<string, StackJson>;
  beforeAll(() => {
    stacks = synthesizeStacks();
  });
  const readModel = (service: ServiceName): Found =>
    only(resources(stacks[service]!, 'aws_dynamodb_table').filter((t) => t.name === resourceNames(service, TEST_ENV).readModel), `${service} read model`);

  it.each(SERVICES)('%s: one read-model table beside its event store, and nothing else', (service) => {
    const names = resources(stacks[service]!, 'aws_dynamodb_table').map((t) => t.name);
    expect(names.sort()).toEqual([resourceNames(service, TEST_ENV).readModel, resourceNames(service, TEST_ENV).table].sort());
  });

  it.each(SERVICES)("%s: keys, attributes and indexes are the service adapter's definition", (service) => {
    const name = resourceNames(service, TEST_ENV).readModel;
    const table = readModel(service);
    const shape = expectedShape(READ_MODELS[service].definition(name));
    expect(table).toMatchObject({ hash_key: shape.hash_key, attribute: shape.attribute });
    expect(table.range_key).toBe(shape.range_key);
    expect(table.global_secondary_index ?? []).toEqual(shape.global_secondary_index);
  });

  it.each(SERVICES)('%s: on demand, point-in-time recovery, SSE with the environment key, deletion protection', (service) => {
    const table = readModel(service);
    expect(table).toMatchObject({ billing_mode: 'PAY_PER_REQUEST', point_in_time_recovery: { enabled: true }, deletion_protection_enabled: true });
    const sse = table.server_side_encryption as { enabled: boolean; kms_key_arn: string };
    expect(sse.enabled).toBe(true);
    expect(describeReferences(stacks[service]!, sse.kms_key_arn)).toBe(`<ssm /mediaflow/${TEST_ENV}/kms/key-arn>`);
    expect(table).not.toHaveProperty('stream_enabled');
  });

  it.each(SERVICES)('%s: TTL exactly where the service expires rows', (service) => {
    const { ttl } = READ_MODELS[service];
    if (ttl) expect(readModel(service).ttl).toEqual({ attribute_name: ttl, enabled: true });
    else expect(readModel(service)).not.toHaveProperty('ttl');
  });

  it('spells out the services that matter most: ingest expires deadlines on `ttl`, jobs has its two indexes', () => {
    expect(readModel('ingest').ttl).toEqual({ attribute_name: 'ttl', enabled: true });
    const indexes = readModel('jobs').global_secondary_index as { name: string; projection_type: string; non_key_attributes?: string[] }[];
    expect(indexes.map((i) => i.name)).toEqual([OWNER_INDEX, RETRY_INDEX]);
    expect(indexes[1]).toMatchObject({ projection_type: 'INCLUDE', non_key_attributes: ['ownerId', 'view'] });
    expect(readModel('notifications')).toMatchObject({ hash_key: 'pk', range_key: 'sk', ttl: { attribute_name: 'expiresAt' } });
  });

  it("processing: TTL on the attribute the warm runners' claim rows expire on, and those rows are the ones the warm runner may touch", () => {
    expect(readModel('processing').ttl).toEqual({ attribute_name: WARM_CLAIM_TTL_ATTRIBUTE, enabled: true });
    const hashKey = activeTranscodesTableDefinition('t').KeySchema!.find((k) => k.KeyType === 'HASH')!.AttributeName;
    expect(hashKey).toBe('pk');
    expect(WARM_CLAIM_KEY_PREFIX).toBe('warm#');
  });
});
