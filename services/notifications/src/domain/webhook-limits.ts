// Limits of a webhook subscription that the HTTP schemas also state; no runtime dependency here, so
// the schemas (and the API types clients derive from them) need nothing of node.
export const MAX_WEBHOOK_URL_LENGTH = 2048;
