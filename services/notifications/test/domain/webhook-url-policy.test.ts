// Which webhook URLs are accepted, and why the others are refused (SSRF, plain http, malformed).
import { classifyAddress } from '@mediaflow/address-guard';
import { checkWebhookUrl } from '../../src/domain/webhook-url-policy';

const strict = { allowHttpLoopback: false };
const embedded = { allowHttpLoopback: true };

const codeOf = (url: string, policy = strict): string | undefined => {
  try {
    checkWebhookUrl(url, policy);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('webhook URL policy', () => {
  it('accepts public https URLs and normalises them', () => {
    expect(checkWebhookUrl(' HTTPS://Hooks.Example.COM:443/a?b=1 ', strict)).toBe('https://hooks.example.com/a?b=1');
    expect(checkWebhookUrl('https://93.184.216.34/hook', strict)).toBe('https://93.184.216.34/hook');
    expect(checkWebhookUrl('https://[2606:2800:220:1::1]/hook', strict)).toBe('https://[2606:2800:220:1::1]/hook');
  });

  it.each([
    ['not a url', 'WEBHOOK_URL_INVALID'],
    ['/relative/path', 'WEBHOOK_URL_INVALID'],
    ['ftp://hooks.example.com/x', 'WEBHOOK_URL_INVALID'],
    ['javascript:alert(1)', 'WEBHOOK_URL_INVALID'],
    ['https://user:pass@hooks.example.com/x', 'WEBHOOK_URL_INVALID'],
    ['https://hooks.example.com/x#frag', 'WEBHOOK_URL_INVALID'],
    [`https://hooks.example.com/${'a'.repeat(2100)}`, 'WEBHOOK_URL_INVALID'],
    ['http://hooks.example.com/x', 'WEBHOOK_URL_NOT_HTTPS'],
  ])('refuses %s with %s', (url, code) => {
    expect(codeOf(url)).toBe(code);
  });

  it.each([
    'https://127.0.0.1/x', 'https://localhost/x', 'https://api.localhost/x', 'https://[::1]/x', 'https://2130706433/x', 'https://0x7f.1/x',
    'https://[::ffff:127.0.0.1]/x', 'https://10.1.2.3/x', 'https://172.16.0.1/x', 'https://192.168.1.1/x', 'https://169.254.169.254/latest/meta-data',
    'https://100.64.0.1/x', 'https://0.0.0.0/x', 'https://[fe80::1]/x', 'https://[fd00::1]/x', 'https://[::ffff:10.0.0.1]/x', 'https://224.0.0.1/x',
    'https://metadata.google.internal/x', 'https://printer.local/x', 'https://intranet/x',
  ])('refuses the internal address %s (SSRF)', (url) => {
    expect(codeOf(url)).toBe('WEBHOOK_URL_FORBIDDEN');
  });

  it('allows http and https to the loopback only when the policy says so, never other internal ranges', () => {
    expect(codeOf('http://127.0.0.1:8080/hook', embedded)).toBeUndefined();
    expect(codeOf('https://localhost:8443/hook', embedded)).toBeUndefined();
    expect(codeOf('http://[::1]:8080/hook', embedded)).toBeUndefined();
    expect(codeOf('http://10.0.0.1/hook', embedded)).toBe('WEBHOOK_URL_FORBIDDEN');
    expect(codeOf('http://hooks.example.com/hook', embedded)).toBe('WEBHOOK_URL_NOT_HTTPS');
  });

  it('classifies addresses, including IPv4 mapped into IPv6', () => {
    expect(classifyAddress('8.8.8.8')).toBe('public');
    expect(classifyAddress('127.0.0.53')).toBe('loopback');
    expect(classifyAddress('::ffff:7f00:1')).toBe('loopback');
    expect(classifyAddress('::ffff:a9fe:a9fe')).toBe('internal');
    expect(classifyAddress('2001:4860:4860::8888')).toBe('public');
    expect(classifyAddress('not-an-ip')).toBe('internal');
  });
});
