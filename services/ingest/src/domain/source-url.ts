// What a URL ingest may fetch from: an absolute http(s) URL without credentials, whose host is not a
// literal internal address or an internal name (the same rules as webhooks, from @mediaflow/address-guard).
// Checked on the request and again on every redirect hop; names are checked again, on the addresses
// they resolve to, by the fetcher's guarded lookup.
import { bareHost, classifyHost, isAddressAllowed } from '@mediaflow/address-guard';
import { MAX_SOURCE_URL_LENGTH } from './source-url-length';
import { SourceFetchFailed, SourceUrlInvalid } from './upload-errors';

export { MAX_SOURCE_URL_LENGTH };

export interface SourceAddressPolicy {
  /** Loopback sources allowed (embedded default): local files served on this machine. */
  readonly allowLoopback: boolean;
  /** The address check itself; defaults to the shared one with `allowLoopback`. Tests may widen it. */
  readonly isAddressAllowed?: (address: string) => boolean;
}

export const addressCheck = (policy: SourceAddressPolicy): ((address: string) => boolean) =>
  policy.isAddressAllowed ?? ((address) => isAddressAllowed(address, policy.allowLoopback));

const parse = (raw: string): URL => {
  if (raw.length > MAX_SOURCE_URL_LENGTH)
    throw new SourceUrlInvalid(`the source URL is longer than ${MAX_SOURCE_URL_LENGTH} characters`);
  try {
    return new URL(raw);
  } catch (error) {
    throw new SourceUrlInvalid('the source URL is not an absolute URL', { cause: error });
  }
};

/** Returns the parsed URL or throws SOURCE_URL_INVALID / SOURCE_ADDRESS_INTERNAL / SOURCE_ADDRESS_LOOPBACK. */
export const checkSourceUrl = (raw: string, policy: SourceAddressPolicy): URL => {
  const url = parse(raw.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SourceUrlInvalid(`the source URL scheme must be http or https, not ${url.protocol.replace(':', '')}`);
  if (url.username || url.password) throw new SourceUrlInvalid('the source URL must not carry credentials');
  const kind = classifyHost(url.hostname);
  const host = bareHost(url.hostname);
  if (kind === 'name') return url;
  if (kind === 'internal' && !addressCheck(policy)(host))
    throw new SourceFetchFailed('SOURCE_ADDRESS_INTERNAL', `${url.hostname} is an internal address`);
  if (kind === 'loopback' && !(host === 'localhost' || host.endsWith('.localhost') ? policy.allowLoopback : addressCheck(policy)(host)))
    throw new SourceFetchFailed('SOURCE_ADDRESS_LOOPBACK', `${url.hostname} is a loopback address`);
  return url;
};

/** The file name a source URL suggests: its last path segment, decoded, or "source". */
export const filenameFromUrl = (url: URL): string => {
  const last = url.pathname.split('/').filter(Boolean).pop();
  if (!last) return 'source';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
};
