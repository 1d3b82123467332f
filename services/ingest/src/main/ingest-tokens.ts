// Ingest's own container identifiers, beside @mediaflow/runtime's TOKENS.
import type { IngestApplication } from '../application/ingest-application';
import type { UploadSweeper } from '../application/upload-sweeper';
import type { UploadDeadlines } from '../ports/upload-deadlines';
import type { UploadStorage } from '../ports/upload-storage';

const token = <T>(name: string) => Symbol.for(`mediaflow.ingest.${name}`) as symbol & { __type?: T };

export const INGEST_TOKENS = {
  UploadStorage: token<UploadStorage>('UploadStorage'),
  Deadlines: token<UploadDeadlines>('Deadlines'),
  Application: token<IngestApplication>('Application'),
  Sweeper: token<UploadSweeper>('Sweeper'),
} as const;
