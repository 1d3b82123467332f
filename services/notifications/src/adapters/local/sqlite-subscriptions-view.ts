// The subscriptions read model in notifications' SQLite file: one row per subscription holding its
// view as JSON, replaced only by a newer stream version.
import type { SubscriptionsView, WebhookSubscriptionView } from '../../ports/subscriptions-view';
import type { NotificationsDatabase } from './notifications-database';

interface Row {
  view: string;
}

export class SqliteSubscriptionsView implements SubscriptionsView {
  constructor(private readonly db: NotificationsDatabase) {}

  async save(view: WebhookSubscriptionView, version: number): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO webhook_subscriptions (subscription_id, owner_id, version, status, created_at, view)
         VALUES (@id, @owner, @version, @status, @createdAt, @view)
         ON CONFLICT (subscription_id) DO UPDATE SET version = excluded.version, status = excluded.status, view = excluded.view
         WHERE excluded.version > webhook_subscriptions.version`,
      )
      .run({ id: view.subscriptionId, owner: view.ownerId, version, status: view.status, createdAt: view.createdAt, view: JSON.stringify(view) });
  }

  async listByOwner(ownerId: string): Promise<WebhookSubscriptionView[]> {
    const rows = this.db
      .prepare(`SELECT view FROM webhook_subscriptions WHERE owner_id = ? AND status <> 'deleted' ORDER BY created_at, subscription_id`)
      .all(ownerId) as Row[];
    return rows.map((r) => JSON.parse(r.view) as WebhookSubscriptionView);
  }

  async get(ownerId: string, subscriptionId: string): Promise<WebhookSubscriptionView | undefined> {
    const row = this.db
      .prepare(`SELECT view FROM webhook_subscriptions WHERE subscription_id = ? AND owner_id = ? AND status <> 'deleted'`)
      .get(subscriptionId, ownerId) as Row | undefined;
    return row ? (JSON.parse(row.view) as WebhookSubscriptionView) : undefined;
  }
}
