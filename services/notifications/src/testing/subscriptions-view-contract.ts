// The contract every SubscriptionsView adapter passes (SQLite and DynamoDB): owner-scoped reads,
// version-guarded saves (projections arrive twice and out of order) and tombstones for deletes.
import type { SubscriptionsView, WebhookSubscriptionView } from '../ports/subscriptions-view';

interface SubscriptionsViewUnderTest {
  readonly view: SubscriptionsView;
  cleanup(): Promise<void>;
}

const view = (id: string, ownerId: string, createdAt: string, overrides: Partial<WebhookSubscriptionView> = {}): WebhookSubscriptionView => ({
  subscriptionId: id,
  ownerId,
  url: `https://hooks.example.com/${id}`,
  eventTypes: ['*'],
  description: null,
  status: 'active',
  disabledReason: null,
  disabledDetail: null,
  createdAt,
  updatedAt: createdAt,
  ...overrides,
});

export const describeSubscriptionsViewContract = (name: string, make: () => Promise<SubscriptionsViewUnderTest>): void => {
  describe(name, () => {
    let subject: SubscriptionsViewUnderTest;
    let views: SubscriptionsView;
    beforeEach(async () => {
      subject = await make();
      views = subject.view;
    });
    afterEach(() => subject.cleanup());

    it("lists an owner's subscriptions oldest first, and only theirs", async () => {
      await views.save(view('wh_2', 'owner-a', '2026-11-25T12:00:02.000Z', { eventTypes: ['JobCompleted', 'JobFailed'], description: 'ops' }), 1);
      await views.save(view('wh_1', 'owner-a', '2026-11-25T12:00:01.000Z'), 1);
      await views.save(view('wh_3', 'owner-b', '2026-11-25T12:00:00.000Z'), 1);
      const listed = await views.listByOwner('owner-a');
      expect(listed.map((v) => v.subscriptionId)).toEqual(['wh_1', 'wh_2']);
      expect(listed[1]).toEqual(view('wh_2', 'owner-a', '2026-11-25T12:00:02.000Z', { eventTypes: ['JobCompleted', 'JobFailed'], description: 'ops' }));
      expect(await views.listByOwner('owner-c')).toEqual([]);
    });

    it("answers undefined for another owner's subscription", async () => {
      await views.save(view('wh_1', 'owner-a', '2026-11-25T12:00:00.000Z'), 1);
      expect(await views.get('owner-a', 'wh_1')).toMatchObject({ subscriptionId: 'wh_1' });
      expect(await views.get('owner-b', 'wh_1')).toBeUndefined();
      expect(await views.get('owner-a', 'wh_unknown')).toBeUndefined();
    });

    it('keeps the newest version whatever order projections arrive in', async () => {
      const createdAt = '2026-11-25T12:00:00.000Z';
      await views.save(view('wh_1', 'owner-a', createdAt, { status: 'disabled', disabledReason: 'ENDPOINT_GONE', disabledDetail: '410' }), 2);
      await views.save(view('wh_1', 'owner-a', createdAt), 1);
      expect(await views.get('owner-a', 'wh_1')).toMatchObject({ status: 'disabled', disabledReason: 'ENDPOINT_GONE' });
      await views.save(view('wh_1', 'owner-a', createdAt, { status: 'active' }), 3);
      expect(await views.get('owner-a', 'wh_1')).toMatchObject({ status: 'active', disabledReason: null });
    });

    it('hides a deleted subscription, and a late older version does not bring it back', async () => {
      const createdAt = '2026-11-25T12:00:00.000Z';
      await views.save(view('wh_1', 'owner-a', createdAt), 1);
      await views.save(view('wh_1', 'owner-a', createdAt, { status: 'deleted' }), 2);
      await views.save(view('wh_1', 'owner-a', createdAt), 1);
      expect(await views.get('owner-a', 'wh_1')).toBeUndefined();
      expect(await views.listByOwner('owner-a')).toEqual([]);
    });
  });
};
