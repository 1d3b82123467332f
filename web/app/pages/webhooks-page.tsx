// Webhook management: subscribe an endpoint (its signing secret is shown once), see each one's
// recent deliveries, re-enable a disabled one, delete.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Api, CreatedWebhook, Webhook, WebhookDetail } from '../api';
import { ErrorBox, guardAuth } from '../components/problem';
import { StatusBadge } from '../components/progress';
import { formatTime } from '../format';
import { LIVE_EVENT_TYPES } from '../live';

const Deliveries = ({ api, id }: { api: Api; id: string }) => {
  const [detail, setDetail] = useState<WebhookDetail>();
  const [error, setError] = useState<unknown>();
  useEffect(() => void api.getWebhook(id).then(setDetail, setError), [api, id]);
  if (error !== undefined) return <ErrorBox error={error} />;
  if (!detail) return <p class="muted">Loading deliveries…</p>;
  if (!detail.recentDeliveries?.length) return <p class="muted">No deliveries yet.</p>;
  return (
    <table class="deliveries">
      <thead>
        <tr>
          <th>When</th>
          <th>Event</th>
          <th>Attempt</th>
          <th>Outcome</th>
          <th>Response</th>
        </tr>
      </thead>
      <tbody>
        {detail.recentDeliveries.map((d) => (
          <tr key={`${d.eventId}-${d.attempt}`}>
            <td>{formatTime(d.attemptedAt)}</td>
            <td>{d.eventType}</td>
            <td>{d.attempt}</td>
            <td>{d.outcome}</td>
            <td>{d.responseStatus ?? d.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

export const WebhooksPage = ({ api, onAuthError }: { api: Api; onAuthError: () => void }) => {
  const [hooks, setHooks] = useState<Webhook[]>();
  const [error, setError] = useState<unknown>();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [created, setCreated] = useState<CreatedWebhook>();
  const [open, setOpen] = useState<string>();
  const load = useCallback(async () => {
    try {
      setHooks((await api.listWebhooks().catch(guardAuth(onAuthError))).items);
    } catch (e) {
      setError(e);
    }
  }, [api, onAuthError]);
  useEffect(() => void load(), [load]);
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      await load();
    } catch (e) {
      setError(e);
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const hook = await api.createWebhook({ url: url.trim(), ...(types.length ? { eventTypes: types } : {}), ...(description.trim() ? { description: description.trim() } : {}) });
      setCreated(hook);
      setUrl('');
      setDescription('');
      setTypes([]);
    });
  };
  return (
    <section>
      <h1>Webhooks</h1>
      <form class="card webhook-form" onSubmit={submit}>
        <h2>Add an endpoint</h2>
        <label for="webhook-url">URL</label>
        <input id="webhook-url" type="url" required placeholder="https://example.com/hooks/mediaflow" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        <label for="webhook-description">Description (optional)</label>
        <input id="webhook-description" value={description} maxLength={200} onInput={(e) => setDescription((e.target as HTMLInputElement).value)} />
        <fieldset>
          <legend>Events (none ticked: all)</legend>
          {LIVE_EVENT_TYPES.map((t) => (
            <label key={t} class="check">
              <input type="checkbox" checked={types.includes(t)} onChange={(e) => setTypes((cur) => ((e.target as HTMLInputElement).checked ? [...cur, t] : cur.filter((x) => x !== t)))} />
              {t}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary">
          Add webhook
        </button>
      </form>
      {created?.secret && (
        <div class="card secret" role="status" data-testid="webhook-secret">
          <strong>Signing secret for {created.url}</strong>
          <p>It is shown only now: store it to verify the webhook-signature header (Standard Webhooks).</p>
          <code>{created.secret}</code>
          <button type="button" class="link" onClick={() => setCreated(undefined)}>
            I have stored it
          </button>
        </div>
      )}
      {error !== undefined && <ErrorBox error={error} onDismiss={() => setError(undefined)} />}
      {hooks && hooks.length === 0 && <p class="empty">No webhooks yet.</p>}
      {hooks && hooks.length > 0 && (
        <ul class="webhooks" data-testid="webhooks">
          {hooks.map((h) => (
            <li key={h.id} class="card">
              <div class="page-head">
                <code>{h.url}</code>
                <StatusBadge status={h.status} />
              </div>
              <p class="muted">
                {h.description ? `${h.description} · ` : ''}
                {h.eventTypes.join(', ')} · since {formatTime(h.createdAt)}
                {h.disabledReason ? ` · disabled: ${h.disabledReason}${h.disabledDetail ? ` (${h.disabledDetail})` : ''}` : ''}
              </p>
              <div class="actions">
                <button type="button" onClick={() => setOpen(open === h.id ? undefined : h.id)}>
                  {open === h.id ? 'Hide deliveries' : 'Deliveries'}
                </button>
                {h.status === 'disabled' && (
                  <button type="button" onClick={() => void run(() => api.enableWebhook(h.id))}>
                    Enable
                  </button>
                )}
                <button type="button" class="danger" onClick={() => confirm(`Delete the webhook to ${h.url}?`) && void run(() => api.deleteWebhook(h.id))}>
                  Delete
                </button>
              </div>
              {open === h.id && <Deliveries api={api} id={h.id} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
