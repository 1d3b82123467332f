// Watches one running ffmpeg: the bytes and files in its output folder (a breach calls back at once,
// so the caller can kill it) and the highest address space it mapped (VmPeak, Linux only).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppliedLimits, Breach } from './ffmpeg-limits';

interface Tally {
  bytes: number;
  files: number;
}

const tally = async (dir: string, into: Tally): Promise<void> => {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await tally(full, into);
    else {
      into.files += 1;
      into.bytes += (await fs.stat(full).catch(() => ({ size: 0 }))).size;
    }
  }
};

const vmPeakBytes = async (pid: number): Promise<number | undefined> => {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmPeak:\s+(\d+) kB/m.exec(status)?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
};

export const outputBreach = (seen: Tally, limits: AppliedLimits): Breach | undefined => {
  if (limits.outputFiles !== undefined && seen.files > limits.outputFiles)
    return { code: 'OUTPUT_FILE_COUNT_LIMIT', reason: `ffmpeg wrote ${seen.files} files, the limit is ${limits.outputFiles}` };
  if (limits.outputBytes !== undefined && seen.bytes > limits.outputBytes)
    return { code: 'OUTPUT_SIZE_LIMIT', reason: `ffmpeg wrote ${seen.bytes} bytes, the limit is ${limits.outputBytes}` };
  return undefined;
};

export class RunWatch {
  peakVirtualBytes: number | undefined;
  breach: Breach | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(
    private readonly pid: number | undefined,
    private readonly outputDir: string,
    private readonly limits: AppliedLimits,
    private readonly onBreach: (breach: Breach) => void,
    intervalMs = 250,
  ) {
    this.timer = setInterval(() => void this.poll(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** After ffmpeg exited: what it wrote since the last poll counts too. */
  async final(): Promise<Breach | undefined> {
    this.stop();
    if (!this.breach) this.breach = await this.outputsBreach();
    return this.breach;
  }

  private async outputsBreach(): Promise<Breach | undefined> {
    if (this.limits.outputBytes === undefined && this.limits.outputFiles === undefined) return undefined;
    const seen: Tally = { bytes: 0, files: 0 };
    await tally(this.outputDir, seen);
    return outputBreach(seen, this.limits);
  }

  private async poll(): Promise<void> {
    if (this.busy || this.breach) return;
    this.busy = true;
    try {
      if (this.pid !== undefined) {
        const peak = await vmPeakBytes(this.pid);
        if (peak !== undefined) this.peakVirtualBytes = Math.max(peak, this.peakVirtualBytes ?? 0);
      }
      const breach = await this.outputsBreach();
      if (breach && this.timer) {
        this.breach = breach;
        this.onBreach(breach);
      }
    } finally {
      this.busy = false;
    }
  }
}
