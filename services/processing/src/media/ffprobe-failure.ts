// What a failed ffprobe run means: the source was unavailable (ProbeUnavailable), ffprobe itself
// broke, or the input is not usable media (MediaUnsupported, judged by the domain classifier).
// This is the one place that reads ffprobe's wording.
import { classifyUnreadable } from '../domain/classify';
import { MediaUnsupported, ProbeUnavailable, type MediaError } from '../domain/media-errors';
import type { FfprobeRun } from './ffprobe-process';

export interface FailureContext {
  /** The input as given to ffprobe, removed from messages (a presigned URL holds credentials). */
  input: string;
  /** The input as it may appear in logs and reasons. */
  shownAs: string;
  isUrl: boolean;
  sizeBytes?: number;
  head: Uint8Array;
  timeoutMs: number;
  ffprobeVersion: string;
}

// Signals a deterministic crash sends: the same input will crash the same build again.
const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGABRT']);

const NETWORK_TROUBLE = [
  'connection refused',
  'connection reset',
  'network is unreachable',
  'no route to host',
  'failed to resolve',
  'name or service not known',
  'temporary failure in name resolution',
  'broken pipe',
  'input/output error',
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** ffprobe's stderr as one readable line: no "[mov,mp4 @ 0x55…]" prefixes, no input path or URL. */
export const cleanFfprobeMessage = (stderr: string, input: string, shownAs = 'input'): string => {
  const variants = [`file:${input}`, input].map(escapeRegExp).join('|');
  const lines = stderr
    .split('\n')
    .map((line) =>
      line
        .replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '')
        .replace(new RegExp(variants, 'g'), shownAs)
        .trim(),
    )
    .filter((line) => line.length > 0);
  const unique = [...new Set(lines)];
  return unique.join('; ').slice(0, 500) || 'no message';
};

const unavailable = (
  run: FfprobeRun,
  context: FailureContext,
  message: string,
): ProbeUnavailable | undefined => {
  const lower = message.toLowerCase();
  const where = context.shownAs;
  if (run.timedOut || lower.includes('timed out')) {
    return new ProbeUnavailable(
      'PROBE_TIMED_OUT',
      `ffprobe did not finish reading ${where} within ${context.timeoutMs} ms`,
      true,
    );
  }
  if (run.aborted) return new ProbeUnavailable('PROBE_ABORTED', `probe of ${where} aborted`, true);
  if (run.spawnError) {
    return new ProbeUnavailable(
      'PROBER_FAILED',
      `ffprobe could not start: ${run.spawnError.message}`,
      false,
      { cause: run.spawnError },
    );
  }
  if (run.signal) {
    const crashed = CRASH_SIGNALS.has(run.signal);
    return new ProbeUnavailable(
      'PROBER_FAILED',
      `ffprobe ${context.ffprobeVersion} ${crashed ? 'crashed' : 'was killed'} (${run.signal}) reading ${where}`,
      !crashed,
    );
  }
  if (lower.includes('cannot allocate memory'))
    return new ProbeUnavailable('PROBER_FAILED', `ffprobe ran out of memory: ${message}`, true);
  if (/server returned (404|410)|no such file or directory/.test(lower)) {
    return new ProbeUnavailable('SOURCE_NOT_FOUND', `${where} is not there: ${message}`, false);
  }
  if (lower.includes('server returned 5'))
    return new ProbeUnavailable('SOURCE_HTTP_ERROR', `${where}: ${message}`, true);
  if (lower.includes('server returned'))
    return new ProbeUnavailable('SOURCE_HTTP_ERROR', `${where}: ${message}`, false);
  if (context.isUrl && NETWORK_TROUBLE.some((words) => lower.includes(words))) {
    return new ProbeUnavailable('SOURCE_UNREACHABLE', `lost ${where}: ${message}`, true);
  }
  return undefined;
};

/** The typed error for a failed run. Anything not explained by the source or ffprobe is the media's fault. */
export const interpretFfprobeFailure = (run: FfprobeRun, context: FailureContext): MediaError => {
  const message = cleanFfprobeMessage(run.stderr, context.input);
  const notAvailable = unavailable(run, context, message);
  if (notAvailable) return notAvailable;
  const verdict = classifyUnreadable(context.sizeBytes, context.head, message);
  return new MediaUnsupported(verdict.code, verdict.reason);
};
