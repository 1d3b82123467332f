// Which IP addresses an outbound request made for a user (a webhook, a URL ingest) may reach. Loopback
// is its own class (allowed only when the operator says so, e.g. embedded mode); every other
// non-public range is refused so a user cannot make the service call into its own network (SSRF): private, link-local (cloud metadata), CGNAT,
// multicast, reserved, documentation and the IPv6 forms that embed an IPv4 address.
import { BlockList, isIP } from 'node:net';

export type AddressClass = 'public' | 'loopback' | 'internal';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 32], ['2001:db8::', 32],
  ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/** `address` is a literal IPv4 or IPv6 address (no brackets); IPv4-mapped IPv6 counts as its IPv4. */
export const classifyAddress = (address: string): AddressClass => {
  const family = isIP(address);
  if (family === 0) return 'internal';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(address, type)) return 'loopback';
  return internal.check(address, type) ? 'internal' : 'public';
};

export const isAddressAllowed = (address: string, allowLoopback: boolean): boolean => {
  const kind = classifyAddress(address);
  return kind === 'public' || (kind === 'loopback' && allowLoopback);
};
