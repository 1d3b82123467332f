// The opaque cursor of job listings: the sort key of the last item returned (creation time, then id),
// base64url-encoded. Both read-model adapters sort by the same key, so they share the cursor.
import { z } from 'zod';

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

const CursorSchema = z.object({ k: z.string().min(1).max(300).regex(/^\d{4}-\d{2}-\d{2}T[^#]+#.+$/) }).strict();

export const encodeCursor = (sortKey: string): string => Buffer.from(JSON.stringify({ k: sortKey })).toString('base64url');

export const decodeCursor = (cursor: string): string => {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).k;
  } catch {
    throw new CursorInvalid();
  }
};
