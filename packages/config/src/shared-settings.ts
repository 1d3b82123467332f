// Settings read by more than one process, declared here once: every schema that needs one spreads
// its shape (`...UrlSigningSettingsSchema.shape`), so each name has one definition and one row.
import { z } from 'zod';
import { secretSetting, urlSetting } from './settings-pieces';

/** HMAC keys (JWT HS256, blob URL signatures) are at least this many bytes. */
export const MIN_SECRET_BYTES = 32;

export const JwtSecretSettingsSchema = z.object({
  MEDIAFLOW_JWT_SECRET: secretSetting(
    MIN_SECRET_BYTES,
    'HS256 secret that signs and checks bearer tokens (embedded: generated into secrets.json in the data folder when unset; AWS: exactly one of this and MEDIAFLOW_JWKS_URL)',
  ),
  MEDIAFLOW_JWT_PREVIOUS_SECRET: secretSetting(
    MIN_SECRET_BYTES,
    'During a rotation: the HS256 secret before MEDIAFLOW_JWT_SECRET, still accepted (never used to sign) so tokens issued before the switch keep working until they expire (embedded: `npm run secrets:rotate` keeps it in secrets.json)',
  ),
});

export const UrlSigningSettingsSchema = z.object({
  MEDIAFLOW_URL_SIGNING_SECRET: secretSetting(
    MIN_SECRET_BYTES,
    'Secret of the signed blob URLs, shared by the signers and the /blobs endpoint (embedded: generated when unset; AWS: required by jobs, mounts the redirect router in ingest)',
  ),
  MEDIAFLOW_URL_SIGNING_PREVIOUS_SECRET: secretSetting(
    MIN_SECRET_BYTES,
    'During a rotation: the URL-signing secret before MEDIAFLOW_URL_SIGNING_SECRET, still accepted by /blobs (never used to sign) so links handed out before the switch keep working until they expire',
  ),
});

export const PublicUrlSettingsSchema = z.object({
  MEDIAFLOW_PUBLIC_URL: urlSetting('The origin clients reach the API at, for URLs handed to them (embedded: defaults to http://HOST:PORT; AWS: required by jobs)'),
});
