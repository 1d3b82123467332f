// What a webhook URL may be: absolute http(s), no credentials or fragment, https unless it points at
// the loopback and the operator allowed that, and never an internal address. Names are checked here
// only by their shape; the sender checks what they resolve to at every delivery (DNS can change).
import { classifyHost } from '@mediaflow/address-guard';
import { WebhookUrlForbidden, WebhookUrlInvalid, WebhookUrlNotHttps } from './webhook-errors';
import { MAX_WEBHOOK_URL_LENGTH, type WebhookUrlPolicy } from './webhook-limits';

export type { WebhookUrlPolicy };

const parse = (raw: string): URL => {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) throw new WebhookUrlInvalid(`the URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  try {
    return new URL(raw);
  } catch (error) {
    throw new WebhookUrlInvalid('the URL is not an absolute URL', { cause: error });
  }
};

/** Returns the normalised URL (WHATWG serialisation) or throws the reason it is refused. */
export const checkWebhookUrl = (raw: string, policy: WebhookUrlPolicy): string => {
  const url = parse(raw.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookUrlInvalid(`the URL scheme must be https, not ${url.protocol.replace(':', '')}`);
  if (url.username || url.password) throw new WebhookUrlInvalid('the URL must not carry credentials; verify the webhook signature instead');
  if (url.hash) throw new WebhookUrlInvalid('the URL must not have a fragment');
  const kind = classifyHost(url.hostname);
  if (kind === 'internal') throw new WebhookUrlForbidden(`${url.hostname} is an internal address`);
  if (kind === 'loopback') {
    if (!policy.allowHttpLoopback) throw new WebhookUrlForbidden(`${url.hostname} is a loopback address`);
    return url.href;
  }
  if (url.protocol !== 'https:') throw new WebhookUrlNotHttps('the URL must use https');
  return url.href;
};
