// One HTTP byte range (RFC 9110 §14): "bytes=a-b", "bytes=a-" or the suffix "bytes=-n". Several
// ranges, or a header we cannot read, are ignored and the whole object is served, as the RFC allows.

interface ResolvedRange {
  readonly start: number;
  /** Inclusive. */
  readonly end: number;
}

type RangeOutcome =
  { kind: 'whole' } | { kind: 'partial'; range: ResolvedRange } | { kind: 'unsatisfiable' };

const WHOLE: RangeOutcome = { kind: 'whole' };
const UNSATISFIABLE: RangeOutcome = { kind: 'unsatisfiable' };

export const resolveRange = (header: string | undefined, size: number): RangeOutcome => {
  if (!header) return WHOLE;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return WHOLE;
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return UNSATISFIABLE;
    return { kind: 'partial', range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return WHOLE; // invalid: ignored
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'partial', range: { start, end } };
};
