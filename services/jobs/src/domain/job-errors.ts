// Why the Job aggregate refuses a command. Stable codes: the HTTP layer maps them to problem+json.

/** No such job, or not one the caller owns: both answer the same so ids cannot be probed. */
export class JobNotFound extends Error {
  readonly code = 'JOB_NOT_FOUND';
  override readonly name = 'JobNotFound';
  constructor(readonly jobId: string) {
    super(`job ${jobId} not found`);
  }
}

/** The job completed, failed or was rejected: there is nothing left to cancel. */
export class JobAlreadyFinished extends Error {
  readonly code = 'JOB_ALREADY_FINISHED';
  override readonly name = 'JobAlreadyFinished';
  constructor(
    readonly jobId: string,
    readonly status: string,
  ) {
    super(`job ${jobId} already finished (${status})`);
  }
}

/** Only a failed job can be retried; any other status (a retry already under way too) is a conflict. */
export class JobNotRetryable extends Error {
  readonly code = 'JOB_NOT_RETRYABLE';
  override readonly name = 'JobNotRetryable';
  constructor(
    readonly jobId: string,
    readonly status: string,
    why = 'only a failed job can be retried',
  ) {
    super(`job ${jobId} is ${status}: ${why}`);
  }
}

export const isJobNotFound = (error: unknown): error is JobNotFound => error instanceof JobNotFound;
export const isJobAlreadyFinished = (error: unknown): error is JobAlreadyFinished => error instanceof JobAlreadyFinished;
