// How jobs read in a terminal: the list table, the detail page, the outputs and the error lines.
import type { Job, JobError, JobSummary, MediaInfo, OutputFile } from './api-types';
import { fields, formatBytes, formatTime, table } from './format';

export const jobTable = (jobs: readonly JobSummary[]): string =>
  table(
    ['ID', 'STATUS', '%', 'FILENAME', 'CREATED'],
    jobs.map((j) => [
      j.jobId,
      j.status,
      `${Math.floor(j.percent)}`,
      j.filename ?? '',
      formatTime(j.createdAt),
    ]),
  );

const describeMedia = (media: MediaInfo): string => {
  const parts: string[] = [
    `${media.kind}, ${media.container.split(',')[0]}, ${formatBytes(media.sizeBytes)}`,
  ];
  if (media.kind !== 'image' && media.durationSeconds !== undefined)
    parts.push(`${media.durationSeconds.toFixed(1)} s`);
  const v = media.kind === 'video' ? media.video : undefined;
  if (v)
    parts.push(
      `video ${v.codec} ${v.width}x${v.height}${v.rotation ? ` rotated ${v.rotation}°` : ''} ${Number(v.frameRate.toFixed(2))} fps`,
    );
  const a = media.kind === 'image' ? undefined : media.audio;
  if (a) parts.push(`audio ${a.codec} ${a.channels} ch ${a.sampleRate} Hz`);
  if (media.kind === 'image')
    parts.push(`image ${media.image.format} ${media.image.width}x${media.image.height}`);
  return parts.join('; ');
};

const describeFile = (file: OutputFile): string => {
  const facts = [
    file.width !== undefined && file.height !== undefined ? `${file.width}x${file.height}` : undefined,
    file.bitrateKbps !== undefined ? `${file.bitrateKbps} kbps` : undefined,
    formatBytes(file.sizeBytes),
  ].filter(Boolean);
  return `${file.kind.padEnd(16)} ${facts.join(', ').padEnd(28)} ${file.url}`;
};

/** The outputs of a completed job: the playback URL, then one line per file. */
export const outputLines = (job: Job): string => {
  const outputs = job.outputs;
  if (!outputs) return 'no outputs';
  const lines = outputs.playbackUrl ? [`playback: ${outputs.playbackUrl}`] : [];
  lines.push(`files (${outputs.files.length}, links valid until ${formatTime(outputs.expiresAt)}):`);
  lines.push(...outputs.files.map((f) => `  ${describeFile(f)}`));
  return lines.join('\n');
};

/** "CODE: reason", then each broken rule on its own line when there are several. */
export const errorLines = (error: JobError): string => {
  const lines = [`${error.code}: ${error.reason}`];
  const extra = (error.reasons ?? []).filter((r) => r.code !== error.code || r.message !== error.reason);
  lines.push(...extra.map((r) => `  - ${r.code}: ${r.message}`));
  return lines.join('\n');
};

const attemptLines = (job: Job): string =>
  job.attempts
    .map((a) => {
      const when = [formatTime(a.startedAt ?? a.queuedAt), a.endedAt ? formatTime(a.endedAt) : undefined]
        .filter(Boolean)
        .join(' → ');
      const error = a.error
        ? `  ${a.error.code}: ${a.error.reason}${a.error.retryable ? ' (retryable)' : ''}`
        : '';
      const work = a.transcodeSeconds === undefined ? '' : `  (transcode ${a.transcodeSeconds.toFixed(2)} s)`;
      return `#${a.attempt} ${a.outcome}${a.runnerId ? ` on ${a.runnerId}` : ''}  ${when}${work}${error}`;
    })
    .join('\n');

export const jobDetail = (job: Job): string =>
  fields([
    ['job', job.jobId],
    ['status', `${job.status}${job.status === 'transcoding' ? ` ${Math.floor(job.percent)}%` : ''}`],
    ['profile', job.profile],
    ['upload', job.uploadId],
    [
      'source',
      job.source
        ? `${job.source.filename} (${job.source.contentType}, ${formatBytes(job.source.sizeBytes)})`
        : job.filename,
    ],
    ['created', formatTime(job.createdAt)],
    ['ended', formatTime(job.endedAt)],
    ['media', job.media ? describeMedia(job.media) : undefined],
    [
      'plan',
      job.plan
        ? `${job.plan.outputs} outputs: ${[...job.plan.renditions, ...job.plan.kinds].join(', ')}`
        : undefined,
    ],
    [
      'retry',
      job.retry
        ? `${job.retry.stage} attempt ${job.retry.attempt} at ${formatTime(job.retry.dueAt)}`
        : undefined,
    ],
    ['error', job.error ? errorLines(job.error) : undefined],
    ['outputs', job.outputs ? outputLines(job) : undefined],
    ['attempts', job.attempts.length > 0 ? attemptLines(job) : undefined],
  ]);
