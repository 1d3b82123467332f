// What an outbound URL may be, as one regular expression for an API document (OpenAPI `pattern`):
// http(s) to a public DNS name (dotted, a letters-only top-level label, none of the internal
// suffixes classifyHost refuses) or, where the loopback is allowed, to localhost / 127.0.0.1 / [::1];
// no credentials, no fragment, no blanks. Literal public IP addresses pass the runtime check but are
// left out of the pattern. The runtime check (classifyHost, guardedLookup) stays the authority.
const INTERNAL = '(?:local|internal|localdomain|home\\.arpa|intranet|lan|localhost)';
const PUBLIC_HOST = `(?!(?:[a-zA-Z0-9-]+\\.)*${INTERNAL}\\.?(?:[:/?]|$))(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}\\.?`;
const LOOPBACK_HOST = '(?:localhost|127\\.0\\.0\\.1|\\[::1\\])';
// 0-65535, as the URL parser accepts.
const PORT = '(?::(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|\\d{1,4}))?';

export interface OutboundUrlPatternOptions {
  /** Schemes a public host may be reached with: webhooks `https` only, URL ingest `http` too. */
  readonly publicSchemes: 'https' | 'http-or-https';
  /** Loopback hosts (over http or https) accepted too. */
  readonly allowLoopback: boolean;
}

export const outboundUrlPattern = ({ publicSchemes, allowLoopback }: OutboundUrlPatternOptions): RegExp =>
  new RegExp(
    `^(?:${publicSchemes === 'https' ? 'https' : 'https?'}://${PUBLIC_HOST}${allowLoopback ? `|https?://${LOOPBACK_HOST}` : ''})${PORT}(?:[/?][!$&'()*+,;=:@%/?a-zA-Z0-9._~-]*)?$`,
  );
