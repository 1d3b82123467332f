// Ingest's own container identifiers, beside @mediaflow/runtime's TOKENS.
import { identifier } from '@mediaflow/runtime';
import type { IngestApplication } from '../application/ingest-application';
import type { UploadSweeper } from '../application/upload-sweeper';
import type { UploadDeadlines } from '../ports/upload-deadlines';
import type { UploadStorage } from '../ports/upload-storage';

export const INGEST_TOKENS = {
  UploadStorage: identifier<UploadStorage>('ingest.UploadStorage'),
  Deadlines: identifier<UploadDeadlines>('ingest.Deadlines'),
  Application: identifier<IngestApplication>('ingest.Application'),
  Sweeper: identifier<UploadSweeper>('ingest.Sweeper'),
} as const;
