// The jobs service's problem codes, registered with @mediaflow/http: the one place its typed errors
// get an HTTP status.
import { registerProblemCodes } from '@mediaflow/http';

const JOB_PROBLEMS = {
  JOB_NOT_FOUND: 404,
  JOB_ALREADY_FINISHED: { status: 409, title: 'Job already finished' },
  JOB_NOT_RETRYABLE: { status: 409, title: 'Job not retryable' },
  CURSOR_INVALID: { status: 400, title: 'Invalid cursor' },
} as const;

export const registerJobProblemCodes = (): void => registerProblemCodes(JOB_PROBLEMS);
