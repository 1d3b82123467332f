// The cursor of job listings: the sort key of the last item returned (creation time, then id), with
// "~" for the key's "#" so it needs no escaping in a URL or a shell. Both read-model adapters sort by
// the same key, so they share the cursor. Any string of that shape is a position in that order, so
// CURSOR_PATTERN (in the OpenAPI document) is the whole rule.

export class CursorInvalid extends Error {
  readonly code = 'CURSOR_INVALID';
  override readonly name = 'CursorInvalid';
  constructor() {
    super('the cursor is not one this API issued');
  }
}

export const isCursorInvalid = (error: unknown): error is CursorInvalid => error instanceof CursorInvalid;

/** Sorts by creation time, the job id breaking ties; ISO times sort as strings. */
export const listSortKey = (createdAt: string, jobId: string): string => `${createdAt}#${jobId}`;

export const CURSOR_MAX_LENGTH = 300;
export const CURSOR_PATTERN = /^\d{4}-\d{2}-\d{2}T[^#~\n\r]+~[^\n\r]+$/;

export const encodeCursor = (sortKey: string): string => sortKey.replace('#', '~');

export const decodeCursor = (cursor: string): string => {
  if (cursor.length > CURSOR_MAX_LENGTH || !CURSOR_PATTERN.test(cursor)) throw new CursorInvalid();
  return cursor.replace('~', '#');
};
