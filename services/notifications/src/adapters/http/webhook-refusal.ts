// The schema of POST /v1/webhooks holds the URL rules and the event names, so it refuses first; this
// names the domain's own refusal of such a request, so clients keep the stable codes
// (WEBHOOK_URL_INVALID / _NOT_HTTPS / _FORBIDDEN, WEBHOOK_EVENT_TYPE_UNKNOWN) and their messages.
import type { ProblemIssue } from '@mediaflow/http';
import { WebhookEventTypeUnknown } from '../../domain/webhook-errors';
import { NOTIFIED_EVENTS, ALL_EVENTS } from '../../domain/notified-events';
import { checkWebhookUrl, type WebhookUrlPolicy } from '../../domain/webhook-url-policy';

const judgedByDomain = (issue: ProblemIssue): boolean =>
  issue.in === 'body' &&
  ((issue.path === 'url' && issue.code === 'invalid_format') ||
    (/^eventTypes\.\d+$/.test(issue.path) && issue.code === 'invalid_value'));

export const webhookRefusal =
  (policy: WebhookUrlPolicy) =>
  (raw: { body: unknown }, issues: ProblemIssue[]): unknown => {
    if (!issues.every(judgedByDomain)) return undefined;
    const body = raw.body as { url: string; eventTypes?: string[] };
    checkWebhookUrl(body.url, policy);
    const known: readonly string[] = [ALL_EVENTS, ...NOTIFIED_EVENTS];
    const unknown = (body.eventTypes ?? []).filter((t) => !known.includes(t));
    return unknown.length > 0 ? new WebhookEventTypeUnknown([...new Set(unknown)], NOTIFIED_EVENTS) : undefined;
  };
