// The lookup a guarded socket uses: it answers only when every address of the name may be reached.
import type { LookupAddress } from 'node:dns';
import { guardedLookup, outboundUrlPattern, type HostResolver } from '../src';

const resolverOf =
  (answers: Record<string, LookupAddress[]>): HostResolver =>
  async (hostname) => {
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`${hostname} not found`), { code: 'ENOTFOUND' });
    return found;
  };

const lookupOnce = (allowLoopback: boolean, resolver: HostResolver, hostname: string): Promise<{ error: NodeJS.ErrnoException | null; address: unknown }> =>
  new Promise((resolve) => {
    guardedLookup(allowLoopback, resolver)(hostname, {}, (error, address) => resolve({ error, address }));
  });

const answers = resolverOf({
  'media.example.com': [{ address: '93.184.216.34', family: 4 }],
  'rebind.example.com': [
    { address: '93.184.216.34', family: 4 },
    { address: '169.254.169.254', family: 4 },
  ],
  'local.example.com': [{ address: '127.0.0.1', family: 4 }],
});

describe('guardedLookup', () => {
  it('answers the first address of a name whose every address is public', async () => {
    expect(await lookupOnce(false, answers, 'media.example.com')).toEqual({ error: null, address: '93.184.216.34' });
  });

  it('refuses a name with any internal address among its answers', async () => {
    const { error } = await lookupOnce(false, answers, 'rebind.example.com');
    expect(error).toMatchObject({ code: 'ADDRESS_FORBIDDEN', address: '169.254.169.254' });
  });

  it('refuses a name resolving to the loopback unless the loopback is allowed', async () => {
    expect((await lookupOnce(false, answers, 'local.example.com')).error).toMatchObject({ code: 'ADDRESS_FORBIDDEN' });
    expect(await lookupOnce(true, answers, 'local.example.com')).toEqual({ error: null, address: '127.0.0.1' });
  });

  it('passes a resolution failure through', async () => {
    expect((await lookupOnce(false, answers, 'nowhere.example.com')).error).toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('outboundUrlPattern', () => {
  const webhooks = outboundUrlPattern({ publicSchemes: 'https', allowLoopback: false });
  const ingest = outboundUrlPattern({ publicSchemes: 'http-or-https', allowLoopback: true });

  it('takes https (and, where asked, http) to public DNS names', () => {
    expect(webhooks.test('https://hooks.example.com:8443/a?b=1')).toBe(true);
    expect(webhooks.test('http://hooks.example.com/a')).toBe(false);
    expect(ingest.test('http://cdn.example.com/clip.mp4')).toBe(true);
  });

  it('takes the loopback only where allowed, and never internal names, credentials or fragments', () => {
    expect(webhooks.test('http://127.0.0.1:9000/x')).toBe(false);
    expect(ingest.test('http://127.0.0.1:9000/x')).toBe(true);
    for (const url of ['https://metadata.internal/x', 'https://printer.local/x', 'https://user:pw@a.example.com/', 'https://a.example.com/#f', 'https://169.254.169.254/'])
      expect([url, ingest.test(url)]).toEqual([url, false]);
  });
});
