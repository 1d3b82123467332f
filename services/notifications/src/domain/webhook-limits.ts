// Limits of a webhook subscription that the HTTP schemas also state; no runtime dependency here, so
// the schemas (and the API types clients derive from them) need nothing of node.
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** The operator's choice about webhook URLs (node-free: the API's schemas, bundled types, read it too). */
export interface WebhookUrlPolicy {
  /** http(s) to 127.0.0.0/8, ::1 and localhost; true in embedded mode, false on AWS by default. */
  readonly allowHttpLoopback: boolean;
}
