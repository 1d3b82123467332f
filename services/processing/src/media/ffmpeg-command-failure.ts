// Turns a failed ffmpeg run into a readable reason and a retry decision: a bad input fails the same
// way every time (permanent); a full disk, memory or a flaky network may not (retryable). What the
// input guard refused carries its own code.
import type { InputRefusedCode } from '../domain/media-errors';
import type { RunnerNetwork } from './ffmpeg-input-guard';

export interface FfmpegFailure {
  reason: string;
  retryable: boolean;
  /** Set when the input guard or the missing network stopped ffmpeg (always permanent). */
  code?: InputRefusedCode;
}

/** `-progress` output (`key=value`) and warnings that say nothing about why a run failed. */
const NOT_A_REASON = [
  /^[a-z_0-9]+=\S*$/,
  /deprecated pixel format used/,
  /Cannot use rename on non file protocol/,
  /^\s*$/,
];

export const meaningfulStderr = (lines: readonly string[]): string[] =>
  lines.filter((line) => !NOT_A_REASON.some((pattern) => pattern.test(line)));

const REFUSED: readonly (readonly [RegExp, InputRefusedCode, string])[] = [
  [/Format not on whitelist/, 'INPUT_FORMAT_MISMATCH', 'ffmpeg detected another format than the probe classified'],
  [/Protocol '[^']*' not on whitelist/, 'INPUT_PROTOCOL_REFUSED', 'the input asked for a protocol the runner does not allow'],
];

/** A runner without network sees every address as unreachable and no name resolves. */
const NO_NETWORK =
  /Network is unreachable|No route to host|Cannot assign requested address|Name or service not known|name resolution|Failed to resolve hostname/i;

const refusal = (lines: readonly string[], network: RunnerNetwork): FfmpegFailure | undefined => {
  for (const [pattern, code, what] of REFUSED) {
    const line = lines.find((l) => pattern.test(l));
    if (line) return { reason: `${what}: ${line.trim()}`, retryable: false, code };
  }
  const offline = network === 'none' ? lines.find((l) => NO_NETWORK.test(l)) : undefined;
  if (offline)
    return { reason: `the runner has no network: ${offline.trim()}`, retryable: false, code: 'RUNNER_NETWORK_DENIED' };
  return undefined;
};

const TRANSIENT: readonly (readonly [RegExp, string])[] = [
  [/No space left on device|ENOSPC/i, 'the disk is full'],
  [/Cannot allocate memory|ENOMEM|out of memory/i, 'memory ran out'],
  [
    /403 Forbidden|Server returned 5(\d\d|XX)|Connection (refused|reset|timed out)|Operation timed out|Input\/output error/i,
    'the input could not be read over the network',
  ],
];

const PERMANENT: readonly (readonly [RegExp, string])[] = [
  // Before the demuxer's own complaint: random bytes named .mp4 make mov say "moov atom not found".
  [/misdetection possible/i, 'the input is not recognisable media'],
  [/moov atom not found/i, 'the input is truncated (no moov atom)'],
  [/Invalid data found when processing input/i, 'the input is not decodable media'],
  [/could not find codec parameters|Failed to read frame size/i, 'the input has no decodable stream'],
  [/matches no streams|does not contain any stream/i, 'the input lacks a stream the plan needs'],
  [
    /error while decoding|decode_slice_header error|Invalid NAL unit|corrupt|Truncat/i,
    'the input has decoding errors',
  ],
  [/404 Not Found|Server returned 404|No such file or directory/i, 'the input does not exist'],
  [
    /Unknown encoder|Encoder .* not found|Unrecognized option|Option .* not found|No such filter|Error initializing filter/i,
    'this ffmpeg build cannot run the command',
  ],
];

const firstMatch = (
  lines: readonly string[],
  table: typeof PERMANENT,
): { line: string; what: string } | undefined => {
  for (const [pattern, what] of table) {
    const line = lines.find((l) => pattern.test(l));
    if (line) return { line: line.trim(), what };
  }
  return undefined;
};

/** `signal` set when the process died of one we did not send (the OOM killer's SIGKILL, typically). */
export const classifyFfmpegFailure = (
  stderr: readonly string[],
  exit: { code?: number | null; signal?: string | null },
  network: RunnerNetwork = 'host',
): FfmpegFailure => {
  const lines = meaningfulStderr(stderr);
  const refused = refusal(lines, network);
  if (refused) return refused;
  const transient = firstMatch(lines, TRANSIENT);
  if (transient) return { reason: `${transient.what}: ${transient.line}`, retryable: true };
  if (exit.signal) return { reason: `ffmpeg was killed by ${exit.signal}`, retryable: true };
  const permanent = firstMatch(lines, PERMANENT);
  if (permanent) return { reason: `${permanent.what}: ${permanent.line}`, retryable: false };
  // Unknown: worth another attempt; the job's bounded retries stop a failure that keeps coming back.
  const last = lines[lines.length - 1]?.trim();
  return {
    reason: `ffmpeg exited with code ${exit.code ?? 'unknown'}${last ? `: ${last}` : ''}`,
    retryable: true,
  };
};
