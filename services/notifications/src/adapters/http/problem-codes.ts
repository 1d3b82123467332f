// notifications' problem codes and their HTTP statuses: the one place its domain errors meet HTTP.
import { registerProblemCodes } from '@mediaflow/http';

const NOTIFICATIONS_PROBLEM_CODES = {
  WEBHOOK_NOT_FOUND: { status: 404, title: 'Webhook not found' },
  WEBHOOK_URL_INVALID: { status: 400, title: 'Webhook URL invalid' },
  WEBHOOK_URL_NOT_HTTPS: { status: 400, title: 'Webhook URL must use https' },
  WEBHOOK_URL_FORBIDDEN: { status: 400, title: 'Webhook URL points at an internal address' },
  WEBHOOK_EVENT_TYPE_UNKNOWN: { status: 400, title: 'Unknown webhook event type' },
  WEBHOOK_LIMIT_REACHED: { status: 409, title: 'Webhook limit reached' },
  WEBHOOK_ALREADY_EXISTS: { status: 409, title: 'Webhook already exists', detail: 'a webhook id collided; retry the request' },
  EVENT_STREAM_LIMIT_REACHED: { status: 429, title: 'Too many open event streams' },
} as const;

/** Idempotent: the embedded all-in-one and each test may call it again. */
export const registerNotificationsProblemCodes = (): void => registerProblemCodes(NOTIFICATIONS_PROBLEM_CODES);
