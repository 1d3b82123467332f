// @mediaflow/notifications/testing: what tests outside this service use to check its deliveries.
export { verifyStandardWebhook, WebhookVerificationFailed } from './standard-webhooks-verifier';
