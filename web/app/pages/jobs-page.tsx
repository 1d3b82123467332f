// The owner's jobs, newest first, with live status and progress from the event stream.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { JOB_STATUSES } from '@mediaflow/jobs';
import type { Api, JobSummary } from '../api';
import { ErrorBox, guardAuth } from '../components/problem';
import { ProgressBar, StatusBadge } from '../components/progress';
import { formatRelative, isTerminal } from '../format';
import { useLiveEvents, type LiveEvent } from '../live';
import { Link, navigate } from '../router';

const STATUSES = ['', ...JOB_STATUSES];

export const JobsPage = ({ api, status, onAuthError }: { api: Api; status?: string; onAuthError: () => void }) => {
  const [jobs, setJobs] = useState<JobSummary[]>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(async () => {
    try {
      const page = await api.listJobs({ status, limit: 25 }).catch(guardAuth(onAuthError));
      setJobs(page.items);
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [api, status, onAuthError]);
  useEffect(() => void load(), [load]);
  const more = async () => {
    if (!cursor) return;
    try {
      const page = await api.listJobs({ status, cursor, limit: 25 });
      setJobs((current) => [...(current ?? []), ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    }
  };
  const onEvent = (e: LiveEvent) => {
    const known = jobs?.some((j) => j.jobId === e.data.jobId);
    if (e.type === 'TranscodeProgressed' && known && typeof e.data.percent === 'number') {
      setJobs((current) => current?.map((j) => (j.jobId === e.data.jobId ? { ...j, status: 'transcoding', percent: Math.max(j.percent, e.data.percent!) } : j)));
      return;
    }
    // Anything else may change status, error or the list itself: ask for the job again.
    void api.getJob(e.data.jobId).then(
      (job) =>
        setJobs((current) => {
          if (!current) return current;
          if (status && job.status !== status) return current.filter((j) => j.jobId !== job.jobId);
          return current.some((j) => j.jobId === job.jobId) ? current.map((j) => (j.jobId === job.jobId ? job : j)) : [job, ...current];
        }),
      () => undefined,
    );
  };
  const live = useLiveEvents(api, undefined, onEvent, () => void load());
  return (
    <section>
      <div class="page-head">
        <h1>Jobs</h1>
        <span class={`live ${live}`} data-testid="live-state">
          {live === 'live' ? '● live' : live === 'connecting' ? 'connecting…' : 'reconnecting…'}
        </span>
        <select aria-label="Filter by status" value={status ?? ''} onChange={(e) => navigate((e.target as HTMLSelectElement).value ? `/jobs?status=${(e.target as HTMLSelectElement).value}` : '/jobs')}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s || 'all statuses'}
            </option>
          ))}
        </select>
      </div>
      {error !== undefined && <ErrorBox error={error} />}
      {jobs && jobs.length === 0 && (
        <p class="empty">
          No jobs{status ? ` with status ${status}` : ''} yet. <Link href="/">Upload a file</Link> to start one.
        </p>
      )}
      {jobs && jobs.length > 0 && (
        <table class="jobs" data-testid="jobs-table">
          <thead>
            <tr>
              <th>File</th>
              <th>Status</th>
              <th>Progress</th>
              <th>Profile</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.jobId} data-job-id={j.jobId}>
                <td>
                  <Link href={`/jobs/${encodeURIComponent(j.jobId)}`}>{j.filename ?? j.jobId}</Link>
                  {j.error && <div class="row-error">{j.error.reason}</div>}
                </td>
                <td>
                  <StatusBadge status={j.status} />
                </td>
                <td class="progress-cell">{isTerminal(j.status) && j.status !== 'completed' ? '–' : <ProgressBar percent={j.percent} />}</td>
                <td>{j.profile}</td>
                <td title={new Date(j.createdAt).toLocaleString()}>{formatRelative(j.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={() => void more()}>
          Load more
        </button>
      )}
    </section>
  );
};
