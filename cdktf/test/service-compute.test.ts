// What each service stack runs and how: the event-store table, the API routes on the shared load
// balancer (health-checked where the api process answers), the Fargate services in the private
// subnets, and the processing runner's task and what the worker is told to start it.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@mediaflow/config';
import { SERVICES, type ServiceName } from '@mediaflow/contracts';
import { EVENT_STORE_TTL_ATTRIBUTE, eventStoreTableDefinition } from '@mediaflow/event-store/aws';
import { ApiProcessEnvironmentSchema } from '@mediaflow/runtime';
import { resourceNames } from '@mediaflow/topology';
import { Testing, TerraformStack } from 'cdktf';
import { serviceCommands } from '../src/service-commands';
import { ApiRouting } from '../src/service/api-routing';
import { API_HEALTH_CHECK_PATH, API_PORT } from '../src/service-profiles';
import { containersOf } from './support/containers';
import { describeReferences } from './support/references';
import { only, resources, synthesizeStacks, TEST_ENV, type StackJson } from './support/synthesized-app';

const ROUTES: Partial<Record<ServiceName, string[]>> = {
  // The signed playback/download redirect router lives in ingest; /openapi.json is jobs' document
  // (each service's own is at /openapi/<service>.json, routed by a second rule, with jobs' /asyncapi.json).
  ingest: ['/v1/uploads*', '/blobs/*'],
  jobs: ['/v1/jobs*', '/v1/admin*', '/openapi.json'],
  notifications: ['/v1/webhooks*', '/v1/events*'],
};

const eventStore = (stack: StackJson, service: ServiceName) =>
  only(resources(stack, 'aws_dynamodb_table').filter((t) => t.name === resourceNames(service, TEST_ENV).table), 'event-store table');

