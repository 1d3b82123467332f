// Upload: drop or choose files, pick a profile, watch the bytes go, then follow the job (one file) or
// the batch's jobs (several, sent one after the other). An upload interrupted by a reload is listed
// and resumes when the same file is chosen again.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api';
import { describeError, ErrorBox, guardAuth } from '../components/problem';
import { ProgressBar } from '../components/progress';
import { formatBytes } from '../format';
import { Link, navigate } from '../router';
import type { UiConfig } from '../session';
import { findPending, forgetPending, pendingUploads, startUpload, type PendingUpload, type UploadProgress, type UploadRun } from '../uploader';

const DEFAULT_PROFILES = ['default', 'sd', 'high'];

interface Active {
  readonly file: File;
  readonly run: UploadRun;
  readonly started: number;
}

interface BatchItem {
  readonly name: string;
  readonly size: number;
  readonly state: 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled';
  readonly jobId?: string;
  readonly error?: string;
}

const isAbort = (err: unknown): boolean => (err as Error | undefined)?.name === 'AbortError';

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

  const [batch, setBatch] = useState<BatchItem[]>([]);
  const stopped = useRef(false);

  const uploadOne = (file: File): Promise<string> => {
    const resumed = findPending(file);
    const run = startUpload(api, file, resumed?.profile ?? profile, setProgress);
    setActive({ file, run, started: Date.now() });
    return run.jobId;
  };
  const reportFailure = (err: unknown) => {
    setPending(pendingUploads());
    if (isAbort(err)) return;
    try {
      guardAuth(onAuthError)(err);
    } catch (e) {
      setError(e);
    }
  };
  const upload = async (files: File[]) => {
    if (active || files.length === 0) return;
    setError(undefined);
    stopped.current = false;
    if (files.length === 1) {
      try {
        navigate(`/jobs/${encodeURIComponent(await uploadOne(files[0]!))}`);
      } catch (err) {
        setActive(undefined);
        reportFailure(err);
      }
      return;
    }
    const items: BatchItem[] = files.map((f) => ({ name: f.name, size: f.size, state: 'waiting' }));
    const update = (i: number, change: Partial<BatchItem>) => {
      items[i] = { ...items[i]!, ...change };
      setBatch([...items]);
    };
    setBatch([...items]);
    for (const [i, file] of files.entries()) {
      if (stopped.current) {
        update(i, { state: 'cancelled' });
        continue;
      }
      update(i, { state: 'uploading' });
      try {
        update(i, { state: 'done', jobId: await uploadOne(file) });
      } catch (err) {
        // One refused file does not stop the others; a cancel or an expired token does.
        if (isAbort(err)) stopped.current = true;
        const { title, code } = describeError(err);
        update(i, isAbort(err) ? { state: 'cancelled' } : { state: 'failed', error: code ? `${title} (${code})` : title });
        reportFailure(err);
      }
    }
    setActive(undefined);
    setPending(pendingUploads());
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void upload(Array.from(e.dataTransfer?.files ?? []));
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
          multiple
          hidden
          onChange={(e) => {
            void upload(Array.from((e.target as HTMLInputElement).files ?? []));
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
            <button type="button" onClick={(e) => (e.stopPropagation(), (stopped.current = true), active.run.cancel())}>
              Cancel upload
            </button>
          </div>
        ) : (
          <div>
            <p class="big">Drop video, audio or image files here</p>
            <p class="muted">or click to choose them</p>
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
      {batch.length > 0 && (
        <div class="card batch" data-testid="batch">
          <h2>This batch</h2>
          <ul>
            {batch.map((item, i) => (
              <li key={i} data-state={item.state}>
                <strong>{item.name}</strong> · {formatBytes(item.size)} · {item.state}
                {item.jobId && (
                  <>
                    {' '}
                    · <Link href={`/jobs/${encodeURIComponent(item.jobId)}`}>job</Link>
                  </>
                )}
                {item.error && <span class="row-error"> {item.error}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
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
