// Every AWS resource name is computed here and nowhere else, with the environment suffix.
import type { ServiceName } from '@mediaflow/contracts';

const clean = (env: string): string => {
  if (!/^[a-z0-9-]{1,20}$/.test(env)) throw new Error(`environment "${env}" must match [a-z0-9-]{1,20}`);
  return env;
};

export const resourceNames = (service: ServiceName, env: string) => {
  const e = clean(env);
  return {
    table: `mediaflow-${e}-${service}-events`,
    queue: `mediaflow-${e}-${service}-inbox`,
    deadLetterQueue: `mediaflow-${e}-${service}-inbox-dlq`,
    /** The service's read model (query-side projection), when it has one. */
    readModel: `mediaflow-${e}-${service}-read`,
    rule: (index: number) => `mediaflow-${e}-${service}-sub-${index}`,
    /** The start of every rule name of the service: listing by it finds exactly its rules. */
    rulePrefix: `mediaflow-${e}-${service}-sub-`,
  };
};

export const busName = (env: string): string => `mediaflow-${clean(env)}`;

/** The bus's archive, which every event of the environment goes to: the source of replays. */
export const archiveName = (env: string): string => `mediaflow-${clean(env)}-archive`;

/** Sources (uploads) and outputs live in separate buckets: different lifecycles, different readers. */
export const bucketNames = (env: string) => ({
  uploads: `mediaflow-${clean(env)}-uploads`,
  outputs: `mediaflow-${clean(env)}-outputs`,
});

/** `mediaflow-<env>`: the start of every name, for the infrastructure-only names the cdktf stacks compute. */
export const namePrefix = (env: string): string => `mediaflow-${clean(env)}`;

/** Where in its bucket each kind of blob lives; IAM grants are scoped to these prefixes. */
export const bucketKeyPrefixes = { uploads: 'uploads/', outputs: 'outputs/' } as const;
