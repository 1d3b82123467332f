// The UploadDeadlines port: when each unfinished upload expires, so the sweep can find them without
// scanning every stream. Written before UploadInitiated and cleared after the upload ends; an entry
// whose upload never got appended (a crash between) is cleared by the sweep, so the order is safe.
// Adapters: SQLite (embedded, <data>/ingest.read.sqlite) and DynamoDB (AWS, the ingest read table).

export interface UploadDeadline {
  readonly uploadId: string;
  readonly ownerId: string;
  readonly expiresAt: Date;
}

export interface UploadDeadlines {
  /** Records (or replaces) the deadline of an upload. */
  schedule(deadline: UploadDeadline): Promise<void>;
  /** Up to `limit` deadlines at or before `now`, earliest first. */
  due(now: Date, limit: number): Promise<UploadDeadline[]>;
  /** Forgets an upload's deadline; forgetting an unknown one succeeds. */
  clear(uploadId: string): Promise<void>;
}
