// CPU seconds of child processes, from this process's /proc/self/stat: cutime + cstime are the user
// and system time of every child the process has waited for (getrusage(RUSAGE_CHILDREN), which Node
// does not expose: process.cpuUsage() and process.resourceUsage() only cover the process itself).
// libuv reaps each ffmpeg as it exits, so the delta over a run is exactly that run's ffmpeg time,
// spawned by the bench or by the runner alike, as long as nothing else exits in between. Linux only.
import { readFileSync } from 'node:fs';

/** USER_HZ: /proc reports clock ticks of 1/100 s on Linux whatever the kernel's HZ. */
const TICKS_PER_SECOND = 100;

const waitedChildrenTicks = (): number => {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after "pid (comm) ": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 (cutime) and 17 (cstime) of proc(5), counted from 3 (state) here.
  return Number(fields[13]) + Number(fields[14]);
};

interface CpuSnapshot {
  readonly childrenTicks: number;
  readonly self: NodeJS.CpuUsage;
}

export const cpuSnapshot = (): CpuSnapshot => ({
  childrenTicks: waitedChildrenTicks(),
  self: process.cpuUsage(),
});

interface CpuSpent {
  /** user + sys of the children that exited since the snapshot (the ffmpeg processes). */
  readonly childrenSeconds: number;
  /** user + sys of this Node process (spawning, reading stderr, parsing ffmpeg's progress, renames). */
  readonly selfSeconds: number;
}

export const cpuSince = (start: CpuSnapshot): CpuSpent => {
  const self = process.cpuUsage(start.self);
  return {
    childrenSeconds: (waitedChildrenTicks() - start.childrenTicks) / TICKS_PER_SECOND,
    selfSeconds: (self.user + self.system) / 1e6,
  };
};

/** Whether this platform has the counters (Linux /proc). */
export const childCpuAvailable = (): boolean => {
  try {
    return Number.isFinite(waitedChildrenTicks());
  } catch {
    return false;
  }
};
