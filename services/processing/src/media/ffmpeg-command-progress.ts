// Progress from ffmpeg's `-progress` lines: output time against the probed duration, clamped and
// never going backwards. 100 is held back until the outputs are in place.

/** `out_time=00:01:02.500000` → 62.5; N/A and the negative times ffmpeg prints before the first frame → undefined. */
export const outTimeSeconds = (line: string): number | undefined => {
  const match = /^out_time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(line.trim());
  if (!match) return undefined;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
};

/** Highest percent reported while ffmpeg runs: its output time can reach the duration before the trailers are written. */
const RUNNING_CEILING = 99;

export class ProgressTracker {
  private reported = -1;

  constructor(
    private readonly durationSeconds: number,
    private readonly onProgress: ((percent: number) => void) | undefined,
  ) {}

  observe(line: string): void {
    const seconds = outTimeSeconds(line);
    if (seconds === undefined || !(this.durationSeconds > 0)) return;
    this.report(Math.min(RUNNING_CEILING, Math.max(0, (seconds / this.durationSeconds) * 100)));
  }

  finish(): void {
    this.report(100);
  }

  private report(percent: number): void {
    const rounded = Math.round(percent * 10) / 10;
    if (rounded <= this.reported) return;
    this.reported = rounded;
    this.onProgress?.(rounded);
  }
}
