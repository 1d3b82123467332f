// Which RunReporter the runner uses: IPC when a parent forked it (the embedded pool, tests), the
// event store when it runs as an ECS task in AWS mode, logs only when started by hand.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClientSettings, type DeploymentMode } from '@mediaflow/config';
import { DynamoDbEventStore } from '@mediaflow/event-store';
import type { Logger } from '@mediaflow/logging';
import { randomIds, systemClock } from '@mediaflow/service-kit';
import { resourceNames } from '@mediaflow/topology';
import { EventStoreRunReporter } from '../adapters/aws/event-store-run-reporter';
import { IpcRunReporter } from '../adapters/local/ipc-run-reporter';
import type { JobSpec } from '../application/job-spec';
import { defaultProgressThrottle } from '../domain/progress-throttle';
import type { RunReporter } from '../ports/run-reporter';
import { stallSecondsFrom } from './processing-config';

export interface ReporterChoice {
  readonly mode: DeploymentMode;
  readonly env: string;
  readonly spec: JobSpec;
  readonly logger: Logger;
  readonly onAttemptEnded: () => void;
}

export const runReporterFor = (choice: ReporterChoice): RunReporter => {
  if (process.send || choice.mode !== 'aws') return new IpcRunReporter(choice.logger);
  const store = new DynamoDbEventStore({
    client: new DynamoDBClient(awsClientSettings()),
    tableName: resourceNames('processing', choice.env).table,
  });
  return new EventStoreRunReporter({
    store,
    clock: systemClock,
    ids: randomIds,
    logger: choice.logger,
    spec: choice.spec,
    throttle: defaultProgressThrottle(stallSecondsFrom(process.env) * 1000),
    onAttemptEnded: choice.onAttemptEnded,
  });
};
