// Synthesizes the whole app for the tests (environment `test`) and gives typed access to the
// Terraform JSON of each stack: the tests assert on what Terraform would receive.
import { Testing } from 'cdktf';
import { buildApp } from '../../src/app';
import { readSettings } from '../../src/settings';
import { fakeWebDist } from './fake-web-dist';

export const TEST_ENV = 'test';
export const TEST_REGION = 'eu-west-1';

export type Block = Record<string, unknown>;
export interface StackJson {
  readonly terraform: { backend: Record<string, Block> };
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
}

export interface Found extends Block {
  /** The logical id, as references spell it: `${<type>.<id>.<attribute>}`. */
  readonly logicalId: string;
}

/** Each stack's JSON by stack name (all stacks, or those named), synthesized from the given environment variables. */
export const synthesizeStacks = (variables: Record<string, string> = {}, only?: readonly string[]): Record<string, StackJson> => {
  const settings = readSettings({ MEDIAFLOW_ENV: TEST_ENV, AWS_REGION: TEST_REGION, MEDIAFLOW_WEB_DIST: fakeWebDist(), ...variables });
  const { stacks } = buildApp(Testing.app(), settings);
  const wanted = stacks.filter((s) => !only || only.includes(s.stackName));
  return Object.fromEntries(wanted.map((s) => [s.stackName, JSON.parse(Testing.synth(s)) as StackJson]));
};

const entries = (blocks: Record<string, Block> | undefined): Found[] =>
  Object.entries(blocks ?? {}).map(([logicalId, body]) => ({ ...body, logicalId }));

export const resources = (stack: StackJson, type: string): Found[] => entries(stack.resource?.[type]);
export const dataSources = (stack: StackJson, type: string): Found[] => entries(stack.data?.[type]);

export const only = <T>(items: readonly T[], what: string): T => {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0]!;
};
