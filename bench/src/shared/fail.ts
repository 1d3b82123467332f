// How a bench script ends on an error: one readable message on stderr (a bad env knob as zod's
// pretty summary), exit code 1.
import { z } from 'zod';

export const failBench =
  (bench: string) =>
  (error: unknown): void => {
    const text =
      error instanceof z.ZodError
        ? `bad settings:\n${z.prettifyError(error)}`
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`${bench} failed: ${text}\n`);
    process.exitCode = 1;
  };
