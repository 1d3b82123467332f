// The ffmpeg runner parses untrusted media, so its task is contained: no internet (egress only over
// HTTPS to S3's and DynamoDB's prefix lists and to the VPC's interface endpoints), nothing in, a
// read-only root filesystem with the scratch disk as the one writable place, and a fixed non-root
// user. The warm runner (a warm floor above 0) runs the same untrusted parsing and is contained the
// same way. Their roles' rights are checked in iam-least-privilege.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { containersOf } from './support/containers';
import { describeReferences, referencedResource } from './support/references';
import { dataSources, only, resources, synthesizeStacks, TEST_ENV, TEST_REGION, type Block, type StackJson } from './support/synthesized-app';

const prefix = `mediaflow-${TEST_ENV}-processing`;

describe('the runner task is contained', () => {
  let processing: StackJson;
  let foundation: StackJson;
  let runnerGroup: Block & { logicalId: string };
  let warmFloor: StackJson;
  beforeAll(() => {
    ({ processing, foundation } = synthesizeStacks({}, ['processing', 'foundation']) as Record<'processing' | 'foundation', StackJson>);
    warmFloor = synthesizeStacks({ MEDIAFLOW_RUNNER_WARM_FLOOR: '4' }, ['processing']).processing!;
    runnerGroup = only(resources(processing, 'aws_security_group').filter((g) => g.name === `${prefix}-runner-tasks`), 'runner security group');
  });

  const rulesOf = (type: string, group: Block & { logicalId: string }, stack: StackJson) =>
    resources(stack, type).filter((r) => referencedResource(stack, r.security_group_id) === stack.resource!.aws_security_group![group.logicalId]);

  it('the worker starts runners in their own security group, not the api/worker one', () => {
    const worker = only(containersOf(processing, `${prefix}-worker`), 'worker container');
    const groups = worker.environment.find((e) => e.name === 'MEDIAFLOW_RUNNER_SECURITY_GROUPS')!.value;
    expect(referencedResource(processing, groups)).toBe(processing.resource!.aws_security_group![runnerGroup.logicalId]);
  });

  it('the warm runners run in the same group, and only there', () => {
    const group = only(resources(warmFloor, 'aws_security_group').filter((g) => g.name === `${prefix}-runner-tasks`), 'runner security group');
    const service = only(resources(warmFloor, 'aws_ecs_service').filter((s) => s.name === `${prefix}-warm-runner`), 'warm runner service');
    const groups = (service.network_configuration as { security_groups: string[] }).security_groups;
    expect(groups.map((g) => referencedResource(warmFloor, g))).toEqual([warmFloor.resource!.aws_security_group![group.logicalId]]);
  });

  it('lets nothing in', () => {
    expect(rulesOf('aws_vpc_security_group_ingress_rule', runnerGroup, processing)).toEqual([]);
    expect(runnerGroup).not.toHaveProperty('ingress');
  });

  it('lets out only HTTPS to the S3 and DynamoDB prefix lists and to the interface endpoints group', () => {
    expect(runnerGroup).not.toHaveProperty('egress'); // no inline rule beside the rule resources
    const egress = rulesOf('aws_vpc_security_group_egress_rule', runnerGroup, processing);
    for (const rule of egress) {
      expect(rule).toMatchObject({ ip_protocol: 'tcp', from_port: 443, to_port: 443 });
      expect(rule).not.toHaveProperty('cidr_ipv4');
      expect(rule).not.toHaveProperty('cidr_ipv6');
    }
    const prefixLists = Object.fromEntries(dataSources(processing, 'aws_prefix_list').map((d) => [d.logicalId, d.name]));
    const destinations = egress.map((r) =>
      r.prefix_list_id
        ? `prefix list ${prefixLists[/^\$\{data\.aws_prefix_list\.([^.]+)\.id\}$/.exec(String(r.prefix_list_id))![1]!]}`
        : describeReferences(processing, String(r.referenced_security_group_id)),
    );
    expect(destinations.sort()).toEqual([
      `<ssm /mediaflow/${TEST_ENV}/network/endpoints-security-group-id>`,
      `prefix list com.amazonaws.${TEST_REGION}.dynamodb`,
      `prefix list com.amazonaws.${TEST_REGION}.s3`,
    ]);
  });

  it('the endpoints it may reach are ECR (image) and CloudWatch Logs, private DNS, in the private subnets', () => {
    const interfaces = resources(foundation, 'aws_vpc_endpoint').filter((e) => e.vpc_endpoint_type === 'Interface');
    expect(interfaces.map((e) => e.service_name).sort()).toEqual(['ecr.api', 'ecr.dkr', 'logs'].map((s) => `com.amazonaws.${TEST_REGION}.${s}`));
    for (const endpoint of interfaces) expect(endpoint.private_dns_enabled).toBe(true);
  });

  it.each(['runner', 'warm-runner'])('%s: runs on a read-only root filesystem, writing only to the scratch volume at TMPDIR, as a fixed non-root user', (kind) => {
    const stack = kind === 'runner' ? processing : warmFloor;
    const task = only(resources(stack, 'aws_ecs_task_definition').filter((t) => t.family === `${prefix}-${kind}`), `${kind} task`);
    const runner = only(containersOf(stack, `${prefix}-${kind}`), `${kind} container`) as ReturnType<typeof containersOf>[number] & {
      readonlyRootFilesystem?: boolean;
      user?: string;
      mountPoints?: { sourceVolume: string; containerPath: string; readOnly: boolean }[];
    };
    expect(runner.readonlyRootFilesystem).toBe(true);
    expect(task.volume).toEqual([{ name: 'scratch' }]); // no host path: the task's ephemeral storage
    expect(runner.mountPoints).toEqual([{ sourceVolume: 'scratch', containerPath: '/tmp', readOnly: false }]);
    expect(runner.environment).toContainEqual({ name: 'TMPDIR', value: '/tmp' });
    expect(runner.user).toMatch(/^[1-9]\d*:[1-9]\d*$/); // numeric and not 0: root by no name or image change
    expect((task.ephemeral_storage as { size_in_gib: number }).size_in_gib).toBeGreaterThanOrEqual(21);
  });

  it('the runner image declares the same unprivileged user', () => {
    const dockerfile = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docker', 'runner.Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM \$\{NODE_IMAGE\}\s*$/m); // node:*-bookworm-slim, whose `node` user is 1000:1000
    expect(dockerfile.trimEnd().split('\n').filter((l) => l.startsWith('USER '))).toEqual(['USER node']);
  });
});
