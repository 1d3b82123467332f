// What every upload variant offers the rounds: one timed upload of the source file, ending when the
// client holds the job id, with where its time went.
import type { BenchDeployment } from './deployment';
import type { VariantName } from './settings';

export interface UploadSample {
  readonly seconds: number;
  readonly jobId: string;
  /** Consecutive phases of the timed window, in order (seconds); they add up to `seconds`. */
  readonly phases: ReadonlyArray<readonly [name: string, seconds: number]>;
}

export interface UploadVariant {
  readonly name: VariantName;
  readonly deployment: BenchDeployment;
  /** One line: the client and what it sends. */
  readonly how: string;
  upload(): Promise<UploadSample>;
  dispose(): Promise<void>;
}

/** Phases from marks taken along the window: [start, [name, end], [name, end], …]. */
export const phasesBetween = (
  startMs: number,
  marks: ReadonlyArray<readonly [string, number]>,
): Array<readonly [string, number]> => {
  let from = startMs;
  return marks.map(([name, at]) => {
    const phase = [name, (at - from) / 1000] as const;
    from = at;
    return phase;
  });
};
