// Everything the application layer uses, as ports: the composition roots fill it per mode and the
// tests with real local adapters.
import type { Logger } from '@mediaflow/logging';
import type { CommandDependencies } from '@mediaflow/service-kit';
import type { UploadPolicy } from '../domain/upload-policy';
import type { UploadDeadlines } from '../ports/upload-deadlines';
import type { UploadIdGenerator } from '../ports/upload-id-generator';
import type { UploadStorage } from '../ports/upload-storage';
import type { UrlIngestDependencies } from './url-ingest-dependencies';

export interface IngestDependencies extends CommandDependencies {
  readonly uploadIds: UploadIdGenerator;
  readonly storage: UploadStorage;
  readonly deadlines: UploadDeadlines;
  readonly policy: UploadPolicy;
  readonly logger: Logger;
  /** URL ingest (POST /v1/uploads with sourceUrl); absent where a composition does not offer it. */
  readonly urlIngest?: UrlIngestDependencies;
}
