// Thrown before any replay starts when the window cannot be replayed: start not before end, or an
// end in the future (EventBridge refuses it too; embedded it would replay events not yet published).
export class ReplayWindowInvalid extends Error {
  static readonly code = 'REPLAY_WINDOW_INVALID';
  readonly code = ReplayWindowInvalid.code;
  override readonly name = 'ReplayWindowInvalid';

  constructor(
    readonly from: string,
    readonly to: string,
    readonly reason: string,
  ) {
    super(`cannot replay ${from} .. ${to}: ${reason}`);
  }
}

export interface ReplayWindow {
  /** Inclusive start: events published at or after it. */
  readonly from: Date;
  /** Exclusive end: events published before it. */
  readonly to: Date;
}

export const checkReplayWindow = (w: ReplayWindow, now: Date): void => {
  const iso = (d: Date) => (Number.isNaN(d.getTime()) ? 'an invalid time' : d.toISOString());
  const [from, to] = [iso(w.from), iso(w.to)];
  if (Number.isNaN(w.from.getTime()) || Number.isNaN(w.to.getTime()))
    throw new ReplayWindowInvalid(from, to, 'both ends must be ISO 8601 times');
  if (w.from.getTime() >= w.to.getTime()) throw new ReplayWindowInvalid(from, to, 'the start must be before the end');
  if (w.to.getTime() > now.getTime()) throw new ReplayWindowInvalid(from, to, 'the end is in the future');
};
