// The runner's bounds on one ffmpeg: address space, CPU time in proportion to the media's duration,
// output bytes and output files (the wall clock is the transcode's own option). The kernel enforces
// the first two and a per-file size through prlimit; the output folder is watched for the rest.
import fs from 'node:fs';
import type { TranscodeLimitCode } from '../domain/media-errors';

export interface RunnerLimits {
  /** Address space (virtual memory) ffmpeg may map: RLIMIT_AS. */
  memoryBytes?: number;
  /** CPU seconds (all threads) per second of media... */
  cpuSecondsPerMediaSecond?: number;
  /** ...and never fewer than this (stills have no duration, short clips pay the start-up). */
  cpuSecondsMin?: number;
  /** Bytes of all outputs together; also each file's ceiling (RLIMIT_FSIZE). */
  outputBytes?: number;
  /** Files in the output folder. */
  outputFiles?: number;
}

/** The bounds of one run, the CPU time computed from its media's duration. */
export interface AppliedLimits {
  memoryBytes?: number;
  cpuSeconds?: number;
  outputBytes?: number;
  outputFiles?: number;
}

export const limitsFor = (limits: RunnerLimits, durationSeconds: number): AppliedLimits => {
  const { cpuSecondsPerMediaSecond: perSecond, cpuSecondsMin: min } = limits;
  const cpu =
    perSecond === undefined && min === undefined
      ? undefined
      : Math.ceil(Math.max(min ?? 0, (perSecond ?? 0) * Math.max(0, durationSeconds)));
  return {
    ...(limits.memoryBytes !== undefined && { memoryBytes: limits.memoryBytes }),
    ...(cpu !== undefined && cpu > 0 && { cpuSeconds: cpu }),
    ...(limits.outputBytes !== undefined && { outputBytes: limits.outputBytes }),
    ...(limits.outputFiles !== undefined && { outputFiles: limits.outputFiles }),
  };
};

/**
 * CPU: SIGXCPU at the limit (ffmpeg takes it as a request to stop and exits 255), SIGKILL a few
 * seconds later if it has not. No core files: a killed ffmpeg must not leave its memory on disk.
 */
const CPU_HARD_GRACE_SECONDS = 5;

export const prlimitArgs = (applied: AppliedLimits): string[] => [
  '--core=0',
  ...(applied.memoryBytes !== undefined ? [`--as=${applied.memoryBytes}`] : []),
  ...(applied.cpuSeconds !== undefined
    ? [`--cpu=${applied.cpuSeconds}:${applied.cpuSeconds + CPU_HARD_GRACE_SECONDS}`]
    : []),
  ...(applied.outputBytes !== undefined ? [`--fsize=${applied.outputBytes}`] : []),
];

// /proc/<pid>/stat counts in clock ticks; USER_HZ is 100 on every Linux Node runs on.
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds of this process's children that have ended and been waited for (cutime + cstime).
 * The difference around one ffmpeg is that ffmpeg's, as long as no other child ends meanwhile
 * (the runner has one ffmpeg at a time). Undefined where there is no /proc.
 */
export const endedChildrenCpuSeconds = (): number | undefined => {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5); fields[0] is field 3 (state).
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
};

/** What one ffmpeg run left behind to tell a breach from another failure. */
export interface RunFacts {
  exitCode: number | null;
  signal: string | null;
  /** The first stderr line saying an allocation failed (ffmpeg may go on, dropping frames, and exit 0). */
  outOfMemoryLine?: string;
  /** CPU seconds ffmpeg used, when known. */
  cpuSeconds?: number;
  /** The highest VmPeak seen while it ran. */
  peakVirtualBytes?: number;
  /** The output watch stopped it. */
  outputBreach?: Breach;
}

export interface Breach {
  code: TranscodeLimitCode;
  reason: string;
}

const OUT_OF_MEMORY =
  /Cannot allocate memory|ENOMEM|out of memory|malloc of size \d+ failed|get_buffer\(\) failed|bad_alloc/i;

export const isOutOfMemoryLine = (line: string): boolean => OUT_OF_MEMORY.test(line);
const CRASH_SIGNALS = new Set(['SIGSEGV', 'SIGABRT', 'SIGBUS']);
/** A crash this close to the address-space ceiling is the ceiling's doing. */
const NEAR_CEILING = 0.75;

const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

const cpuBreach = (facts: RunFacts, limit: number): Breach | undefined => {
  // ffmpeg exits 255 only when a signal asked it to stop; we did not, so SIGXCPU did.
  const stopped = facts.signal === 'SIGXCPU' || facts.signal === 'SIGKILL' || facts.exitCode === 255;
  if (!stopped || facts.cpuSeconds === undefined || facts.cpuSeconds < limit * 0.98) return undefined;
  return {
    code: 'RUNNER_CPU_LIMIT',
    reason: `ffmpeg used ${facts.cpuSeconds.toFixed(1)} s of CPU, its limit for this media is ${limit} s`,
  };
};

const memoryBreach = (facts: RunFacts, limit: number): Breach | undefined => {
  const line = facts.outOfMemoryLine;
  const crashedNearCeiling =
    facts.signal !== null &&
    CRASH_SIGNALS.has(facts.signal) &&
    (facts.peakVirtualBytes ?? 0) >= limit * NEAR_CEILING;
  if (!line && !crashedNearCeiling) return undefined;
  const what = line ? line.trim() : `killed by ${facts.signal}`;
  return { code: 'RUNNER_MEMORY_LIMIT', reason: `ffmpeg ran out of its ${gib(limit)} address space: ${what}` };
};

/**
 * The bound a run crossed, if any; called for runs we did not stop ourselves, successful ones too
 * (an allocation that failed under the address-space limit can cost frames without failing ffmpeg).
 */
export const limitBreach = (facts: RunFacts, applied: AppliedLimits): Breach | undefined => {
  if (facts.outputBreach) return facts.outputBreach;
  if (facts.signal === 'SIGXFSZ' && applied.outputBytes !== undefined)
    return { code: 'OUTPUT_SIZE_LIMIT', reason: `an output file reached the ${applied.outputBytes}-byte output limit` };
  if (applied.cpuSeconds !== undefined) {
    const cpu = cpuBreach(facts, applied.cpuSeconds);
    if (cpu) return cpu;
  }
  return applied.memoryBytes !== undefined ? memoryBreach(facts, applied.memoryBytes) : undefined;
};
