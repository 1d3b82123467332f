// Who is calling, as the services see it: the owner id from `sub` and whether an admin role is present.
// Claims are read here only, so services never depend on a token's shape.
import { type JWTPayload } from 'jose';

export interface Principal {
  /** The token's `sub`: every resource is owned by it, and another owner's resource answers 404. */
  ownerId: string;
  isAdmin: boolean;
  /** When the token stops being valid: long-lived streams end there. */
  expiresAt: Date;
}

export const ADMIN_ROLE = 'admin';
/** Cognito puts group membership here, whatever the configured claim is. */
const COGNITO_GROUPS_CLAIM = 'cognito:groups';

// Owner ids end up in storage keys and stream names: no slashes, no control characters, bounded.
const OWNER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@|:+-]{0,127}$/;

export const isUsableOwnerId = (sub: string): boolean => OWNER_ID_PATTERN.test(sub);

const hasAdminRole = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.includes(ADMIN_ROLE);
  // A space-separated string, as OAuth scopes are written.
  return typeof value === 'string' && value.split(' ').includes(ADMIN_ROLE);
};

/** Expects `sub` and `exp` already checked present by the verifier. */
export const principalFromClaims = (claims: JWTPayload, adminClaim: string): Principal => ({
  ownerId: claims.sub ?? '',
  isAdmin: hasAdminRole(claims[adminClaim]) || hasAdminRole(claims[COGNITO_GROUPS_CLAIM]),
  expiresAt: new Date((claims.exp ?? 0) * 1000),
});
