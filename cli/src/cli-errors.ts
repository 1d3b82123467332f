// The ways a command ends badly, each with its exit code: main prints the message and exits with it.
// 2 is a usage mistake (the command line itself), 1 everything else.

export class CliError extends Error {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The command line is wrong: main prints the message and the usage of the command. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message, 2);
  }
}

/** The API answered with a problem+json (or another error status). */
export class ApiProblem extends CliError {
  override readonly name = 'ApiProblem';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** More lines under the first: validation issues, the correlation id of a server error. */
    readonly extra: readonly string[] = [],
  ) {
    super([`error ${code}: ${detail}`, ...extra].join('\n'));
  }
}

/** Nothing answered at the API URL (refused, unknown host, reset before an answer). */
export class ApiUnreachable extends CliError {
  override readonly name = 'ApiUnreachable';
  constructor(url: string, reason: string) {
    super(`cannot reach the mediaflow API at ${url} (${reason}): is the server running? (npm start, or set --api-url / MEDIAFLOW_API_URL)`);
  }
}
