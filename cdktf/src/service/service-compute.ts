// A service's compute on ECS Fargate: its log groups, execution and task roles, security group,
// the api behind the load balancer, the worker, and (processing) the runner task definition with
// exactly the rights the worker needs to start it, and with a warm floor above 0 the warm runners in
// front of it (warm-floor.ts). What each process is told: process-settings.ts.
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import type { EcsService } from '@cdktf/provider-aws/lib/ecs-service';
import type { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { Construct } from 'constructs';
import { encryptedLogGroup } from '../log-group';
import { serviceInfraNames, type ProcessKind } from '../naming/infra-names';
import { serviceCommands, type ImageName, type ProcessCommand } from '../service-commands';
import { API_PORT, type BucketGrants, type ServiceProfile } from '../service-profiles';
import type { InfraSettings } from '../settings';
import { ApiRouting } from './api-routing';
import { executionStatements } from './execution-permissions';
import { fargateService } from './fargate-service';
import type { FoundationInputs } from './foundation-inputs';
import {
  authVariables,
  corsVariables,
  inboxRetentionVariables,
  mergeExtras,
  NO_EXTRAS,
  runnerDispatchVariables,
  secretArnOf,
  signedUrlExtras,
  stallVariable,
  type ProcessExtras,
} from './process-settings';
import { RUNNER_CONTAINER, RunnerTask } from './runner-task';
import { runnerDispatchStatements } from './runner-permissions';
import { serviceStatements, type OwnResources } from './service-permissions';
import { taskEnvironment } from './task-environment';
import { fargateTaskDefinition } from './task-definition';
import { TaskRole } from './task-role';
import { runnerSecurityGroup, taskSecurityGroup } from './task-security-group';
import { WarmFloor } from './warm-floor';

interface ServiceComputeProps {
  readonly profile: ServiceProfile;
  readonly settings: InfraSettings;
  readonly foundation: FoundationInputs;
  readonly own: OwnResources;
}

/** Kinds that log into another kind's group: the warm runner is the runner, fed by a queue. */
const SHARED_LOG_GROUP: Partial<Record<ProcessKind, ProcessKind>> = { 'warm-runner': 'runner' };

export class ServiceCompute extends Construct {
  readonly logGroups: Partial<Record<ProcessKind, CloudwatchLogGroup>> = {};
  readonly services: Partial<Record<'api' | 'worker' | 'warm-runner', EcsService>> = {};
  readonly targetGroup?: LbTargetGroup;

  constructor(scope: Construct, id: string, props: ServiceComputeProps) {
    super(scope, id);
    const { profile, settings, foundation, own } = props;
    const { env, region } = settings;
    const service = profile.declaration.service;
    const commands = serviceCommands[service];
    const names = serviceInfraNames(service, env);
    const accountId = new DataAwsCallerIdentity(this, 'account').accountId;
    const partition = new DataAwsPartition(this, 'partition').partition;

    // The warm runner exists only with a floor above 0.
    const kinds = (Object.keys(commands) as ProcessKind[]).filter((k) => k !== 'warm-runner' || settings.warmFloor.floor > 0).sort();
    for (const kind of kinds.filter((k) => !SHARED_LOG_GROUP[k])) {
      this.logGroups[kind] = encryptedLogGroup(this, `${kind}-logs`, { name: names.logGroup(kind), kmsKeyArn: own.kmsKeyArn });
    }
    const images = [...new Set(kinds.map((k) => commands[k]!.image))].sort();
    const repositoryArn = (image: ImageName) => foundation.value(image === 'services' ? 'servicesRepositoryArn' : 'runnerRepositoryArn');
    const imageOf = (c: ProcessCommand) =>
      `${foundation.value(c.image === 'services' ? 'servicesRepositoryUrl' : 'runnerRepositoryUrl')}:${settings.imageTag}`;
    const signed = profile.signedUrls
      ? signedUrlExtras(settings, foundation.value('loadBalancerDnsName'), foundation.value('urlSigningSecretArn'))
      : NO_EXTRAS;
    const injected = { secretArns: [...new Set(signed.secrets.map((s) => secretArnOf(s.valueFrom)))], kmsKeyArn: own.kmsKeyArn, region };
    const executionRole = new TaskRole(this, 'execution', {
      name: names.executionRole,
      accountId,
      statements: executionStatements(images.map(repositoryArn), Object.values(this.logGroups).map((g) => g.arn), injected),
    }).role;

    const subnetIds = foundation.list('privateSubnetIds');
    const clusterArn = foundation.value('clusterArn');
    const securityGroup = taskSecurityGroup(this, 'tasks', {
      name: names.taskSecurityGroup,
      vpcId: foundation.value('vpcId'),
      ...(commands.api ? { api: { loadBalancerSecurityGroupId: foundation.value('loadBalancerSecurityGroupId'), port: API_PORT } } : {}),
    });
    const environment = (grants: BucketGrants, port?: number, extra?: Record<string, string>) =>
      taskEnvironment({
        service,
        env,
        region,
        grants,
        bucketName: (b) => foundation.value(b === 'uploads' ? 'uploadsBucketName' : 'outputsBucketName'),
        ...(port ? { port } : {}),
        extra: { ...inboxRetentionVariables(settings.archiveRetentionDays), ...extra },
      });

    let dispatch: DataAwsIamPolicyDocumentStatement[] = [];
    let dispatchSettings: Record<string, string> = {};
    if (commands.runner) {
      const grants = profile.runnerBuckets ?? {};
      const runnerEnvironment = environment(grants, undefined, stallVariable(settings.runnerStallSeconds));
      const runner = new RunnerTask(this, 'runner', {
        own,
        grants,
        command: commands.runner,
        image: imageOf(commands.runner),
        size: settings.runner,
        environment: runnerEnvironment,
        names: { family: names.taskFamily('runner'), taskRole: names.runnerTaskRole, logGroup: names.logGroup('runner') },
        executionRoleArn: executionRole.arn,
        accountId,
        region,
      });
      const clusterTasksArn = `arn:${partition}:ecs:${region}:${accountId}:task/${foundation.value('clusterName')}/*`;
      const runnerGroup = runnerSecurityGroup(this, 'runner-tasks', {
        name: names.runnerSecurityGroup,
        vpcId: foundation.value('vpcId'),
        region,
        endpointsSecurityGroupId: foundation.value('endpointsSecurityGroupId'),
      });
      dispatch = runnerDispatchStatements({
        taskDefinitionFamilyArn: runner.taskDefinition.arnWithoutRevision,
        passedRoleArns: [runner.role.arn, executionRole.arn],
        clusterArn,
        clusterTasksArn,
      });
      dispatchSettings = runnerDispatchVariables({
        clusterArn,
        taskDefinitionArn: runner.taskDefinition.arn,
        containerName: RUNNER_CONTAINER,
        subnetIds: foundation.value('privateSubnetIds'),
        securityGroupId: runnerGroup.id,
        stallSeconds: settings.runnerStallSeconds,
      });
      const warmCommand = commands['warm-runner'];
      if (warmCommand && settings.warmFloor.floor > 0) {
        const floor = new WarmFloor(this, 'warm-floor', {
          settings: settings.warmFloor,
          env,
          region,
          own,
          grants,
          command: warmCommand,
          image: imageOf(warmCommand),
          size: settings.runner,
          environment: runnerEnvironment,
          executionRoleArn: executionRole.arn,
          accountId,
          cluster: { arn: clusterArn, name: foundation.value('clusterName'), tasksArn: clusterTasksArn },
          subnetIds,
          runnerSecurityGroupId: runnerGroup.id,
          alarmTopicArn: foundation.value('alarmTopicArn'),
        });
        this.services['warm-runner'] = floor.service;
        dispatch = [...dispatch, ...floor.workerStatements];
        dispatchSettings = { ...dispatchSettings, ...floor.workerVariables };
      }
    }
    const taskRole = new TaskRole(this, 'task', {
      name: names.taskRole,
      accountId,
      statements: [...serviceStatements(own, profile.buckets), ...dispatch],
    }).role;

    const processTask = (kind: 'api' | 'worker', command: ProcessCommand, extras: ProcessExtras, port?: number) => {
      const size = profile.sizes[kind] ?? profile.sizes.worker;
      return fargateTaskDefinition(this, `${kind}-task`, {
        family: names.taskFamily(kind),
        containerName: kind,
        image: imageOf(command),
        command,
        cpu: size.cpu,
        memoryMiB: size.memoryMiB,
        environment: environment(profile.buckets, port, extras.environment),
        secrets: extras.secrets,
        ...(port ? { port } : {}),
        executionRoleArn: executionRole.arn,
        taskRoleArn: taskRole.arn,
        logGroupName: names.logGroup(kind),
        region,
      });
    };
    const common = { clusterArn, subnetIds, securityGroupIds: [securityGroup.id], desiredCount: 1 };

    if (commands.api && profile.api) {
      const routing = new ApiRouting(this, 'routing', {
        service,
        targetGroupName: names.targetGroup,
        vpcId: foundation.value('vpcId'),
        listenerArn: foundation.value('listenerArn'),
        pathPatterns: profile.api.pathPatterns,
        priority: profile.api.priority,
        ...(profile.api.documentPaths ? { documentPaths: profile.api.documentPaths } : {}),
      });
      this.targetGroup = routing.targetGroup;
      const apiExtras = { environment: { ...authVariables(settings.auth), ...corsVariables(settings.corsAllowedOrigins) }, secrets: [] };
      this.services.api = fargateService(this, 'api', {
        ...common,
        name: names.ecsService('api'),
        taskDefinition: processTask('api', commands.api, mergeExtras(signed, apiExtras), API_PORT),
        loadBalancer: { targetGroupArn: routing.targetGroup.arn, containerName: 'api', containerPort: API_PORT },
        dependsOn: [routing.rule],
      });
    }
    if (commands.worker) {
      this.services.worker = fargateService(this, 'worker', {
        ...common,
        name: names.ecsService('worker'),
        taskDefinition: processTask('worker', commands.worker, mergeExtras(signed, { environment: dispatchSettings, secrets: [] })),
      });
    }
  }
}
