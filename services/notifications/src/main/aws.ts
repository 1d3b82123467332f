// AWS composition root: notifications alone in its task, the DynamoDB event store, EventBridge/SQS
// from @mediaflow/runtime, and its own table (`resourceNames('notifications', env).readModel`) for the
// read model, the delivery queue and log. The table is created by cdktf or the emulator bootstrap
// from notificationsTableDefinition.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientSettings } from '@mediaflow/config';
import { createAwsContainer, loadInfrastructureConfig, type ServiceInstance } from '@mediaflow/runtime';
import { resourceNames } from '@mediaflow/topology';
import { DynamoDbDeliveryStore } from '../adapters/aws/dynamodb-delivery-store';
import { DynamoDbRecentEventsLog } from '../adapters/aws/dynamodb-recent-events-log';
import { DynamoDbSubscriptionsView } from '../adapters/aws/dynamodb-subscriptions-view';
import { NodeHttpWebhookSender } from '../adapters/outbound/node-http-webhook-sender';
import { notificationsDeclaration } from '../subscriptions';
import { composeNotifications } from './compose-notifications';
import { loadNotificationsSettings } from './notifications-config';

export const createAwsService = async (env: NodeJS.ProcessEnv = process.env): Promise<ServiceInstance> => {
  const config = loadInfrastructureConfig(env);
  const settings = loadNotificationsSettings('aws', env);
  const container = await createAwsContainer({ declaration: notificationsDeclaration, config });
  const client = new DynamoDBClient(awsClientSettings(env));
  const tableName = resourceNames('notifications', config.MEDIAFLOW_ENV).readModel;
  const parts = composeNotifications(
    container,
    {
      view: new DynamoDbSubscriptionsView({ client, tableName }),
      deliveries: new DynamoDbDeliveryStore({ client, tableName, retentionDays: settings.retentionDays }),
      recent: new DynamoDbRecentEventsLog({ client, tableName, retentionSeconds: settings.replaySeconds }),
      sender: new NodeHttpWebhookSender(),
      // The api task serves the streams, the worker task consumes: the api tails the log.
      tailRecentEvents: true,
    },
    settings,
  );
  return {
    service: 'notifications',
    routers: [parts.router],
    start: () => parts.start(),
    async stop() {
      await parts.stop();
      client.destroy();
    },
  };
};
