// A service's alarms, all notifying the environment's alarm topic: a dead letter (any), an inbox
// falling behind, and per service a failure signal — the job failure rate (jobs), runner errors
// (processing).
import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmConfig } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { resourceNames, type ServiceDeclaration } from '@mediaflow/topology';
import { Construct } from 'constructs';
import { serviceInfraNames } from '../naming/infra-names';
import { JOB_METRICS, RUNNER_ERRORS_METRIC, metricNamespace } from './log-metrics';

interface ServiceAlarmsProps {
  readonly declaration: ServiceDeclaration;
  readonly env: string;
  readonly alarmTopicArn: string;
  readonly jobFailureRate?: boolean;
  readonly runnerErrors?: boolean;
}

/** Percent of ended jobs that failed, over 15 minutes, once at least this many jobs ended. */
const FAILURE_RATE_PERCENT = 20;
const FAILURE_RATE_MIN_JOBS = 5;
const RUNNER_ERRORS_PER_15_MIN = 3;

/**
 * Oldest inbox message, in seconds: a message still there after every redelivery a consumer could
 * need (visibility × attempts, twice over) means the consumer is stuck or too slow; never under 15 min.
 */
const oldestMessageThreshold = (d: ServiceDeclaration): number => Math.max(900, 2 * d.visibilityTimeoutSeconds * d.maxAttempts);

export class ServiceAlarms extends Construct {
  readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const { declaration, env } = props;
    const queues = resourceNames(declaration.service, env);
    const names = serviceInfraNames(declaration.service, env);
    const notify = { alarmActions: [props.alarmTopicArn], okActions: [props.alarmTopicArn], treatMissingData: 'notBreaching' };
    const alarm = (what: string, config: Omit<CloudwatchMetricAlarmConfig, 'alarmName'>) =>
      this.alarms.push(new CloudwatchMetricAlarm(this, what, { alarmName: names.alarm(what), ...notify, ...config }));

    alarm('dlq-not-empty', {
      alarmDescription: `${queues.deadLetterQueue} holds messages ${declaration.service} gave up on: read them, fix, redrive`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: queues.deadLetterQueue },
      statistic: 'Maximum',
      period: 60,
      evaluationPeriods: 1,
      threshold: 0,
      comparisonOperator: 'GreaterThanThreshold',
    });
    alarm('inbox-oldest-message', {
      alarmDescription: `${queues.queue} is not being drained: is the ${declaration.service} worker running?`,
      namespace: 'AWS/SQS',
      metricName: 'ApproximateAgeOfOldestMessage',
      dimensions: { QueueName: queues.queue },
      statistic: 'Maximum',
      period: 60,
      evaluationPeriods: 5,
      threshold: oldestMessageThreshold(declaration),
      comparisonOperator: 'GreaterThanThreshold',
    });
    const namespace = metricNamespace(env);
    if (props.jobFailureRate) {
      const count = (id: string, metricName: string) => ({ id, metric: { namespace, metricName, stat: 'Sum', period: 900 }, returnData: false });
      alarm('job-failure-rate', {
        alarmDescription: `more than ${FAILURE_RATE_PERCENT}% of the jobs that ended in 15 minutes failed`,
        metricQuery: [
          count('failed', JOB_METRICS.failed),
          count('completed', JOB_METRICS.completed),
          {
            id: 'rate',
            label: 'job failure rate (%)',
            expression: `IF((FILL(failed,0)+FILL(completed,0)) >= ${FAILURE_RATE_MIN_JOBS}, 100*FILL(failed,0)/(FILL(failed,0)+FILL(completed,0)), 0)`,
            returnData: true,
          },
        ],
        evaluationPeriods: 1,
        threshold: FAILURE_RATE_PERCENT,
        comparisonOperator: 'GreaterThanThreshold',
      });
    }
    if (props.runnerErrors) {
      alarm('runner-errors', {
        alarmDescription: `the ffmpeg runner logged ${RUNNER_ERRORS_PER_15_MIN} or more errors in 15 minutes`,
        namespace,
        metricName: RUNNER_ERRORS_METRIC,
        statistic: 'Sum',
        period: 900,
        evaluationPeriods: 1,
        threshold: RUNNER_ERRORS_PER_15_MIN,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  }
}
