// Maps the read model's JobView to the API's Job and JobSummary: progress, the error, a plan summary,
// and the outputs with URLs under one signed prefix (HLS segments resolve relative to the master).
import type { z } from 'zod';
import type { JobView } from '../../ports/job-view';
import type { OutputUrls } from '../../ports/output-urls';
import type { JobSchema, JobSummarySchema } from './job-schemas';

type Job = z.input<typeof JobSchema>;
type JobSummary = z.input<typeof JobSummarySchema>;

const errorOf = (view: JobView): JobSummary['error'] => {
  const [first] = view.rejection ?? [];
  if (view.status === 'rejected' && first) return { code: first.code, reason: first.message, reasons: [...(view.rejection ?? [])] };
  return view.error ? { ...view.error } : undefined;
};

export const toJobSummary = (view: JobView): JobSummary => ({
  jobId: view.jobId,
  status: view.status,
  profile: view.profile,
  uploadId: view.uploadId,
  filename: view.source?.filename,
  percent: view.percent,
  attempt: view.attempt,
  createdAt: view.createdAt,
  updatedAt: view.updatedAt,
  endedAt: view.endedAt,
  error: errorOf(view),
});

const planSummary = (view: JobView): Job['plan'] => {
  if (!view.plan) return undefined;
  const outputs = view.plan.outputs;
  const renditions = outputs.flatMap((o) => (o.kind === 'hls-rendition' || o.kind === 'audio-hls' ? [o.name] : []));
  return { outputs: outputs.length, renditions, kinds: [...new Set(outputs.map((o) => o.kind))] };
};

const outputsOf = async (view: JobView, urls: OutputUrls): Promise<Job['outputs']> => {
  const prefix = view.plan?.outputPrefix;
  if (view.status !== 'completed' || !view.manifest || !prefix) return undefined;
  const signed = await urls.forPrefix(prefix);
  const urlOf = (key: string): string => signed.base + key.slice(prefix.length + 1);
  // One signed prefix covers the job's outputs; a key outside it could not be fetched with it.
  const inside = view.manifest.outputs.filter((o) => o.key.startsWith(`${prefix}/`));
  const files = inside.map(({ key, sha256: _sha, ...file }) => ({ ...file, url: urlOf(key) }));
  const master = inside.find((o) => o.kind === 'hls-master');
  return { ...(master ? { playbackUrl: urlOf(master.key) } : {}), expiresAt: signed.expiresAt, files };
};

export const toJob = async (view: JobView, urls: OutputUrls): Promise<Job> => ({
  ...toJobSummary(view),
  source: view.source ? { filename: view.source.filename, contentType: view.source.contentType, sizeBytes: view.source.sizeBytes } : undefined,
  media: view.mediaInfo,
  plan: planSummary(view),
  outputs: await outputsOf(view, urls),
  retry: view.status === 'retry-scheduled' ? view.retry : undefined,
  attempts: view.attempts.map((a) => ({ ...a, outcome: a.outcome ?? (a.startedAt ? 'running' : 'queued') })),
});
