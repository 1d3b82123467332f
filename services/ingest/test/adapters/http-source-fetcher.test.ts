// The URL-ingest fetcher under the AWS address policy (no loopback, no internal address), against
// real HTTP servers. 127.0.0.2 stands in for a public server: the injected resolver answers it for
// media.example.com and the policy trusts that one address. Everything else is the shipped policy,
// so 127.0.0.1 (a second server that counts requests) and 169.254.169.254 are refused as on AWS.
import type { LookupAddress } from 'node:dns';
import { isAddressAllowed, type HostResolver } from '@mediaflow/address-guard';
import { HttpSourceFetcher } from '../../src/adapters/outbound/http-source-fetcher';
import { startSourceServer, type SourceServer } from '../support/source-server';

const body = Buffer.from('not really a clip, but bytes all the same');
let publicStandIn: SourceServer;
let internal: SourceServer;

const resolver: HostResolver = async (hostname) => {
  const answers: Record<string, LookupAddress[]> = {
    'media.example.com': [{ address: '127.0.0.2', family: 4 }],
    'internal.example.com': [{ address: '127.0.0.1', family: 4 }],
  };
  const found = answers[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return found;
};

const awsFetcher = (maxRedirects = 5, idleTimeoutMs = 2000) =>
  new HttpSourceFetcher({
    policy: { allowLoopback: false, isAddressAllowed: (a) => a === '127.0.0.2' || isAddressAllowed(a, false) },
    maxRedirects,
    connectTimeoutMs: 2000,
    idleTimeoutMs,
    resolver,
  });

const fetchText = async (url: string, fetcher = awsFetcher()): Promise<string> => {
  const opened = await fetcher.open(url, { signal: new AbortController().signal });
  const chunks: Buffer[] = [];
  for await (const chunk of opened.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

const codeOf = (url: string, fetcher = awsFetcher()): Promise<string | undefined> =>
  fetcher.open(url, { signal: new AbortController().signal }).then(
    (opened) => {
      opened.body.destroy();
      return undefined;
    },
    (error: { code?: string }) => error.code,
  );

beforeAll(async () => {
  publicStandIn = await startSourceServer(body, '127.0.0.2');
  internal = await startSourceServer(body, '127.0.0.1');
});
afterAll(async () => {
  await publicStandIn.close();
  await internal.close();
});

const media = () => `http://media.example.com:${publicStandIn.port}`;

describe('HttpSourceFetcher with the AWS address policy', () => {
  it('fetches from an allowed host, through a redirect', async () => {
    expect(await fetchText(`${media()}/redirect?to=/clip.mp4`)).toBe(body.toString());
    expect(publicStandIn.count('/redirect')).toBe(1);
  });

  it('refuses http://127.0.0.1:port without contacting it', async () => {
    expect(await codeOf(`${internal.url}/clip.mp4`)).toBe('SOURCE_ADDRESS_LOOPBACK');
    expect(internal.count()).toBe(0);
  });

  it('refuses the metadata address http://169.254.169.254/', async () => {
    expect(await codeOf('http://169.254.169.254/latest/meta-data/')).toBe('SOURCE_ADDRESS_INTERNAL');
  });

  it('refuses a public-looking name that resolves to 127.0.0.1, without contacting it', async () => {
    expect(await codeOf(`http://internal.example.com:${internal.port}/clip.mp4`)).toBe('SOURCE_ADDRESS_REFUSED');
    expect(internal.count()).toBe(0);
  });

  it.each([
    ['127.0.0.1', () => `${internal.url}/clip.mp4`],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a name resolving to 127.0.0.1', () => `http://internal.example.com:${internal.port}/clip.mp4`],
  ])('refuses a redirect from an allowed host to %s, and fetches nothing there', async (_name, target) => {
    const before = publicStandIn.count('/redirect');
    expect(await codeOf(`${media()}/redirect?to=${encodeURIComponent(target())}`)).toBe('SOURCE_REDIRECT_REFUSED');
    expect(publicStandIn.count('/redirect')).toBe(before + 1);
    expect(internal.count()).toBe(0);
  });

  it('names an error status, too many redirects and an unknown host', async () => {
    expect(await codeOf(`${media()}/missing`)).toBe('SOURCE_HTTP_ERROR');
    expect(await codeOf(`${media()}/loop`, awsFetcher(3))).toBe('SOURCE_TOO_MANY_REDIRECTS');
    expect(publicStandIn.count('/loop')).toBe(4);
    expect(await codeOf('http://nowhere.example.com/clip.mp4')).toBe('SOURCE_UNREACHABLE');
  });
});

it('errors the body of a source that stops sending midway, after the idle timeout', async () => {
  const opened = await awsFetcher(5, 300).open(`${media()}/stall`, { signal: new AbortController().signal });
  const read = (async () => {
    for await (const _chunk of opened.body) {
      // drain
    }
  })();
  await expect(read).rejects.toThrow(/no data for 300 ms|aborted/);
  // The server sees the connection close a moment later.
  for (const deadline = Date.now() + 2000; publicStandIn.openResponses() > 0 && Date.now() < deadline; ) await new Promise((r) => setImmediate(r));
  expect(publicStandIn.openResponses()).toBe(0);
});
