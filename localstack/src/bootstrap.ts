// Creates, idempotently, everything the services need on an AWS endpoint — the bus, each service's
// event-store table, inbox queue, dead-letter queue and subscription rules, and the two buckets —
// from the same declarations the embedded bus and the cdktf stacks read.
import { CreateBucketCommand, S3Client, type S3ServiceException } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { ensureArchive, ensureBus, ensureDynamoTable, provisionMessaging, type ProvisionedMessaging } from '@mediaflow/aws-provisioning';
import { awsClientSettings } from '@mediaflow/config';
import { createEventStoreTable } from '@mediaflow/event-store/aws';
import { bucketNames, resourceNames, type ServiceDeclaration } from '@mediaflow/topology';
import { services as registry } from '@mediaflow/service-registry';

export interface BootstrapReport {
  env: string;
  buckets: { uploads: string; outputs: string };
  services: Array<{ service: string; table: string; readTable: string } & ProvisionedMessaging>;
  /** The bus and its archive (every event, as the foundation stack declares it): the source of replays. */
  bus: { name: string; arn: string; archiveArn: string };
}

const ensureBucket = async (s3: S3Client, bucket: string): Promise<void> => {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (e) {
    const name = (e as S3ServiceException).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw e;
  }
};

export const bootstrap = async (declarations: readonly ServiceDeclaration[], env: string): Promise<BootstrapReport> => {
  const settings = awsClientSettings();
  const dynamo = new DynamoDBClient(settings);
  const eventBridge = new EventBridgeClient(settings);
  const sqs = new SQSClient(settings);
  const s3 = new S3Client(settings);
  try {
    const buckets = bucketNames(env);
    await ensureBucket(s3, buckets.uploads);
    await ensureBucket(s3, buckets.outputs);
    const bus = await ensureBus(eventBridge, env);
    const { archiveArn } = await ensureArchive(eventBridge, env, bus.busArn);
    const services = [];
    for (const declaration of declarations) {
      const { table, readModel } = resourceNames(declaration.service, env);
      await createEventStoreTable(dynamo, table);
      const read = registry[declaration.service].readTable;
      await ensureDynamoTable(dynamo, read.definition(readModel), { ttlAttribute: read.ttlAttribute });
      const messaging = await provisionMessaging({ eventBridge, sqs }, declaration, env);
      services.push({ service: declaration.service, table, readTable: readModel, ...messaging });
    }
    return { env, buckets, services, bus: { name: bus.busName, arn: bus.busArn, archiveArn } };
  } finally {
    for (const c of [dynamo, eventBridge, sqs, s3]) c.destroy();
  }
};
