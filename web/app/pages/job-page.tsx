// One job: live status and progress, the player with storyboard seeking, downloads, media info,
// why it failed or was rejected (with retry and cancel), its attempts and its history.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Api, HistoryEntry, Job } from '../api';
import { Attempts, Downloads, MediaInfo, Timeline } from '../components/job-details';
import { Player } from '../components/player';
import { Waveform } from '../components/waveform';
import { ErrorBox, guardAuth } from '../components/problem';
import { ProgressBar, StatusBadge } from '../components/progress';
import { formatBytes, formatTime, isTerminal } from '../format';
import { useLiveEvents, type LiveEvent } from '../live';
import { Link } from '../router';

const STAGE_TEXT: Record<string, string> = {
  created: 'Upload received, waiting for the probe',
  probing: 'Reading the media (probe)',
  queued: 'Accepted; waiting for a transcoder',
  transcoding: 'Transcoding',
  'retry-scheduled': 'A transient failure: a retry is scheduled',
  completed: 'Done',
  failed: 'Failed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

const JobError = ({ job }: { job: Job }) =>
  job.error ? (
    <div class="error-box job-error" role="alert" data-testid="job-error">
      <strong>{job.status === 'rejected' ? 'The file was rejected' : 'The job failed'}</strong>
      <span class="detail">{job.error.reason}</span>
      <code class="code">{job.error.code}</code>
      {job.error.reasons && job.error.reasons.length > 0 && (
        <ul>
          {job.error.reasons.map((r) => (
            <li key={r.code}>
              {r.message} <code>{r.code}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  ) : null;

export const JobPage = ({ api, jobId, onAuthError }: { api: Api; jobId: string; onAuthError: () => void }) => {
  const [job, setJob] = useState<Job>();
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<unknown>();
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const audioElement = useRef<HTMLAudioElement>(null);
  const [audioTime, setAudioTime] = useState(0);
  const load = useCallback(async () => {
    try {
      const [j, h] = await Promise.all([api.getJob(jobId), api.jobHistory(jobId)]).catch(guardAuth(onAuthError));
      setJob(j);
      setHistory(h.events);
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  }, [api, jobId, onAuthError]);
  useEffect(() => void load(), [load]);
  const onEvent = (e: LiveEvent) => {
    if (e.type === 'TranscodeProgressed' && typeof e.data.percent === 'number') {
      setJob((j) => (j && !isTerminal(j.status) ? { ...j, status: 'transcoding', percent: Math.max(j.percent, e.data.percent!) } : j));
      return;
    }
    void load();
  };
  const live = useLiveEvents(api, jobId, onEvent, () => void load());
  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      await load();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  if (error !== undefined && !job) {
    return (
      <section>
        <ErrorBox error={error} />
        <Link href="/jobs">Back to jobs</Link>
      </section>
    );
  }
  if (!job) return <p class="muted">Loading…</p>;
  const files = job.outputs?.files ?? [];
  const poster = files.find((f) => f.kind === 'poster')?.url;
  const vtt = files.find((f) => f.kind === 'storyboard-vtt')?.url;
  const sprite = files.find((f) => f.kind === 'storyboard')?.url;
  const image = files.filter((f) => f.kind === 'image-variant').sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
  const audio = files.find((f) => f.kind === 'm4a')?.url;
  const waveform = files.find((f) => f.kind === 'waveform')?.url;
  // Audio plays from its M4A (progressive) with the waveform to seek on; video through HLS.
  const isAudio = job.media?.kind === 'audio';
  return (
    <section class="job-page" data-job-id={job.jobId}>
      <div class="page-head">
        <h1>{job.source?.filename ?? job.filename ?? job.jobId}</h1>
        <StatusBadge status={job.status} />
        <span class={`live ${live}`}>{live === 'live' ? '● live' : 'reconnecting…'}</span>
      </div>
      <p class="muted">
        {STAGE_TEXT[job.status] ?? job.status} · profile {job.profile} · {job.source ? `${formatBytes(job.source.sizeBytes)} ${job.source.contentType} · ` : ''}created {formatTime(job.createdAt)}
        {job.retry ? ` · retry ${job.retry.attempt} (${job.retry.stage}) due ${formatTime(job.retry.dueAt)}` : ''}
      </p>
      {!isTerminal(job.status) && <ProgressBar percent={job.percent} label={`${job.status} ${Math.round(job.percent)} %`} state="running" />}
      <JobError job={job} />
      <div class="actions">
        {!isTerminal(job.status) && (
          <button type="button" disabled={busy} onClick={() => void act(() => api.cancelJob(job.jobId))}>
            Cancel job
          </button>
        )}
        {job.status === 'failed' && (
          <button type="button" class="primary" disabled={busy} onClick={() => void act(() => api.retryJob(job.jobId))}>
            Retry
          </button>
        )}
        {actionError !== undefined && <ErrorBox error={actionError} onDismiss={() => setActionError(undefined)} />}
      </div>
      {!isAudio && job.outputs?.playbackUrl && <Player playbackUrl={job.outputs.playbackUrl} posterUrl={poster} storyboardVttUrl={vtt} storyboardSpriteUrl={sprite} duration={job.media && 'durationSeconds' in job.media ? job.media.durationSeconds : undefined} />}
      {isAudio && audio && (
        <div class="audio-player card">
          <audio ref={audioElement} controls src={audio} data-testid="audio" onTimeUpdate={(e) => setAudioTime((e.target as HTMLAudioElement).currentTime)} />
          {waveform && <Waveform url={waveform} audio={() => audioElement.current} time={audioTime} />}
        </div>
      )}
      {image && <img class="preview" src={image.url} alt={job.filename ?? 'image'} />}
      <div class="columns">
        {files.length > 0 && (
          <div class="card">
            <h2>Downloads</h2>
            <Downloads files={files} />
            {job.outputs && <p class="muted">Links expire {formatTime(job.outputs.expiresAt)}; reload the page for fresh ones.</p>}
          </div>
        )}
        {job.media && (
          <div class="card">
            <h2>Media info</h2>
            <MediaInfo media={job.media} />
          </div>
        )}
      </div>
      {job.attempts.length > 0 && (
        <div class="card">
          <h2>Attempts</h2>
          <Attempts attempts={job.attempts} />
        </div>
      )}
      <div class="card">
        <h2>History</h2>
        <Timeline events={history} />
      </div>
    </section>
  );
};
