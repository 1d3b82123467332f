// How ffmpeg is started: inside a network namespace of its own with nothing in it (`unshare --net`),
// under the kernel's resource limits (`prlimit`), both from util-linux and both exec'ing, so the
// process we watch and signal is ffmpeg itself. Where a wrapper is missing or not permitted (no
// util-linux, no CAP_SYS_ADMIN, macOS) ffmpeg runs without it and sandboxLine() says so.
import { spawnSync } from 'node:child_process';
import { type AppliedLimits, prlimitArgs } from './ffmpeg-limits';
import type { RunnerNetwork } from './ffmpeg-input-guard';

export interface SandboxSupport {
  /** `prlimit` runs here. */
  limits: boolean;
  /** `unshare --net` runs here (needs root or CAP_SYS_ADMIN, or unprivileged user namespaces). */
  isolatedNetwork: boolean;
  /** Why not, for the warning. */
  notes: string[];
}

const tryRun = (file: string, args: string[]): string | undefined => {
  const run = spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 5000, encoding: 'utf8' });
  if (run.error) return run.error.message;
  return run.status === 0 ? undefined : (run.stderr.trim() || `exit ${run.status}`).split('\n')[0];
};

let cached: SandboxSupport | undefined;

/** Asked once per process: a run of each wrapper around `true`. */
export const sandboxSupport = (): SandboxSupport => {
  if (cached) return cached;
  if (process.platform !== 'linux') {
    cached = { limits: false, isolatedNetwork: false, notes: [`${process.platform} has no prlimit or network namespaces`] };
    return cached;
  }
  const limitsError = tryRun('prlimit', ['--core=0', '--', 'true']);
  const netError = tryRun('unshare', ['--net', '--', 'true']);
  cached = {
    limits: limitsError === undefined,
    isolatedNetwork: netError === undefined,
    notes: [
      ...(limitsError ? [`prlimit: ${limitsError}`] : []),
      ...(netError ? [`unshare --net: ${netError}`] : []),
    ],
  };
  return cached;
};

export interface SandboxPolicy {
  network: RunnerNetwork;
  limits: AppliedLimits;
}

interface SandboxedCommand {
  file: string;
  args: string[];
  /** What this run actually got, for the log. */
  isolatedNetwork: boolean;
  kernelLimits: boolean;
}

const hasKernelLimits = (limits: AppliedLimits): boolean =>
  limits.memoryBytes !== undefined || limits.cpuSeconds !== undefined || limits.outputBytes !== undefined;

export const sandboxedCommand = (
  ffmpegPath: string,
  args: readonly string[],
  policy: SandboxPolicy,
  support: SandboxSupport = sandboxSupport(),
): SandboxedCommand => {
  const isolate = policy.network === 'none' && support.isolatedNetwork;
  const limit = support.limits && hasKernelLimits(policy.limits);
  const inner = limit ? ['prlimit', ...prlimitArgs(policy.limits), '--', ffmpegPath, ...args] : [ffmpegPath, ...args];
  const argv = isolate ? ['unshare', '--net', '--', ...inner] : inner;
  return { file: argv[0] ?? ffmpegPath, args: argv.slice(1), isolatedNetwork: isolate, kernelLimits: limit };
};

/** The `npm start` banner's line on the runner's sandbox, a warning when a part of it is missing. */
export const sandboxLine = (
  network: RunnerNetwork,
  support: SandboxSupport = sandboxSupport(),
): { text: string; warning: boolean } => {
  const parts = [
    network === 'none'
      ? support.isolatedNetwork
        ? 'no network (own network namespace)'
        : "the host's network"
      : "the host's network (presigned inputs)",
    support.limits ? 'memory and CPU limits (prlimit)' : 'no kernel memory or CPU limits',
    'output bytes and files watched',
  ];
  const missing = (network === 'none' && !support.isolatedNetwork) || !support.limits;
  const text = `ffmpeg runs with ${parts.join(', ')}`;
  return missing
    ? { text: `WARNING ${text}: ${support.notes.join('; ')} (as root on Linux with util-linux it would not)`, warning: true }
    : { text, warning: false };
};
