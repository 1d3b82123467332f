// Failure codes and reasons as the contracts accept them: a code is UPPER_SNAKE_CASE (≤64), a reason
// 1..2000 characters. Runners and probes report whatever their errors say; this keeps events valid.
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const REASON_MAX = 2000;

/** The code itself when valid, upper-cased when that makes it valid, else `fallback`. */
export const contractCode = (code: string, fallback: string): string => {
  if (CODE.test(code)) return code;
  const upper = code.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return CODE.test(upper) ? upper : fallback;
};

/** The reason, shortened with a marker when too long; never empty. */
export const contractReason = (reason: string): string => {
  const text = reason.trim() || 'no reason given';
  return text.length <= REASON_MAX ? text : `${text.slice(0, REASON_MAX - 15)} … (truncated)`;
};
