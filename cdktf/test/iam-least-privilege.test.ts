// Each service's roles may touch only that service's tables, queues and log groups, the shared bus
// and key, its own bucket prefixes and (ingest, jobs) the URL signing secret: every Resource of every statement is checked against an
// allow-list written here, independently of the code that builds the policies. With a warm floor,
// processing's list grows by the runner-jobs queue and the warm runners' service, and nothing else.
import { SERVICES, type ServiceName } from '@mediaflow/contracts';
import { resourceNames } from '@mediaflow/topology';
import { describeReferences } from './support/references';
import { dataSources, resources, synthesizeStacks, TEST_ENV, TEST_REGION, type Block, type StackJson } from './support/synthesized-app';

interface Statement {
  effect?: string;
  actions: string[];
  resources: string[];
  condition?: { test: string; variable: string; values: string[] }[];
}

const ssm = (path: string) => `<ssm /mediaflow/${TEST_ENV}/${path}>`;

/** The key prefixes each service's roles may reach, by bucket (any role of the service). */
const bucketPrefixes: Record<ServiceName, { bucket: 'uploads' | 'outputs'; prefix: string }[]> = {
  // The /blobs redirect router presigns GETs of sources and renditions.
  ingest: [
    { bucket: 'uploads', prefix: 'uploads/' },
    { bucket: 'outputs', prefix: 'outputs/' },
  ],
  // Signs /blobs URLs with the HMAC secret alone.
  jobs: [],
  processing: [
    { bucket: 'uploads', prefix: 'uploads/' },
    { bucket: 'outputs', prefix: 'outputs/' },
  ],
  notifications: [],
};

const allowList = (service: ServiceName, warmFloor = false): Set<string> => {
  const n = resourceNames(service, TEST_ENV);
  const prefix = `mediaflow-${TEST_ENV}-${service}`;
  const allowed = [
    `<aws_dynamodb_table ${n.table}>.arn`,
    `<aws_dynamodb_table ${n.table}>.arn/index/*`,
    `<aws_dynamodb_table ${n.table}>.stream_arn`,
    `<aws_dynamodb_table ${n.readModel}>.arn`,
    `<aws_dynamodb_table ${n.readModel}>.arn/index/*`,
    `<aws_sqs_queue ${n.queue}>.arn`,
    `<aws_sqs_queue ${n.deadLetterQueue}>.arn`,
    ssm('bus/arn'),
    ssm('kms/key-arn'),
    ssm('ecr/services/arn'),
    ssm('ecr/runner/arn'),
    ...['api', 'worker', 'runner'].map((kind) => `<aws_cloudwatch_log_group /ecs/${prefix}/${kind}>.arn:*`),
    ...bucketPrefixes[service].map(({ bucket, prefix }) => `${ssm(`buckets/${bucket}/arn`)}/${prefix}*`),
  ];
  if (service === 'ingest' || service === 'jobs') allowed.push(ssm('secrets/url-signing/arn'));
  if (service === 'processing') {
    allowed.push(
      `<aws_ecs_task_definition ${prefix}-runner>.arn_without_revision:*`,
      `<aws_iam_role ${prefix}-runner-task>.arn`,
      `<aws_iam_role ${prefix}-execution>.arn`,
      `arn:<partition>:ecs:${TEST_REGION}:<account>:task/${ssm('ecs/cluster-name')}/*`,
    );
    if (warmFloor) allowed.push(`<aws_sqs_queue ${prefix}-runner-jobs>.arn`, `<aws_ecs_service ${prefix}-warm-runner>.id`);
  }
  return new Set(allowed);
};

/** Actions AWS cannot scope to a resource: the only ones allowed on "*". */
const UNSCOPABLE = new Set(['ecr:GetAuthorizationToken']);

/** The statements of every role policy of the stack, or of the role named `role` only. */
const policyStatements = (stack: StackJson, role?: string): Statement[] => {
  const documents = new Map(dataSources(stack, 'aws_iam_policy_document').map((d) => [d.logicalId, d]));
  return resources(stack, 'aws_iam_role_policy').filter((p) => !role || p.name === role).flatMap((policy) => {
    const id = /^\$\{data\.aws_iam_policy_document\.([^.]+)\.json\}$/.exec(String(policy.policy))?.[1];
    const document = id ? documents.get(id) : undefined;
    if (!document) throw new Error(`role policy ${policy.logicalId} is not built from a policy document`);
    return document.statement as Statement[];
  });
};

