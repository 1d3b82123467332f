// The subscriptions read model in notifications' DynamoDB table: one item per subscription under its
// owner's partition (listing is one Query, another owner's id is simply not there), replaced only by
// a newer stream version.
import { GetItemCommand, PutItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SubscriptionsView, WebhookSubscriptionView } from '../../ports/subscriptions-view';
import { n, s, str, subscriptionKey, type Item } from './dynamodb-items';

interface DynamoDbSubscriptionsViewOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

const toView = (item: Item): WebhookSubscriptionView => JSON.parse(str(item, 'view')) as WebhookSubscriptionView;

export class DynamoDbSubscriptionsView implements SubscriptionsView {
  constructor(private readonly options: DynamoDbSubscriptionsViewOptions) {}

  async save(view: WebhookSubscriptionView, version: number): Promise<void> {
    try {
      await this.options.client.send(
        new PutItemCommand({
          TableName: this.options.tableName,
          Item: { ...subscriptionKey(view.ownerId, view.subscriptionId), version: n(version), status: s(view.status), createdAt: s(view.createdAt), view: s(JSON.stringify(view)) },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
          ExpressionAttributeValues: { ':version': n(version) },
        }),
      );
    } catch (error) {
      // The same or a newer version is already there: nothing to do.
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async listByOwner(ownerId: string): Promise<WebhookSubscriptionView[]> {
    const views: WebhookSubscriptionView[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': s(`owner#${ownerId}`), ':prefix': s('webhook#') },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      views.push(...(page.Items ?? []).filter((item) => str(item, 'status') !== 'deleted').map(toView));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return views.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.subscriptionId.localeCompare(b.subscriptionId));
  }

  async get(ownerId: string, subscriptionId: string): Promise<WebhookSubscriptionView | undefined> {
    const result = await this.options.client.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: subscriptionKey(ownerId, subscriptionId), ConsistentRead: true }),
    );
    if (!result.Item || str(result.Item, 'status') === 'deleted') return undefined;
    return toView(result.Item);
  }
}
