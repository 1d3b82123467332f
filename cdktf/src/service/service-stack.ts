// One service's stack: its event-store and read-model tables, inbox and DLQ, subscription rules,
// compute, alarms and dashboard. It reads the foundation through SSM parameters only, so it deploys
// on its own.
import type { Construct } from 'constructs';
import { MediaflowStack } from '../mediaflow-stack';
import type { ServiceProfile } from '../service-profiles';
import type { InfraSettings } from '../settings';
import { EventStoreTable } from './event-store-table';
import { FoundationInputs } from './foundation-inputs';
import { InboxQueues } from './inbox-queues';
import { jobOutcomeMetrics, runnerErrorMetric } from './log-metrics';
import { ReadModelTable } from './read-model-table';
import { ServiceAlarms } from './service-alarms';
import { ServiceCompute } from './service-compute';
import { ServiceDashboard } from './service-dashboard';
import { SubscriptionRules } from './subscription-rules';

export class ServiceStack extends MediaflowStack {
  constructor(scope: Construct, profile: ServiceProfile, settings: InfraSettings) {
    const { declaration } = profile;
    const { service } = declaration;
    super(scope, service, settings);
    const { env } = settings;
    const foundation = new FoundationInputs(this, 'foundation', env);
    const kmsKeyArn = foundation.value('kmsKeyArn');

    const { table } = new EventStoreTable(this, 'event-store', { service, env, kmsKeyArn });
    const readModel = new ReadModelTable(this, 'read-model', { service, env, kmsKeyArn }).table;
    const { inbox, deadLetterQueue } = new InboxQueues(this, 'queues', { declaration, env, kmsKeyArn });
    new SubscriptionRules(this, 'subscriptions', { declaration, env, busName: foundation.value('busName'), inbox, deadLetterQueue });

    const compute = new ServiceCompute(this, 'compute', {
      profile,
      settings,
      foundation,
      own: {
        service,
        table,
        readModel,
        inbox,
        deadLetterQueue,
        busArn: foundation.value('busArn'),
        kmsKeyArn,
        bucketArn: (bucket) => foundation.value(bucket === 'uploads' ? 'uploadsBucketArn' : 'outputsBucketArn'),
      },
    });

    // The jobs worker logs job outcomes; the processing runner is the one whose errors matter.
    const jobOutcomes = service === 'jobs' && compute.logGroups.worker !== undefined;
    const runnerErrors = compute.logGroups.runner !== undefined;
    if (jobOutcomes) jobOutcomeMetrics(this, env, compute.logGroups.worker!.name);
    if (runnerErrors) runnerErrorMetric(this, env, compute.logGroups.runner!.name);

    const { alarms } = new ServiceAlarms(this, 'alarms', {
      declaration,
      env,
      alarmTopicArn: foundation.value('alarmTopicArn'),
      jobFailureRate: jobOutcomes,
      runnerErrors,
    });
    new ServiceDashboard(this, 'dashboard', {
      service,
      env,
      region: settings.region,
      alarms,
      clusterName: foundation.value('clusterName'),
      ecsServices: Object.values(compute.services).map((s) => s.name),
      ...(compute.targetGroup
        ? { api: { loadBalancer: foundation.value('loadBalancerArnSuffix'), targetGroup: compute.targetGroup.arnSuffix } }
        : {}),
      jobOutcomes,
      runnerErrors,
    });
  }
}
