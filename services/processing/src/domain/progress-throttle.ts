// When a progress report is worth an event: at most one per 2 s and per 5 %, so a fast transcode does
// not flood the bus; but at least one per heartbeat interval while the runner is still reporting, so a
// slow one (under 5 % per stall period) is not mistaken for a stalled runner.
export interface ProgressThrottlePolicy {
  readonly minIntervalMs: number;
  readonly minStepPercent: number;
  /** An event is due after this long even without a 5 % step (keep it well under the stall time). */
  readonly heartbeatMs: number;
}

export interface EmittedProgress {
  readonly percent: number;
  readonly atMs: number;
}

export const defaultProgressThrottle = (stallMs: number): ProgressThrottlePolicy => ({
  minIntervalMs: 2000,
  minStepPercent: 5,
  heartbeatMs: Math.max(2000, Math.min(30_000, Math.floor(stallMs / 4))),
});

export const shouldEmitProgress = (
  last: EmittedProgress | undefined,
  percent: number,
  nowMs: number,
  policy: ProgressThrottlePolicy,
): boolean => {
  if (!last) return true;
  const elapsed = nowMs - last.atMs;
  if (elapsed >= policy.heartbeatMs) return true;
  return elapsed >= policy.minIntervalMs && percent - last.percent >= policy.minStepPercent;
};
