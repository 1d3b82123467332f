// What an origin is, as browsers send it in the Origin header. No imports: cdktf checks the
// MEDIAFLOW_CORS_ORIGINS it hands the apis with this same function, so synth refuses what they would.
export class CorsOriginInvalid extends Error {
  readonly code = 'CORS_ORIGIN_INVALID';
  override readonly name = 'CorsOriginInvalid';
  constructor(readonly origin: string) {
    super(`${JSON.stringify(origin)} is not an origin: give scheme://host[:port] with no path, or '*'`);
  }
}

/** `https://App.Example.com/` → `https://app.example.com`, as browsers send it; throws CorsOriginInvalid. */
export const normalizeOrigin = (origin: string): string => {
  if (origin === '*') return origin;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new CorsOriginInvalid(origin);
  }
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  if (!bare || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new CorsOriginInvalid(origin);
  return url.origin;
};
