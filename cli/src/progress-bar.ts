// A one-line progress display on stderr. On a terminal it redraws in place (\r, at most ten times a
// second); otherwise (a log, a pipe) it prints one line per status change and per 10% step.
import type { Io } from './command';

interface ProgressState {
  /** What is happening: "upload", "probing", "transcoding"… */
  readonly label: string;
  /** 0..100 when known. */
  readonly percent?: number;
  /** Extra text after the percentage, e.g. "3.1 MB / 8.0 MB  12.4 MB/s". */
  readonly detail?: string;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;

const clampPercent = (percent: number): number => Math.min(100, Math.max(0, percent));

export const renderBar = (percent: number, width = BAR_WIDTH): string => {
  const filled = Math.round((clampPercent(percent) / 100) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
};

export class ProgressBar {
  private lastDraw = 0;
  private lastLabel: string | undefined;
  private lastStep = -1;
  private drawn = false;
  private pending: ProgressState | undefined;

  constructor(private readonly stream: Io['stderr']) {}

  get interactive(): boolean {
    return this.stream.isTTY === true;
  }

  update(state: ProgressState): void {
    if (this.interactive) this.redraw(state, false);
    else this.logLine(state);
  }

  /** Draws the last state for good and ends the line (terminal), so later output starts clean. */
  finish(state?: ProgressState): void {
    const last = state ?? this.pending;
    if (this.interactive) {
      if (last) this.redraw(last, true);
      if (this.drawn) this.stream.write('\n');
      this.drawn = false;
    } else if (last) this.logLine(last);
  }

  private redraw(state: ProgressState, force: boolean): void {
    const now = Date.now();
    this.pending = state;
    if (!force && state.label === this.lastLabel && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.lastLabel = state.label;
    const columns = this.stream.columns || 80;
    this.stream.write(`\r${this.format(state).slice(0, Math.max(20, columns - 1))}\x1b[K`);
    this.drawn = true;
  }

  private logLine(state: ProgressState): void {
    const step = state.percent === undefined ? -1 : Math.floor(clampPercent(state.percent) / 10);
    if (state.label === this.lastLabel && step <= this.lastStep) return;
    this.lastLabel = state.label;
    this.lastStep = step;
    this.stream.write(`${this.format(state)}\n`);
  }

  private format(state: ProgressState): string {
    const label = state.label.padEnd(12);
    if (state.percent === undefined) return `${label}${state.detail ? ` ${state.detail}` : ''}`.trimEnd();
    const percent = `${Math.floor(clampPercent(state.percent))}%`.padStart(4);
    const bar = this.interactive ? ` ${renderBar(state.percent)}` : '';
    return `${label}${bar} ${percent}${state.detail ? `  ${state.detail}` : ''}`;
  }
}
