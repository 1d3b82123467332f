// Metrics cut from the services' JSON logs by metric filters, so no service needs a metrics client
// or cloudwatch:PutMetricData. Namespace `mediaflow/<env>`: a filter cannot add a constant
// dimension, and two environments in one account must not add up.
//   jobs worker:       one line per job reaching an end state: {"jobOutcome":"JobCompleted"|"JobFailed", ...}
//   processing runner: every line at level ERROR (powertools' `"level":"ERROR"`)
import { CloudwatchLogMetricFilter } from '@cdktf/provider-aws/lib/cloudwatch-log-metric-filter';
import type { ServiceName } from '@mediaflow/contracts';
import type { Construct } from 'constructs';
import { serviceInfraNames } from '../naming/infra-names';

export const metricNamespace = (env: string): string => `mediaflow/${env}`;

export const JOB_METRICS = { completed: 'JobCompleted', failed: 'JobFailed' } as const;
export const RUNNER_ERRORS_METRIC = 'RunnerErrors';

interface LineCount {
  readonly service: ServiceName;
  readonly env: string;
  readonly logGroupName: string;
  readonly pattern: string;
  readonly metric: string;
}

const countLines = (scope: Construct, id: string, props: LineCount) =>
  new CloudwatchLogMetricFilter(scope, id, {
    name: serviceInfraNames(props.service, props.env).metricFilter(props.metric),
    logGroupName: props.logGroupName,
    pattern: props.pattern,
    metricTransformation: { name: props.metric, namespace: metricNamespace(props.env), value: '1', unit: 'Count' },
  });

export const jobOutcomeMetrics = (scope: Construct, env: string, logGroupName: string): void => {
  for (const metric of Object.values(JOB_METRICS)) {
    countLines(scope, `${metric}-filter`, { service: 'jobs', env, logGroupName, metric, pattern: `{ $.jobOutcome = "${metric}" }` });
  }
};

export const runnerErrorMetric = (scope: Construct, env: string, logGroupName: string): void => {
  const pattern = '{ $.level = "ERROR" }';
  countLines(scope, 'runner-errors-filter', { service: 'processing', env, logGroupName, metric: RUNNER_ERRORS_METRIC, pattern });
};
