// What a URL's host is, judged by its text alone: a literal address (classified), a name that is
// the loopback or only resolves inside a network (refused early with a clear message), or a name
// whose addresses must be checked when it is resolved (guardedLookup).
import { isIP } from 'node:net';
import { classifyAddress, type AddressClass } from './address-ranges';

const INTERNAL_SUFFIXES = ['.local', '.internal', '.localdomain', '.home.arpa', '.intranet', '.lan'];

/** Brackets and a trailing dot removed, lower-cased: the host as an address or a DNS name. */
export const bareHost = (hostname: string): string => hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

/** `hostname` as `URL.hostname` gives it (IPv6 in brackets). */
export const classifyHost = (hostname: string): AddressClass | 'name' => {
  const host = bareHost(hostname);
  if (isIP(host) !== 0) return classifyAddress(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.') || INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'internal';
  return 'name';
};
