// Upload: drop or choose a file, pick a profile, watch the bytes go, then follow the job. An upload
// interrupted by a reload is listed and resumes when the same file is chosen again.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api';
import { ErrorBox, guardAuth } from '../components/problem';
import { ProgressBar } from '../components/progress';
import { formatBytes } from '../format';
import { navigate } from '../router';
import type { UiConfig } from '../session';
import { findPending, forgetPending, pendingUploads, startUpload, type PendingUpload, type UploadProgress, type UploadRun } from '../uploader';

const DEFAULT_PROFILES = ['default', 'sd', 'high'];

interface Active {
  readonly file: File;
  readonly run: UploadRun;
  readonly started: number;
}

const rate = (p: UploadProgress, started: number): string => {
  const seconds = (Date.now() - started) / 1000;
  return seconds > 0.5 && p.sentBytes > 0 ? `${formatBytes(p.sentBytes / seconds)}/s` : '';
};

export const UploadPage = ({ api, config, onAuthError }: { api: Api; config: UiConfig; onAuthError: () => void }) => {
  const profiles = config.profiles?.length ? config.profiles : DEFAULT_PROFILES;
  const [profile, setProfile] = useState(profiles[0]!);
  const [active, setActive] = useState<Active>();
  const [progress, setProgress] = useState<UploadProgress>();
  const [error, setError] = useState<unknown>();
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<PendingUpload[]>(pendingUploads);
  const input = useRef<HTMLInputElement>(null);
  // Leaving the page (not a reload) cancels a running upload rather than leaving it orphaned.
  const running = useRef<UploadRun>();
  running.current = active?.run;
  useEffect(() => () => running.current?.cancel(), []);

  const upload = (file: File) => {
    if (active) return;
    setError(undefined);
    const resumed = findPending(file);
    const run = startUpload(api, file, resumed?.profile ?? profile, setProgress);
    setActive({ file, run, started: Date.now() });
    run.jobId.then(
      (jobId) => navigate(`/jobs/${encodeURIComponent(jobId)}`),
      (err: unknown) => {
        setActive(undefined);
        setPending(pendingUploads());
        if ((err as Error).name === 'AbortError') return;
        try {
          guardAuth(onAuthError)(err);
        } catch (e) {
          setError(e);
        }
      },
    );
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files[0];
    if (file) upload(file);
  };
  const discard = (p: PendingUpload) => {
    forgetPending(p.uploadId);
    void api.abortUpload(p.uploadId).catch(() => undefined);
    setPending(pendingUploads());
  };
  const percent = progress ? (progress.sentBytes / Math.max(1, progress.totalBytes)) * 100 : 0;
  return (
    <section class="upload-page">
      <h1>Upload</h1>
      <div
        class={`drop-zone ${dragging ? 'dragging' : ''} ${active ? 'busy' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        onClick={() => !active && input.current?.click()}
      >
        <input
          ref={input}
          type="file"
          id="file-input"
          accept="video/*,audio/*,image/*"
          hidden
          onChange={(e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) upload(file);
            (e.target as HTMLInputElement).value = '';
          }}
        />
        {active ? (
          <div class="upload-status" data-testid="upload-status">
            <div>
              <strong>{active.file.name}</strong> · {formatBytes(active.file.size)}
            </div>
            <ProgressBar percent={percent} label={`${Math.floor(percent)} %`} />
            <span class="muted">
              {progress?.phase === 'completing' ? 'Checking the upload…' : progress?.phase === 'starting' ? 'Starting…' : `${formatBytes(progress?.sentBytes ?? 0)} of ${formatBytes(active.file.size)} ${rate(progress!, active.started)}`}
              {progress?.resumedParts ? ` · resumed: ${progress.resumedParts} part(s) were already stored` : ''}
            </span>
            <button type="button" onClick={(e) => (e.stopPropagation(), active.run.cancel())}>
              Cancel upload
            </button>
          </div>
        ) : (
          <div>
            <p class="big">Drop a video, audio or image file here</p>
            <p class="muted">or click to choose one</p>
          </div>
        )}
      </div>
      <div class="row">
        <label for="profile">Profile</label>
        <select id="profile" value={profile} disabled={!!active} onChange={(e) => setProfile((e.target as HTMLSelectElement).value)}>
          {profiles.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      {error !== undefined && <ErrorBox error={error} onDismiss={() => setError(undefined)} />}
      {pending.length > 0 && !active && (
        <div class="card pending">
          <h2>Interrupted uploads</h2>
          <p class="muted">Choose or drop the same file again to resume where it stopped.</p>
          <ul>
            {pending.map((p) => (
              <li key={p.uploadId}>
                <strong>{p.name}</strong> · {formatBytes(p.size)} · {Object.keys(p.etags).length} part(s) stored
                <button type="button" class="link" onClick={() => discard(p)}>
                  Discard
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
};
