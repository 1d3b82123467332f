// Rebuilds read-model views from the Job streams: after a read model was lost, or to repair views a
// failed projection left behind. Upserts are version-conditional, so a rebuild never regresses a
// view; for a from-scratch rebuild, start from an empty read model (delete jobs.read.sqlite).
import type { EventStore } from '@mediaflow/event-store';
import { jobStreamId } from '../domain/job-identity';
import type { JobReadModel } from '../ports/job-read-model';
import { projectJobView } from './job-view-projection';

/** Re-folds each job's stream into the read model; returns how many views it wrote. */
export const rebuildJobViews = async (store: EventStore, readModel: JobReadModel, jobIds: Iterable<string> | AsyncIterable<string>): Promise<number> => {
  let written = 0;
  for await (const jobId of jobIds) {
    const view = projectJobView(await store.read(jobStreamId(jobId)));
    if (!view) continue;
    await readModel.upsert(view);
    written++;
  }
  return written;
};
