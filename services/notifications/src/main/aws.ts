// AWS composition root: notifications alone in its task, the DynamoDB event store, EventBridge/SQS
// from @mediaflow/runtime, and its own table (`resourceNames('notifications', env).readModel`) for the
// read model, the delivery queue and log, over the infrastructure's one DynamoDB client. The table is
// created by cdktf or the emulator bootstrap from notificationsTableDefinition.
import { ContainerModule } from 'inversify';
import {
  awsInfrastructure,
  bindTyped,
  createServiceContainer,
  loadInfrastructureSettings,
  resolve,
  TOKENS,
  type ServiceInstance,
} from '@mediaflow/runtime';
import { resourceNames } from '@mediaflow/topology';
import { DynamoDbDeliveryStore } from '../adapters/aws/dynamodb-delivery-store';
import { DynamoDbRecentEventsLog } from '../adapters/aws/dynamodb-recent-events-log';
import { DynamoDbSubscriptionsView } from '../adapters/aws/dynamodb-subscriptions-view';
import { NodeHttpWebhookSender } from '../adapters/outbound/node-http-webhook-sender';
import { notificationsDeclaration } from '../subscriptions';
import { loadNotificationsSettings } from './notifications-config';
import { notificationsInstance } from './notifications-instance';
import { notificationsModule } from './notifications-module';
import { NOTIFICATIONS_TOKENS } from './notifications-tokens';

/** `env`: the environment of the process, handed in by the entry file. */
export const createAwsService = async (env: NodeJS.ProcessEnv): Promise<ServiceInstance> => {
  const infrastructureSettings = loadInfrastructureSettings(env);
  const settings = loadNotificationsSettings('aws', env);
  const infrastructure = await awsInfrastructure({ declaration: notificationsDeclaration, settings: infrastructureSettings });
  const tableName = resourceNames('notifications', infrastructureSettings.environment).readModel;
  const awsAdapters = new ContainerModule(({ bind }) => {
    bindTyped(bind, NOTIFICATIONS_TOKENS.SubscriptionsView)
      .toDynamicValue((ctx) => new DynamoDbSubscriptionsView({ client: resolve(ctx, TOKENS.DynamoDb), tableName }))
      .inSingletonScope();
    bindTyped(bind, NOTIFICATIONS_TOKENS.Deliveries)
      .toDynamicValue((ctx) => new DynamoDbDeliveryStore({ client: resolve(ctx, TOKENS.DynamoDb), tableName, retentionDays: settings.retentionDays }))
      .inSingletonScope();
    bindTyped(bind, NOTIFICATIONS_TOKENS.RecentEvents)
      .toDynamicValue((ctx) => new DynamoDbRecentEventsLog({ client: resolve(ctx, TOKENS.DynamoDb), tableName, retentionSeconds: settings.replaySeconds }))
      .inSingletonScope();
    bindTyped(bind, NOTIFICATIONS_TOKENS.Sender).toConstantValue(new NodeHttpWebhookSender());
  });
  // The api task serves the streams, the worker task consumes: the api tails the log.
  const container = createServiceContainer(infrastructure, notificationsModule(settings, { tailRecentEvents: true }), awsAdapters);
  return notificationsInstance(container, infrastructure);
};
