// DNS resolution that refuses internal addresses, used as the socket's `lookup`: the address checked
// is the address connected to, so a name that resolves somewhere public at creation and internal at
// delivery (DNS rebinding) is still refused.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isAddressAllowed } from '../../domain/address-ranges';

class AddressForbidden extends Error {
  readonly code = 'ADDRESS_FORBIDDEN';
  override readonly name = 'AddressForbidden';
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, an internal address`);
  }
}

type Callback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export const guardedLookup =
  (allowLoopback: boolean): LookupFunction =>
  (hostname: string, options: LookupOptions, callback: Callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      // Any internal answer refuses the name: a mixed answer is how rebinding attacks are set up.
      const refused = addresses.find((a) => !isAddressAllowed(a.address, allowLoopback));
      if (refused) return callback(new AddressForbidden(hostname, refused.address), []);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      if (options.all) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
