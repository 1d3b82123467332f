// Repetitions, interleaved: every round runs each variant once, the order rotating by one each round,
// so drift in the machine's load hits all alike. Between two uploads (untimed) the bench waits for the
// job just created to get past its probe, so no transcoding work overlaps the next timed window.
import type { UploadSample, UploadVariant } from './variant';
import { measureCliStart, measureNodeStart } from './cli-upload';
import type { SourceFile } from './source-file';

export interface VariantSamples {
  readonly variant: UploadVariant;
  /** One per round, in round order. */
  readonly samples: UploadSample[];
  /** How the jobs left their probe: status → count. */
  readonly jobOutcomes: Map<string, number>;
}

export interface RoundsResult {
  readonly byVariant: VariantSamples[];
  /** Per round, when the CLI runs: its bin's start alone (`upload --help`). */
  readonly cliStartSeconds: number[];
  /** Per round, when the CLI runs: a bare `node -e 0`, the start any new process pays. */
  readonly nodeStartSeconds: number[];
}

interface RoundsSetup {
  readonly variants: readonly UploadVariant[];
  readonly source: SourceFile;
  readonly reps: number;
  readonly timeoutMs: number;
  readonly progress: (line: string) => void;
}

const rotated = <T>(items: readonly T[], by: number): T[] =>
  items.map((_, i) => items[(i + by) % items.length]!);

const uploadAndSettle = async (variant: UploadVariant, timeoutMs: number) => {
  const sample = await variant.upload();
  const outcome = await variant.deployment.waitPastProbe(sample.jobId, timeoutMs);
  return { sample, outcome };
};

export const runRounds = async (setup: RoundsSetup): Promise<RoundsResult> => {
  const { variants, reps, timeoutMs, progress } = setup;
  const withCli = variants.some((v) => v.name === 'cli-multipart');
  progress(`warm-up round (untimed): ${variants.map((v) => v.name).join(', ')}`);
  for (const variant of variants) await uploadAndSettle(variant, timeoutMs);
  if (withCli) await measureCliStart();

  const byVariant = variants.map((variant) => ({
    variant,
    samples: [] as UploadSample[],
    jobOutcomes: new Map<string, number>(),
  }));
  const cliStartSeconds: number[] = [];
  const nodeStartSeconds: number[] = [];
  for (let round = 0; round < reps; round++) {
    const order = rotated(byVariant, round);
    const line: string[] = [];
    for (const entry of order) {
      const { sample, outcome } = await uploadAndSettle(entry.variant, timeoutMs);
      entry.samples.push(sample);
      entry.jobOutcomes.set(outcome, (entry.jobOutcomes.get(outcome) ?? 0) + 1);
      line.push(`${entry.variant.name} ${sample.seconds.toFixed(2)} s`);
    }
    if (withCli) {
      cliStartSeconds.push(await measureCliStart());
      nodeStartSeconds.push(await measureNodeStart());
    }
    progress(`round ${round + 1}/${reps}: ${line.join(', ')}`);
  }
  return { byVariant, cliStartSeconds, nodeStartSeconds };
};