describe('service compute', () => {
  let stacks: Record<string, StackJson>;
  let biggerRunner: StackJson;
  let warmFloor: StackJson;
  beforeAll(() => {
    stacks = synthesizeStacks({ MEDIAFLOW_IMAGE_TAG: 'abc123' });
    // The warm runner exists only with a floor above 0.
    warmFloor = synthesizeStacks({ MEDIAFLOW_IMAGE_TAG: 'abc123', MEDIAFLOW_RUNNER_WARM_FLOOR: '2' }, ['processing']).processing!;
    biggerRunner = synthesizeStacks({ MEDIAFLOW_RUNNER_CPU: '4096', MEDIAFLOW_RUNNER_MEMORY_MIB: '8192', MEDIAFLOW_RUNNER_EPHEMERAL_GIB: '100' }, ['processing']).processing!;
  });

  it.each(SERVICES)('%s: an on-demand event-store table with PITR, a NEW_IMAGE stream and TTL on expiresAt', (service) => {
    const table = eventStore(stacks[service]!, service);
    expect(table).toMatchObject({
      name: resourceNames(service, TEST_ENV).table,
      billing_mode: 'PAY_PER_REQUEST',
      point_in_time_recovery: { enabled: true },
      stream_enabled: true,
      stream_view_type: 'NEW_IMAGE',
      ttl: { attribute_name: 'expiresAt', enabled: true },
    });
    expect(EVENT_STORE_TTL_ATTRIBUTE).toBe('expiresAt');
  });

  it("takes keys, attributes and indexes from the event store's own table definition", () => {
    const definition = eventStoreTableDefinition('any');
    const keys = Object.fromEntries(definition.KeySchema!.map((k) => [k.KeyType, k.AttributeName]));
    const table = eventStore(stacks.jobs!, 'jobs');
    expect(table).toMatchObject({ hash_key: keys.HASH, range_key: keys.RANGE });
    expect(table.attribute).toEqual(definition.AttributeDefinitions!.map((a) => ({ name: a.AttributeName, type: a.AttributeType })));
    expect(table.global_secondary_index).toEqual(
      definition.GlobalSecondaryIndexes!.map((i) => ({
        name: i.IndexName,
        hash_key: i.KeySchema!.find((k) => k.KeyType === 'HASH')!.AttributeName,
        range_key: i.KeySchema!.find((k) => k.KeyType === 'RANGE')!.AttributeName,
        projection_type: i.Projection!.ProjectionType,
      })),
    );
  });

  it("routes each API path and the service's own OpenAPI document to its service, with unique priorities", () => {
    const priorities = new Set<number>();
    for (const service of SERVICES) {
      const stack = stacks[service]!;
      const rules = resources(stack, 'aws_lb_listener_rule');
      expect(rules.length).toBe(ROUTES[service] ? 2 : 0);
      if (!ROUTES[service]) continue;
      // The document gets a rule of its own, right after the routes': a path-pattern condition takes three values at most.
      const byPaths = rules
        .map((rule) => ({ rule, paths: (rule.condition as { path_pattern: { values: string[] } }[])[0]!.path_pattern.values }))
        .sort((a, b) => (a.rule.priority as number) - (b.rule.priority as number));
      const documents = service === 'jobs' ? [`/openapi/${service}.json`, '/asyncapi.json'] : [`/openapi/${service}.json`];
      expect(byPaths.map((r) => r.paths)).toEqual([ROUTES[service], documents]);
      expect(byPaths.map((r) => r.rule.priority as number - (byPaths[0]!.rule.priority as number))).toEqual([0, 1]);
      for (const { rule, paths } of byPaths) {
        expect(paths.length).toBeLessThanOrEqual(3);
        expect(rule.condition).toHaveLength(1);
        expect(describeReferences(stack, String(rule.listener_arn))).toBe(`<ssm /mediaflow/${TEST_ENV}/alb/listener-arn>`);
        expect(describeReferences(stack, String((rule.action as { target_group_arn: string }[])[0]!.target_group_arn))).toBe(`<aws_lb_target_group mediaflow-${TEST_ENV}-${service}>.arn`);
        priorities.add(rule.priority as number);
      }
      const health = only(resources(stack, 'aws_lb_target_group'), 'target group').health_check as { path: string };
      expect(health.path).toBe('/health');
    }
    expect(priorities.size).toBe(2 * Object.keys(ROUTES).length);
  });

  it('refuses, at synth, more API path patterns than one listener rule takes', () => {
    const stack = new TerraformStack(Testing.app(), 'routing');
    const props = { service: 'jobs' as const, targetGroupName: 'tg', vpcId: 'vpc', listenerArn: 'arn', priority: 50 };
    expect(() => new ApiRouting(stack, 'four', { ...props, pathPatterns: ['/a*', '/b*', '/c*', '/d*'] })).toThrow(/jobs: 4 API path patterns, but a listener rule takes at most 3/);
    expect(() => new ApiRouting(stack, 'three', { ...props, pathPatterns: ['/a*', '/b*', '/c*'] })).not.toThrow();
    expect(() => new ApiRouting(stack, 'docs', { ...props, pathPatterns: ['/a*'], documentPaths: ['/x.json', '/y.json', '/z.json'] })).toThrow(/jobs: 4 document paths/);
  });

  it('health-checks GET /health → 200 on the API port, which the api process serves without a token', () => {
    // runAwsProcess('api', ...) mounts the route itself, for every service, with no authenticate() before its handler.
    const runAwsProcess = fs.readFileSync(path.resolve(__dirname, '../../packages/runtime/src/run-aws-process.ts'), 'utf8');
    expect(runAwsProcess).toMatch(new RegExp(`router\\.get\\('${API_HEALTH_CHECK_PATH}',\\s*\\(_req, res\\) => res\\.json\\(`));
    // …and listens on the port the load balancer checks unless PORT says otherwise.
    expect(loadConfig(ApiProcessEnvironmentSchema, {}).PORT).toBe(API_PORT);
    for (const service of Object.keys(ROUTES) as ServiceName[]) {
      const stack = stacks[service]!;
      const group = only(resources(stack, 'aws_lb_target_group'), 'target group');
      expect(group).toMatchObject({ port: API_PORT, protocol: 'HTTP', health_check: { path: '/health', matcher: '200' } });
      const [api] = containersOf(stack, `mediaflow-${TEST_ENV}-${service}-api`);
      expect(api!.portMappings).toEqual([{ containerPort: API_PORT, protocol: 'tcp' }]);
      expect(api!.environment).toContainEqual({ name: 'PORT', value: String(API_PORT) });
    }
  });

  it.each(SERVICES)('%s: runs its processes on Fargate in the private subnets, without public addresses', (service) => {
    const stack = stacks[service]!;
    const ecsServices = resources(stack, 'aws_ecs_service');
    const expected = (['api', 'worker'] as const).filter((k) => serviceCommands[service][k]).map((k) => `mediaflow-${TEST_ENV}-${service}-${k}`);
    expect(ecsServices.map((s) => s.name).sort()).toEqual(expected.sort());
    for (const s of ecsServices) {
      const network = s.network_configuration as { subnets: string; assign_public_ip: boolean };
      expect(s.launch_type).toBe('FARGATE');
      expect(network.assign_public_ip).toBe(false);
      expect(describeReferences(stack, network.subnets)).toContain(`<ssm /mediaflow/${TEST_ENV}/network/private-subnet-ids>`);
    }
  });

  it.each(SERVICES)('%s: each process runs the command and image of service-commands.ts, at the configured tag', (service) => {
    for (const [kind, process] of Object.entries(serviceCommands[service])) {
      const stack = kind === 'warm-runner' ? warmFloor : stacks[service]!;
      const [container] = containersOf(stack, `mediaflow-${TEST_ENV}-${service}-${kind}`);
      expect(container!.command).toEqual(process.command);
      expect(describeReferences(stack, container!.image)).toBe(`<ssm /mediaflow/${TEST_ENV}/ecr/${process.image}/url>:abc123`);
      expect(container!.environment).toContainEqual({ name: 'MEDIAFLOW_ENV', value: TEST_ENV });
    }
  });

  it('sizes the runner task from the settings (2 vCPU / 4 GiB / 50 GiB by default)', () => {
    const runner = (stack: StackJson) => only(resources(stack, 'aws_ecs_task_definition').filter((t) => t.family === `mediaflow-${TEST_ENV}-processing-runner`), 'runner');
    expect(runner(stacks.processing!)).toMatchObject({ cpu: '2048', memory: '4096', ephemeral_storage: { size_in_gib: 50 } });
    expect(runner(biggerRunner)).toMatchObject({ cpu: '4096', memory: '8192', ephemeral_storage: { size_in_gib: 100 } });
    expect(resources(stacks.processing!, 'aws_ecs_service').map((s) => s.name)).not.toContain(`mediaflow-${TEST_ENV}-processing-runner`);
  });
});
