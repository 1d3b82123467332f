// Sends webhooks with node:http(s): POST, no redirects followed (a 3xx is a failure, per the spec),
// a whole-request deadline, the guarded DNS lookup, and a bounded read of the answer for the log.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isAddressAllowed } from '@mediaflow/address-guard';
import type { AttemptErrorCode } from '../../domain/retry-policy';
import type { SendResult, WebhookRequest, WebhookSender } from '../../ports/webhook-sender';
import { parseRetryAfter } from './retry-after';

/** Kept from the response body for the delivery log; the rest is discarded. */
const SNIPPET_BYTES = 256;
const MAX_READ_BYTES = 64 * 1024;
export const WEBHOOK_USER_AGENT = 'mediaflow-webhooks/1';

class DeadlineExceeded extends Error {
  readonly code = 'TIMEOUT';
}

const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/;

const errorCode = (error: NodeJS.ErrnoException): AttemptErrorCode => {
  if (error instanceof DeadlineExceeded) return 'TIMEOUT';
  if (error.code === 'ADDRESS_FORBIDDEN') return 'ADDRESS_FORBIDDEN';
  if (error.code && TLS_CODE.test(error.code)) return 'TLS_ERROR';
  return 'NETWORK_ERROR';
};

const bracketless = (hostname: string): string => hostname.replace(/^\[|\]$/g, '');

export class NodeHttpWebhookSender implements WebhookSender {
  async send(request: WebhookRequest): Promise<SendResult> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    const url = new URL(request.url);
    const host = bracketless(url.hostname);
    // A literal address never goes through lookup: check it here.
    if (isIP(host) !== 0 && !isAddressAllowed(host, request.allowLoopback)) {
      return { kind: 'error', code: 'ADDRESS_FORBIDDEN', message: `${host} is an internal address`, durationMs: elapsed() };
    }
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      const finish = (result: SendResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(result);
      };
      const fail = (error: NodeJS.ErrnoException): void => finish({ kind: 'error', code: errorCode(error), message: error.message || String(error.code), durationMs: elapsed() });
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(
        url,
        {
          method: 'POST',
          agent: false,
          lookup: guardedLookup(request.allowLoopback),
          headers: {
            ...request.headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(request.body)),
            'user-agent': WEBHOOK_USER_AGENT,
          },
          signal: request.signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let read = 0;
          const done = (): void => {
            const status = res.statusCode ?? 0;
            const retryAfterSeconds = parseRetryAfter(res.headers['retry-after'], new Date());
            const snippet = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
            finish({ kind: 'response', status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}), ...(snippet ? { responseSnippet: snippet } : {}), durationMs: elapsed() });
            res.destroy();
          };
          res.on('data', (chunk: Buffer) => {
            if (read < SNIPPET_BYTES) chunks.push(chunk);
            read += chunk.length;
            if (read > MAX_READ_BYTES) done();
          });
          res.once('end', done);
          res.once('error', done);
        },
      );
      const deadline = setTimeout(() => req.destroy(new DeadlineExceeded(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs);
      req.once('error', fail);
      req.end(request.body);
    });
  }
}
