// Which RunReporter the runner uses: IPC when a parent forked it (the embedded pool, tests), the
// event store when it runs as an ECS task in AWS mode, logs only when started by hand.
import type { AwsClientSettings, DeploymentMode } from '@mediaflow/config';
import type { Logger } from '@mediaflow/logging';
import { IpcRunReporter } from '../adapters/local/ipc-run-reporter';
import type { JobSpec } from '../application/job-spec';
import type { RunReporter } from '../ports/run-reporter';
import { loadRunnerAwsIo } from './runner-storage';

export interface ReporterChoice {
  readonly mode: DeploymentMode;
  readonly env: string;
  /** AWS mode: the event store's client settings, and the stall time its progress throttle keeps under. */
  readonly aws: AwsClientSettings;
  readonly stallSeconds: number;
  readonly spec: JobSpec;
  readonly logger: Logger;
  readonly onAttemptEnded: () => void;
}

export const runReporterFor = (choice: ReporterChoice): RunReporter => {
  if (process.send || choice.mode !== 'aws') return new IpcRunReporter(choice.logger);
  return loadRunnerAwsIo().eventStoreRunReporter(choice);
};
