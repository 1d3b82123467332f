// The parts of the job page that only display: media info, downloads, attempts and the history.
import type { HistoryEntry, Job, OutputFile } from '../api';
import { formatBytes, formatDuration, formatTime } from '../format';

type Row = [string, string | number | undefined];

const rowsOf = (media: NonNullable<Job['media']>): Row[] => {
  const m = media as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const rows: Row[] = [
    ['Kind', m.kind],
    ['Container', m.container],
    ['Size', formatBytes(m.sizeBytes)],
    ['Duration', m.durationSeconds !== undefined ? formatDuration(m.durationSeconds) : undefined],
  ];
  if (m.video) {
    rows.push(['Video', `${m.video.codec} ${m.video.width}×${m.video.height}${m.video.rotation ? ` rotated ${m.video.rotation}°` : ''}`]);
    rows.push(['Frame rate', `${Math.round(m.video.frameRate * 100) / 100} fps${m.video.variableFrameRate ? ' (variable)' : ''}`]);
    if (m.video.pixelFormat) rows.push(['Pixel format', m.video.pixelFormat]);
    if (m.video.bitrateKbps) rows.push(['Video bitrate', `${m.video.bitrateKbps} kb/s`]);
  }
  if (m.audio) rows.push(['Audio', `${m.audio.codec}, ${m.audio.channelLayout ?? `${m.audio.channels} ch`}, ${m.audio.sampleRate} Hz`]);
  if (m.image) rows.push(['Image', `${m.image.format} ${m.image.width}×${m.image.height}`]);
  return rows.filter(([, v]) => v !== undefined && v !== '');
};

export const MediaInfo = ({ media }: { media: NonNullable<Job['media']> }) => (
  <table class="kv" data-testid="media-info">
    <tbody>
      {rowsOf(media).map(([k, v]) => (
        <tr key={k}>
          <th>{k}</th>
          <td>{v}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const DOWNLOADABLE = ['mp4', 'poster', 'm4a', 'waveform', 'image-variant', 'storyboard', 'storyboard-vtt', 'hls-master'];

const describeFile = (f: OutputFile): string => {
  const parts: string[] = [f.kind];
  if (f.width && f.height) parts.push(`${f.width}×${f.height}`);
  if (f.bitrateKbps) parts.push(`${f.bitrateKbps} kb/s`);
  return parts.join(' · ');
};

const fileName = (url: string): string => decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'file');

export const Downloads = ({ files }: { files: OutputFile[] }) => {
  const shown = files.filter((f) => DOWNLOADABLE.includes(f.kind)).sort((a, b) => DOWNLOADABLE.indexOf(a.kind) - DOWNLOADABLE.indexOf(b.kind) || (b.height ?? 0) - (a.height ?? 0));
  return (
    <ul class="downloads" data-testid="downloads">
      {shown.map((f) => (
        <li key={f.url}>
          <a href={f.url} download={fileName(f.url)} target="_blank" rel="noopener">
            {fileName(f.url)}
          </a>
          <span class="muted">
            {' '}
            {describeFile(f)} · {formatBytes(f.sizeBytes)}
          </span>
        </li>
      ))}
    </ul>
  );
};

const summaryText = (summary: HistoryEntry['summary']): string =>
  Object.entries(summary)
    .filter(([k, v]) => v !== null && v !== '' && k !== 'jobId')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');

export const Timeline = ({ events }: { events: HistoryEntry[] }) => (
  <ol class="timeline" data-testid="timeline">
    {events.map((e, i) => (
      <li key={i} class={`t-${e.type}`}>
        <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time>
        <strong>{e.type.replace(/^Job/, '')}</strong>
        <span class="muted">{summaryText(e.summary)}</span>
      </li>
    ))}
  </ol>
);

export const Attempts = ({ attempts }: { attempts: Job['attempts'] }) => (
  <table class="attempts">
    <thead>
      <tr>
        <th>#</th>
        <th>Outcome</th>
        <th>Started</th>
        <th>Ended</th>
        <th>Error</th>
      </tr>
    </thead>
    <tbody>
      {attempts.map((a) => (
        <tr key={a.attempt}>
          <td>{a.attempt}</td>
          <td>{a.outcome}</td>
          <td>{formatTime(a.startedAt)}</td>
          <td>{formatTime(a.endedAt)}</td>
          <td>{a.error ? `${a.error.reason} (${a.error.code})` : ''}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
