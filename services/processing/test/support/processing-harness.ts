// processing's application with real edges for handler tests: the SQLite store and index in a temp
// data folder, local-disk uploads/outputs laid out as in embedded mode, ffprobe, and the real
// child-process pool forking the real runner. Events in are built as the bus would deliver them.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LocalDiskBlobStorage } from '@mediaflow/blob-storage/local';
import type { EventDataOf, EventName, KnownEventOf } from '@mediaflow/contracts';
import {
  mediaInfoFromContract,
  planOutputs,
  profileByName,
  toRenditionPlan,
} from '@mediaflow/media-planning';
import { embeddedPaths } from '@mediaflow/runtime';
import { systemClock } from '@mediaflow/service-kit';
import { ChildProcessRunnerDispatcher } from '../../src/adapters/local/child-process-runner-dispatcher';
import { FfprobeMediaProber } from '../../src/media/ffprobe-media-prober';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';
import { SqliteActiveTranscodes } from '../../src/adapters/local/sqlite-active-transcodes';
import { processingHandlers } from '../../src/application/processing-handlers';
import { runnerEventRecorder } from '../../src/application/record-runner-events';
import { defaultProgressThrottle } from '../../src/domain/progress-throttle';
import { dataOf, openTempStore, quietLogger, testIds, typesOf } from './processing-store';

type Handler<N extends EventName> = (
  event: KnownEventOf<N>,
  ctx: { attempt: number; receivedAt: Date; logger: typeof logger },
) => Promise<void>;
const logger = quietLogger();

export const busEvent = <N extends 'ProbeRequested' | 'TranscodeRequested' | 'JobCancelled'>(
  name: N,
  data: EventDataOf<N, 1>,
): KnownEventOf<N> =>
  ({
    source: 'mediaflow.jobs',
    name,
    version: 1,
    metadata: {
      eventId: randomUUID(),
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: 'corr-1',
      causationId: null,
      ownerId: 'owner-1',
    },
    data,
  }) as KnownEventOf<N>;

export const createHarness = (options: { concurrency?: number } = {}) => {
  const temp = openTempStore();
  const paths = embeddedPaths(temp.dir);
  const uploads = new LocalDiskBlobStorage({ root: paths.blobs('uploads') });
  const outputs = new LocalDiskBlobStorage({ root: paths.blobs('outputs') });
  const active = new SqliteActiveTranscodes(path.join(temp.dir, 'processing.read.sqlite'));
  const dispatcher = new ChildProcessRunnerDispatcher({
    concurrency: options.concurrency ?? 1,
    logger,
    env: { ...process.env, MEDIAFLOW_MODE: 'embedded', MEDIAFLOW_DATA_DIR: temp.dir, LOG_LEVEL: 'ERROR' },
    stdio: 'ignore',
  });
  const deps = { store: temp.store, clock: systemClock, ids: testIds };
  dispatcher.onEvent(
    runnerEventRecorder({ ...deps, active, dispatcher, outputs, logger, throttle: defaultProgressThrottle(120_000) }),
  );
  const prober = new FfprobeMediaProber({ ffprobe: mediaBinaries(process.env).ffprobe, logger });
  const handlers = processingHandlers({ ...deps, prober, uploads, outputs, dispatcher, active });
  const deliver = <N extends 'ProbeRequested' | 'TranscodeRequested' | 'JobCancelled'>(
    event: KnownEventOf<N>,
  ): Promise<void> =>
    (handlers[event.name] as Handler<N>)(event, { attempt: 1, receivedAt: new Date(), logger });

  return {
    ...temp,
    uploads,
    active,
    dispatcher,
    deliver,
    outputsDir: path.join(paths.blobs('outputs'), 'objects'),
    types: (jobId: string) => typesOf(temp.store, jobId),
    data: (jobId: string, type: string) => dataOf(temp.store, jobId, type),
    /** ProbeRequested (attempt 1) for an upload of `file` at the server-generated key. */
    upload: async (jobId: string, file: string | undefined, profile = 'sd') => {
      const key = `owner-1/up_${jobId}/source`;
      if (file) await uploads.putFile(key, file, { contentType: 'video/mp4' });
      return busEvent('ProbeRequested', { jobId, uploadId: `up_${jobId}`, input: { key }, profile, attempt: 1 });
    },
    /** TranscodeRequested as jobs would send it: planned with media-planning from our own MediaProbed. */
    validated: async (jobId: string, profile = 'sd', attempt = 1) => {
      const [probedData] = (await dataOf(temp.store, jobId, 'MediaProbed')) as EventDataOf<
        'MediaProbed',
        1
      >[];
      if (!probedData) throw new Error(`${jobId} was not probed`);
      const plan = toRenditionPlan(
        planOutputs(mediaInfoFromContract(probedData.mediaInfo), profileByName(profile)),
        `owner-1/${jobId}`,
      );
      return busEvent('TranscodeRequested', { jobId, plan, attempt });
    },
    waitFor: async (what: string, test: () => Promise<boolean>, ms = 90_000): Promise<void> => {
      const deadline = Date.now() + ms;
      while (!(await test())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: async () => {
      await dispatcher.shutdown();
      active.close();
      temp.close();
    },
    outputsOf: (jobId: string): string[] => {
      const dir = path.join(paths.blobs('outputs'), 'objects', 'owner-1', jobId);
      return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String) : [];
    },
  };
};

export type Harness = ReturnType<typeof createHarness>;
