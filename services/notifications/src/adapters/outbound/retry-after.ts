// Reads a Retry-After header (delta seconds or an HTTP date) as seconds from now.
export const parseRetryAfter = (value: string | undefined, now: Date): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
};
