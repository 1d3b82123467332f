// DNS resolution that refuses internal addresses, used as the socket's `lookup`: the address checked
// is the address connected to, so a name that resolves somewhere public when it is checked and
// internal when it is used (DNS rebinding) is still refused. The resolver is injectable so tests can
// give a name the answers a real DNS would.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isAddressAllowed } from './address-ranges';

export class AddressForbidden extends Error {
  readonly code = 'ADDRESS_FORBIDDEN';
  override readonly name = 'AddressForbidden';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(hostname === address ? `${address} is an internal address` : `${hostname} resolves to ${address}, an internal address`);
  }
}

export const isAddressForbidden = (error: unknown): error is AddressForbidden =>
  error instanceof Error && (error as { code?: unknown }).code === 'ADDRESS_FORBIDDEN';

/** Every address a name resolves to (as `dns.lookup` with `all: true` answers). */
export type HostResolver = (hostname: string, family: number) => Promise<LookupAddress[]>;

export const systemResolver: HostResolver = (hostname, family) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, family }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

type Callback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** `allowed`: the loopback switch, or a whole predicate over addresses (a caller's own policy). */
export const guardedLookup =
  (allowed: boolean | ((address: string) => boolean), resolver: HostResolver = systemResolver): LookupFunction =>
  (hostname: string, options: LookupOptions, callback: Callback) => {
    const isAllowed = typeof allowed === 'function' ? allowed : (address: string) => isAddressAllowed(address, allowed);
    resolver(hostname, typeof options.family === 'number' ? options.family : 0).then(
      (addresses) => {
        // Any internal answer refuses the name: a mixed answer is how rebinding attacks are set up.
        const refused = addresses.find((a) => !isAllowed(a.address));
        if (refused) return callback(new AddressForbidden(hostname, refused.address), []);
        const [first] = addresses;
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        if (options.all) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
