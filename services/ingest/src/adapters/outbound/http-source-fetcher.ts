// Opens a URL ingest's source with node:http(s): GET, redirects followed by hand (at most
// `maxRedirects`, each hop's URL checked again), every connection through the guarded lookup so the
// address connected to is the address checked (no DNS-rebinding window), a connect deadline and an
// idle deadline (no byte for that long). The body is handed back unread: the caller counts it.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { guardedLookup, isAddressForbidden, type HostResolver } from '@mediaflow/address-guard';
import { addressCheck, checkSourceUrl, type SourceAddressPolicy } from '../../domain/source-url';
import { SourceFetchFailed } from '../../domain/upload-errors';
import type { OpenedSource, SourceFetcher } from '../../ports/source-fetcher';

export const SOURCE_USER_AGENT = 'mediaflow-ingest/1';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface HttpSourceFetcherOptions {
  readonly policy: SourceAddressPolicy;
  readonly maxRedirects: number;
  readonly connectTimeoutMs: number;
  readonly idleTimeoutMs: number;
  /** DNS answers; the system resolver unless a test gives names the answers a real DNS would. */
  readonly resolver?: HostResolver;
}

const unreachable = (url: URL, error: NodeJS.ErrnoException, redirected: boolean): SourceFetchFailed =>
  isAddressForbidden(error)
    ? new SourceFetchFailed(redirected ? 'SOURCE_REDIRECT_REFUSED' : 'SOURCE_ADDRESS_REFUSED', error.message, { cause: error })
    : new SourceFetchFailed('SOURCE_UNREACHABLE', `${url.host}: ${error.message || error.code || 'connection failed'}`, { cause: error });

/** A redirect hop is checked like the URL given, but refused under its own code: the client named a good URL. */
const checkRedirect = (href: string, policy: SourceAddressPolicy): URL => {
  try {
    return checkSourceUrl(href, policy);
  } catch (error) {
    if (error instanceof SourceFetchFailed && (error.code === 'SOURCE_ADDRESS_LOOPBACK' || error.code === 'SOURCE_ADDRESS_INTERNAL'))
      throw new SourceFetchFailed('SOURCE_REDIRECT_REFUSED', `redirected to a refused address: ${error.message}`, { cause: error });
    throw error;
  }
};

export class HttpSourceFetcher implements SourceFetcher {
  constructor(private readonly options: HttpSourceFetcherOptions) {}

  async open(raw: string, { signal }: { readonly signal: AbortSignal }): Promise<OpenedSource> {
    let url = checkSourceUrl(raw, this.options.policy);
    for (let hop = 0; ; hop += 1) {
      const res = await this.get(url, signal, hop > 0);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.destroy();
        const location = res.headers.location;
        if (!location) throw new SourceFetchFailed('SOURCE_HTTP_ERROR', `${url.host} answered ${status} without a Location`);
        if (hop >= this.options.maxRedirects)
          throw new SourceFetchFailed('SOURCE_TOO_MANY_REDIRECTS', `more than ${this.options.maxRedirects} redirects`);
        url = checkRedirect(new URL(location, url).href, this.options.policy);
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new SourceFetchFailed('SOURCE_HTTP_ERROR', `${url.host} answered HTTP ${status}`);
      }
      const length = Number(res.headers['content-length']);
      return {
        body: res,
        ...(Number.isSafeInteger(length) && length >= 0 && res.headers['content-length'] !== undefined && { contentLength: length }),
        ...(res.headers['content-type'] !== undefined && { contentType: res.headers['content-type'] }),
        finalUrl: url.href,
      };
    }
  }

  private get(url: URL, signal: AbortSignal, redirected: boolean): Promise<IncomingMessage> {
    const { connectTimeoutMs, idleTimeoutMs, resolver } = this.options;
    return new Promise((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const req = client.request(url, {
        method: 'GET',
        agent: false,
        lookup: guardedLookup(addressCheck(this.options.policy), resolver),
        headers: { 'user-agent': SOURCE_USER_AGENT, accept: '*/*', 'accept-encoding': 'identity' },
        signal,
      });
      const connectDeadline = setTimeout(
        () => req.destroy(Object.assign(new Error(`no answer within ${connectTimeoutMs} ms`), { code: 'ETIMEDOUT' })),
        connectTimeoutMs,
      );
      // Socket inactivity, while waiting and while the body streams: a stalled source is unreachable.
      req.setTimeout(idleTimeoutMs, () =>
        req.destroy(Object.assign(new Error(`no data for ${idleTimeoutMs} ms`), { code: 'ETIMEDOUT' })),
      );
      req.once('response', (res) => {
        clearTimeout(connectDeadline);
        resolve(res);
      });
      req.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(connectDeadline);
        reject(signal.aborted ? error : unreachable(url, error, redirected));
      });
      req.end();
    });
  }
}
