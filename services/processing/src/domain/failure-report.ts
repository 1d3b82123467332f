// Failure codes and reasons as the contracts accept them: a code is UPPER_SNAKE_CASE (≤64), a reason
// 1..2000 characters. Runners and probes report whatever their errors say; this keeps events valid,
// and keeps what is ours out of them: reasons reach the owner (API, UI, webhooks) and other teams.
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const REASON_MAX = 2000;

/** The code itself when valid, upper-cased when that makes it valid, else `fallback`. */
export const contractCode = (code: string, fallback: string): string => {
  if (CODE.test(code)) return code;
  const upper = code.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return CODE.test(upper) ? upper : fallback;
};

// Signatures ride in a URL's query (S3 presigned) or its path (the embedded /blobs/…/t/<token>/…),
// and an absolute path shows this host's layout: a URL keeps its origin and its file name, a path its
// file name. The file name is what makes the reason useful.
const URL_PARTS = /\b(https?:\/\/[^\s'"/?#]+)(?:\/[^\s'"?#]*\/)?([^\s'"/?#]*)(?:[?#][^\s'"]*)?/g;
const ABSOLUTE_PATH = /(^|[\s'"(=:])\/(?:[^\s'"/]+\/)+([^\s'"/]*)/g;

/** The reason without signatures or server paths: `https://host/…/a.mp4`, `…/input.mp4`. */
export const redactReason = (reason: string): string =>
  reason.replace(URL_PARTS, (_all, origin: string, file: string) => (file ? `${origin}/…/${file}` : origin)).replace(ABSOLUTE_PATH, '$1…/$2');

/** The reason, redacted, shortened with a marker when too long; never empty. */
export const contractReason = (reason: string): string => {
  const text = redactReason(reason).trim() || 'no reason given';
  return text.length <= REASON_MAX ? text : `${text.slice(0, REASON_MAX - 15)} … (truncated)`;
};