/** A whole bucket is allowed for ListBucket alone, and only with an s3:prefix condition on an own prefix. */
const isOwnListing = (s: Statement, resource: string, service: ServiceName): boolean => {
  const own = bucketPrefixes[service].filter(({ bucket }) => resource === ssm(`buckets/${bucket}/arn`));
  const prefixes = (s.condition ?? []).filter((c) => c.variable === 's3:prefix').flatMap((c) => c.values);
  return (
    own.length > 0 &&
    s.actions.every((a) => a === 's3:ListBucket') &&
    prefixes.length > 0 &&
    prefixes.every((p) => own.some(({ prefix }) => p === `${prefix}*`))
  );
};

/** The resources of `stack`'s role policies that are not on `service`'s allow-list. */
const outsideAllowList = (stack: StackJson, service: ServiceName, warmFloor = false): string[] => {
  const allowed = allowList(service, warmFloor);
  const isAllowed = (s: Statement, r: string): boolean =>
    r === '*' ? s.actions.every((a) => UNSCOPABLE.has(a)) : allowed.has(r) || isOwnListing(s, r, service);
  return policyStatements(stack).flatMap((s) => s.resources.map((r) => describeReferences(stack, r)).filter((r) => !isAllowed(s, r)));
};

/** A statement with its references named, for exact comparisons. */
const readable = (stack: StackJson) => (s: Statement) => ({
  actions: [...s.actions].sort(),
  resources: s.resources.map((r) => describeReferences(stack, r)),
  condition: s.condition?.map((c) => ({ ...c, values: c.values.map((v) => describeReferences(stack, v)) })),
});

