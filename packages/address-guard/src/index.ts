// @mediaflow/address-guard: which addresses a request made on a user's behalf (webhooks, URL ingest) may reach, checked on the resolved address that is then connected to (SSRF, DNS rebinding).
export { classifyAddress, isAddressAllowed, type AddressClass } from './address-ranges';
export { bareHost, classifyHost } from './host-class';
export { AddressForbidden, guardedLookup, isAddressForbidden, systemResolver, type HostResolver } from './guarded-lookup';
export { outboundUrlPattern, type OutboundUrlPatternOptions } from './url-pattern';
