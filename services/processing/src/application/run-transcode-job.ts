// The runner's use case: resolve the input, probe it (unless the spec carries processing's probe) and
// plan (unless the spec carries the plan), check the ladder
// against the one jobs published, transcode in a scratch folder, store every output under the job's
// prefix at its deterministic key (a rerun overwrites), and return the manifest. Progress and
// cancellation pass straight through.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BlobStorage } from '@mediaflow/blob-storage';
import type { ManifestOutput } from '@mediaflow/contracts';
import type { Logger } from '@mediaflow/logging';
import { mediaInfoFromContract, type Plan, planOutputs, profileByName, rungNamesOf } from '@mediaflow/media-planning';
import { PlanMismatch, TranscodeCancelled } from '../domain/media-errors';
import type { MediaProber } from '../ports/media-prober';
import type { Transcoder } from '../ports/transcoder';
import type { JobSpec } from './job-spec';
import { buildManifest, type StoredFile } from './output-manifest';

export interface RunnerDependencies {
  readonly prober: MediaProber;
  readonly transcoder: Transcoder;
  /** Where outputs go (S3 outputs bucket, or the embedded outputs folder). */
  readonly outputs: BlobStorage;
  /** Turns a `blob:<key>` input into something ffmpeg can read (a presigned GET or a local path). */
  readonly resolveBlobInput: (key: string) => Promise<string>;
  readonly logger: Logger;
  /** Uploads running at once (each S3 upload is itself multipart above its threshold). */
  readonly uploadConcurrency?: number;
  readonly scratchDir?: string;
}

export interface RunResult {
  readonly plan: Plan;
  readonly manifest: ManifestOutput[];
  readonly transcodeSeconds: number;
}

interface RunControls {
  readonly onProgress?: (percent: number) => void;
  readonly signal?: AbortSignal;
}

const resolveInput = async (input: string, deps: RunnerDependencies): Promise<string> => {
  if (input.startsWith('blob:')) return deps.resolveBlobInput(input.slice('blob:'.length));
  if (input.startsWith('file://')) return new URL(input).pathname;
  return input;
};

const storeAll = async (
  files: StoredFile['file'][],
  spec: JobSpec,
  deps: RunnerDependencies,
  signal: AbortSignal | undefined,
): Promise<StoredFile[]> => {
  const queue = [...files];
  const stored: StoredFile[] = [];
  let failed = false;
  const worker = async (): Promise<void> => {
    for (let file = failed ? undefined : queue.shift(); file; file = failed ? undefined : queue.shift()) {
      // A stopped attempt stores nothing more (what it stored, a retry overwrites or a cancel deletes).
      if (signal?.aborted) throw new TranscodeCancelled();
      const storageKey = `${spec.outputPrefix}/${file.key}`;
      // Playlists change on a rerun and must not be cached long; segments never change under a key.
      const cacheControl = file.key.endsWith('.m3u8') ? 'max-age=60' : 'max-age=31536000, immutable';
      const put = await deps.outputs
        .putFile(storageKey, file.path, { contentType: file.contentType, cacheControl })
        .catch((error: unknown) => {
          failed = true; // the other workers take no further file
          throw error;
        });
      stored.push({ file, storageKey, sha256: put.sha256, size: put.size });
    }
  };
  // Every put in flight ends before this returns or throws: the caller removes the scratch folder
  // they read from next.
  const results = await Promise.allSettled(Array.from({ length: deps.uploadConcurrency ?? 4 }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return stored.sort((a, b) => a.storageKey.localeCompare(b.storageKey));
};

/** Fails loudly when jobs published a different ladder than the one this runner is about to make. */
const checkExpectedRungs = (plan: Plan, expected: readonly string[] | undefined): void => {
  if (!expected) return;
  const planned = rungNamesOf(plan);
  if (planned.length !== expected.length || planned.some((name, i) => name !== expected[i])) {
    throw new PlanMismatch(expected, planned);
  }
};

export const runTranscodeJob = async (spec: JobSpec, deps: RunnerDependencies, controls: RunControls = {}): Promise<RunResult> => {
  const log = deps.logger;
  const input = await resolveInput(spec.input, deps);
  // The service's probe, when the spec carries it (what jobs planned from); else the runner's own.
  const probed = spec.plan
    ? undefined
    : spec.mediaInfo
      ? mediaInfoFromContract(spec.mediaInfo)
      : await deps.prober.probe(input, { signal: controls.signal });
  const plan = probed ? planOutputs(probed, profileByName(spec.profile)) : (spec.plan as Plan);
  checkExpectedRungs(plan, spec.expectedRungs);
  const scratch = await fs.mkdtemp(path.join(deps.scratchDir ?? os.tmpdir(), `mediaflow-${spec.jobId}-`));
  try {
    const started = Date.now();
    const durationSeconds = plan.kind === 'image' ? 0 : plan.durationSeconds;
    const files = await deps.transcoder.transcode(input, plan, scratch, {
      durationSeconds,
      onProgress: controls.onProgress,
      signal: controls.signal,
      wallClockLimitMs: spec.wallClockLimitSeconds * 1000,
      // ffmpeg may read the input only with the demuxer the probe saw.
      ...(probed && { inputFormat: probed.container }),
    });
    const transcodeSeconds = (Date.now() - started) / 1000;
    log.info('transcoded', { jobId: spec.jobId, files: files.length, transcodeSeconds });
    const stored = await storeAll(files, spec, deps, controls.signal);
    const manifest = buildManifest(plan, stored);
    if (controls.signal?.aborted) throw new TranscodeCancelled();
    await deps.outputs.put(`${spec.outputPrefix}/manifest.json`, Buffer.from(JSON.stringify({ jobId: spec.jobId, outputs: manifest }, null, 2)), {
      contentType: 'application/json',
      cacheControl: 'max-age=60',
    });
    return { plan, manifest, transcodeSeconds };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
};