describe('least-privilege IAM of the service stacks', () => {
  let stacks: Record<string, StackJson>;
  let warm: StackJson;
  beforeAll(() => {
    stacks = synthesizeStacks();
    warm = synthesizeStacks({ MEDIAFLOW_RUNNER_WARM_FLOOR: '8' }, ['processing']).processing!;
  });

  it.each(SERVICES)('%s: every Resource of its role policies is on its allow-list', (service) => {
    expect(policyStatements(stacks[service]!).length).toBeGreaterThan(0);
    expect(outsideAllowList(stacks[service]!, service)).toEqual([]);
  });

  it('the allow-list check has teeth: processing policies break the jobs allow-list', () => {
    expect(outsideAllowList(stacks.processing!, 'jobs').length).toBeGreaterThan(0);
  });

  it.each(SERVICES)('%s: grants only Allow, attaches no managed or inline role policies besides its own', (service) => {
    const stack = stacks[service]!;
    expect(policyStatements(stack).every((s) => (s.effect ?? 'Allow') === 'Allow')).toBe(true);
    for (const type of ['aws_iam_role_policy_attachment', 'aws_iam_policy', 'aws_iam_policy_attachment']) {
      expect(resources(stack, type)).toEqual([]);
    }
    for (const role of resources(stack, 'aws_iam_role')) {
      expect(role).not.toHaveProperty('managed_policy_arns');
      expect(role).not.toHaveProperty('inline_policy');
    }
  });

  it.each(SERVICES)('%s: publishes on the bus under its own source only', (service) => {
    const publish = policyStatements(stacks[service]!).filter((s) => s.actions.includes('events:PutEvents'));
    expect(publish).toHaveLength(1);
    expect(publish[0]!.condition).toEqual([{ test: 'StringEquals', variable: 'events:source', values: [`mediaflow.${service}`] }]);
  });

  it('only processing may run the runner, and it passes only the runner roles to ECS', () => {
    for (const service of SERVICES) {
      const actions = policyStatements(stacks[service]!).flatMap((s) => s.actions);
      expect(actions.includes('ecs:RunTask')).toBe(service === 'processing');
      expect(actions.includes('iam:PassRole')).toBe(service === 'processing');
    }
    const passRole = policyStatements(stacks.processing!).find((s) => s.actions.includes('iam:PassRole')) as Statement & Block;
    expect(passRole.condition).toEqual([{ test: 'StringEquals', variable: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] }]);
  });

  it.each(SERVICES)("%s: its api and worker read and write its read model and the model's indexes, the runner does not", (service) => {
    const stack = stacks[service]!;
    const table = resourceNames(service, TEST_ENV).readModel;
    const onReadModel = (role: string) =>
      policyStatements(stack, role).filter((s) => s.resources.some((r) => describeReferences(stack, r).startsWith(`<aws_dynamodb_table ${table}>`)));
    const [statement, ...others] = onReadModel(`mediaflow-${TEST_ENV}-${service}-task`);
    expect(others).toEqual([]);
    expect(statement!.resources.map((r) => describeReferences(stack, r))).toEqual([`<aws_dynamodb_table ${table}>.arn`, `<aws_dynamodb_table ${table}>.arn/index/*`]);
    expect(statement!.actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']));
    expect(statement!.actions.filter((a) => !a.startsWith('dynamodb:'))).toEqual([]);
    if (service === 'processing') expect(onReadModel(`mediaflow-${TEST_ENV}-processing-runner-task`)).toEqual([]);
  });

  it('only the execution roles of ingest and jobs read the signing secret, and decrypt only through Secrets Manager', () => {
    for (const service of SERVICES) {
      const stack = stacks[service]!;
      const reads = policyStatements(stack).filter((s) => s.actions.some((a) => a.startsWith('secretsmanager:')));
      if (service !== 'ingest' && service !== 'jobs') {
        expect(reads).toEqual([]);
        continue;
      }
      const execution = policyStatements(stack, `mediaflow-${TEST_ENV}-${service}-execution`);
      const read = execution.find((s) => s.actions.includes('secretsmanager:GetSecretValue'))!;
      expect(reads).toEqual([read]);
      expect(read.actions).toEqual(['secretsmanager:GetSecretValue']);
      expect(read.resources.map((r) => describeReferences(stack, r))).toEqual([ssm('secrets/url-signing/arn')]);
      const decrypt = execution.find((s) => s.actions.includes('kms:Decrypt'))!;
      expect(decrypt.resources.map((r) => describeReferences(stack, r))).toEqual([ssm('kms/key-arn')]);
      expect(decrypt.condition).toEqual([{ test: 'StringEquals', variable: 'kms:ViaService', values: [`secretsmanager.${TEST_REGION}.amazonaws.com`] }]);
    }
  });

  it('lets the processing worker run, stop and watch the runner family on this cluster only, passing only the runner roles', () => {
    const stack = stacks.processing!;
    const task = policyStatements(stack, `mediaflow-${TEST_ENV}-processing-task`);
    const describe = (values: string[]) => values.map((v) => describeReferences(stack, v));
    const named = (s: Statement) => ({
      actions: s.actions,
      resources: describe(s.resources),
      condition: s.condition?.map((c) => ({ ...c, values: describe(c.values) })),
    });
    const ecs = task.filter((s) => s.actions.some((a) => a.startsWith('ecs:') || a.startsWith('iam:'))).map(named);
    const prefix = `mediaflow-${TEST_ENV}-processing`;
    expect(ecs).toEqual([
      {
        actions: ['ecs:RunTask'],
        resources: [`<aws_ecs_task_definition ${prefix}-runner>.arn_without_revision:*`],
        condition: [{ test: 'ArnEquals', variable: 'ecs:cluster', values: [ssm('ecs/cluster-arn')] }],
      },
      {
        actions: ['iam:PassRole'],
        resources: [`<aws_iam_role ${prefix}-runner-task>.arn`, `<aws_iam_role ${prefix}-execution>.arn`],
        condition: [{ test: 'StringEquals', variable: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] }],
      },
      {
        actions: ['ecs:DescribeTasks', 'ecs:StopTask', 'ecs:TagResource'],
        resources: [`arn:<partition>:ecs:${TEST_REGION}:<account>:task/${ssm('ecs/cluster-name')}/*`],
        condition: undefined,
      },
    ]);
  });

  it('lets the processing worker list and delete under the outputs prefix only (a cancel landing after outputs were stored: HLS segments are not in the manifest, so it lists), nothing else there', () => {
    const stack = stacks.processing!;
    const task = policyStatements(stack, `mediaflow-${TEST_ENV}-processing-task`);
    const onOutputs = task
      .filter((s) => s.resources.some((r) => describeReferences(stack, r).startsWith(ssm('buckets/outputs/arn'))))
      .map((s) => ({ actions: s.actions, resources: s.resources.map((r) => describeReferences(stack, r)), condition: s.condition }));
    expect(onOutputs).toEqual([
      { actions: ['s3:DeleteObject'], resources: [`${ssm('buckets/outputs/arn')}/outputs/*`], condition: undefined },
      {
        actions: ['s3:ListBucket'],
        resources: [ssm('buckets/outputs/arn')],
        condition: [{ test: 'StringLike', variable: 's3:prefix', values: ['outputs/*'] }],
      },
    ]);
  });

  it("gives the runner only its job's rights: its event store (no stream, no read model), the key, the source prefix read-only, the outputs prefix", () => {
    const stack = stacks.processing!;
    const runner = policyStatements(stack, `mediaflow-${TEST_ENV}-processing-runner-task`).map((s) => ({
      actions: [...s.actions].sort(),
      resources: s.resources.map((r) => describeReferences(stack, r)),
      condition: s.condition,
    }));
    const table = resourceNames('processing', TEST_ENV).table;
    const uploads = ssm('buckets/uploads/arn');
    const outputs = ssm('buckets/outputs/arn');
    expect(runner.map((s) => s.resources)).toEqual([
      [`<aws_dynamodb_table ${table}>.arn`, `<aws_dynamodb_table ${table}>.arn/index/*`],
      [ssm('kms/key-arn')],
      [`${uploads}/uploads/*`],
      [`${outputs}/outputs/*`],
      [outputs],
    ]);
    expect(runner.flatMap((s) => s.actions).filter((a) => !/^(dynamodb|kms|s3):/.test(a))).toEqual([]);
    expect(runner.flatMap((s) => s.actions)).not.toContain('dynamodb:GetRecords');
    expect(runner[1]!.actions).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(runner[2]!.actions).toEqual(['s3:GetObject']);
    expect(runner[4]).toEqual({ actions: ['s3:ListBucket'], resources: [outputs], condition: [{ test: 'StringLike', variable: 's3:prefix', values: ['outputs/*'] }] });
  });

  describe('with a warm floor', () => {
    const prefix = `mediaflow-${TEST_ENV}-processing`;
    const queue = `<aws_sqs_queue ${prefix}-runner-jobs>.arn`;
    const clusterTasks = `arn:<partition>:ecs:${TEST_REGION}:<account>:task/${ssm('ecs/cluster-name')}/*`;

    it('processing: every Resource of its role policies is on its allow-list grown by the queue and the warm service only', () => {
      expect(outsideAllowList(warm, 'processing', true)).toEqual([]);
      // …and the growth is needed: without it the warm floor's statements fall outside.
      expect(outsideAllowList(warm, 'processing').sort()).toEqual([queue, queue, `<aws_ecs_service ${prefix}-warm-runner>.id`].sort());
    });

    it('the worker may send to the queue and read its counts, and describe and resize the warm service; nothing more than at floor 0', () => {
      const worker = policyStatements(warm, `${prefix}-task`).map(readable(warm));
      const atFloorZero = policyStatements(stacks.processing!, `${prefix}-task`).map(readable(stacks.processing!));
      const added = worker.filter((s) => !atFloorZero.some((z) => JSON.stringify(z) === JSON.stringify(s)));
      expect(added).toEqual([
        { actions: ['sqs:GetQueueAttributes', 'sqs:SendMessage'], resources: [queue], condition: undefined },
        { actions: ['ecs:DescribeServices', 'ecs:UpdateService'], resources: [`<aws_ecs_service ${prefix}-warm-runner>.id`], condition: undefined },
      ]);
      expect(worker.length).toBe(atFloorZero.length + added.length);
    });

    it("the warm runner has the runner's rights, plus taking from its queue, its claim rows only, and its task's scale-in protection", () => {
      const runner = policyStatements(warm, `${prefix}-runner-task`).map(readable(warm));
      const warmRunner = policyStatements(warm, `${prefix}-warm-runner-task`).map(readable(warm));
      expect(warmRunner.slice(0, runner.length)).toEqual(runner);
      const readModel = resourceNames('processing', TEST_ENV).readModel;
      expect(warmRunner.slice(runner.length)).toEqual([
        { actions: ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:ReceiveMessage'], resources: [queue], condition: undefined },
        {
          actions: ['dynamodb:DeleteItem', 'dynamodb:UpdateItem'],
          resources: [`<aws_dynamodb_table ${readModel}>.arn`],
          condition: [{ test: 'ForAllValues:StringLike', variable: 'dynamodb:LeadingKeys', values: ['warm#*'] }],
        },
        { actions: ['ecs:UpdateTaskProtection'], resources: [clusterTasks], condition: undefined },
      ]);
      // The RunTask runner's role is the same as at floor 0.
      expect(runner).toEqual(policyStatements(stacks.processing!, `${prefix}-runner-task`).map(readable(stacks.processing!)));
    });

    it('only the warm runner protects tasks from scale-in, only the worker resizes services, and no role sends to the queue but the worker', () => {
      const roles = resources(warm, 'aws_iam_role_policy').map((p) => String(p.name));
      const holders = (action: string) => roles.filter((r) => policyStatements(warm, r).some((s) => s.actions.includes(action)));
      expect(holders('ecs:UpdateTaskProtection')).toEqual([`${prefix}-warm-runner-task`]);
      expect(holders('ecs:UpdateService')).toEqual([`${prefix}-task`]);
      const sendersToQueue = roles.filter((r) =>
        policyStatements(warm, r).some((s) => s.actions.includes('sqs:SendMessage') && s.resources.some((x) => describeReferences(warm, x) === queue)),
      );
      expect(sendersToQueue).toEqual([`${prefix}-task`]);
    });
  });
});
