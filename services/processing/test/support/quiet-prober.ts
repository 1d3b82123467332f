// Shared by the probe suites: a quiet real prober, and how to catch a typed error.
import { createLogger } from '@mediaflow/logging';
import { mediaBinaries } from '../../src/media/ffmpeg-binaries';
import { FfprobeMediaProber } from '../../src/media/ffprobe-media-prober';

/** The real prober on the ffprobe mediaBinaries() finds, logging only with LOG_LEVEL=DEBUG. */
export const quietProber = (): FfprobeMediaProber => {
  const logger = createLogger('processing-test');
  logger.setLogLevel(process.env.LOG_LEVEL === 'DEBUG' ? 'DEBUG' : 'SILENT');
  return new FfprobeMediaProber({ ffprobe: mediaBinaries(process.env).ffprobe, logger });
};

/** The error a promise rejects with (fails the test when it resolves). */
export const rejectionOf = async (
  promise: Promise<unknown>,
): Promise<Error & { code?: string; retryable?: boolean }> => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string; retryable?: boolean };
  }
  throw new Error('expected the promise to reject, it resolved');
};
