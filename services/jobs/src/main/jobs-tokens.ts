// The jobs service's own container identifiers, beside @mediaflow/runtime's TOKENS.
import { identifier } from '@mediaflow/runtime';
import type { JobsApplication } from '../application/jobs-application';
import type { JobReadModel } from '../ports/job-read-model';
import type { OutputUrls } from '../ports/output-urls';

export const JOBS_TOKENS = {
  ReadModel: identifier<JobReadModel>('jobs.ReadModel'),
  OutputUrls: identifier<OutputUrls>('jobs.OutputUrls'),
  Application: identifier<JobsApplication>('jobs.Application'),
} as const;
