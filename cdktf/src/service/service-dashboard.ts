// One CloudWatch dashboard per service: its alarms, its inbox and DLQ, its table, its tasks, its
// API on the load balancer, and its own signal (job outcomes, runner errors).
import { CloudwatchDashboard } from '@cdktf/provider-aws/lib/cloudwatch-dashboard';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { ServiceName } from '@mediaflow/contracts';
import { resourceNames } from '@mediaflow/topology';
import { Construct } from 'constructs';
import { serviceInfraNames } from '../naming/infra-names';
import { JOB_METRICS, RUNNER_ERRORS_METRIC, metricNamespace } from './log-metrics';

interface ServiceDashboardProps {
  readonly service: ServiceName;
  readonly env: string;
  readonly region: string;
  readonly alarms: readonly CloudwatchMetricAlarm[];
  readonly clusterName: string;
  readonly ecsServices: readonly string[];
  /** Load balancer and target group ARN suffixes, when the service has an API. */
  readonly api?: { readonly loadBalancer: string; readonly targetGroup: string };
  readonly jobOutcomes?: boolean;
  readonly runnerErrors?: boolean;
}

type Metric = (string | Record<string, string>)[];

export class ServiceDashboard extends Construct {
  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    const { region, env } = props;
    const q = resourceNames(props.service, env);
    const graph = (title: string, metrics: Metric[], stat = 'Sum') => ({
      type: 'metric',
      width: 12,
      height: 6,
      properties: { title, region, stat, period: 60, view: 'timeSeries', metrics },
    });
    const sqs = (metric: string, queue: string): Metric => ['AWS/SQS', metric, 'QueueName', queue];
    const widgets: object[] = [
      { type: 'alarm', width: 24, height: 3, properties: { title: 'Alarms', alarms: props.alarms.map((a) => a.arn) } },
      graph('Inbox depth and dead letters', [sqs('ApproximateNumberOfMessagesVisible', q.queue), sqs('ApproximateNumberOfMessagesVisible', q.deadLetterQueue)], 'Maximum'),
      graph('Oldest inbox message (s)', [sqs('ApproximateAgeOfOldestMessage', q.queue)], 'Maximum'),
      graph('Event store', [
        ['AWS/DynamoDB', 'ConsumedWriteCapacityUnits', 'TableName', q.table],
        ['AWS/DynamoDB', 'ConsumedReadCapacityUnits', 'TableName', q.table],
        ['AWS/DynamoDB', 'ConditionalCheckFailedRequests', 'TableName', q.table],
      ]),
      graph(
        'Tasks CPU and memory (%)',
        props.ecsServices.flatMap((name): Metric[] => [
          ['AWS/ECS', 'CPUUtilization', 'ClusterName', props.clusterName, 'ServiceName', name],
          ['AWS/ECS', 'MemoryUtilization', 'ClusterName', props.clusterName, 'ServiceName', name],
        ]),
        'Average',
      ),
    ];
    if (props.api) {
      const alb = (metric: string): Metric => ['AWS/ApplicationELB', metric, 'LoadBalancer', props.api!.loadBalancer, 'TargetGroup', props.api!.targetGroup];
      widgets.push(graph('API requests and 5xx', [alb('RequestCount'), alb('HTTPCode_Target_5XX_Count')]));
      widgets.push(graph('API latency p95 (s)', [alb('TargetResponseTime')], 'p95'));
    }
    const namespace = metricNamespace(env);
    if (props.jobOutcomes) widgets.push(graph('Jobs ended', Object.values(JOB_METRICS).map((m) => [namespace, m])));
    if (props.runnerErrors) widgets.push(graph('Runner errors', [[namespace, RUNNER_ERRORS_METRIC]]));
    new CloudwatchDashboard(this, 'dashboard', {
      dashboardName: serviceInfraNames(props.service, env).dashboard,
      dashboardBody: JSON.stringify({ widgets }),
    });
  }
}
