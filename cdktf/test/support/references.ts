// Reads Terraform references back as names: `${aws_sqs_queue.queues_inbox_1D1F.arn}` becomes
// `<aws_sqs_queue mediaflow-test-jobs-inbox>.arn`, `${data.aws_ssm_parameter.x.value}` becomes
// `<ssm /mediaflow/test/bus/arn>`. Assertions then speak of real names, not generated ids, and a
// reference to anything unexpected shows up by name in a failure.
import type { Block, StackJson } from './synthesized-app';

const EXPRESSION = /\$\{([^{}]*)\}/g;
const REFERENCE = /(data\.)?(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)/g;

const nameOf = (body: Block | undefined, fallback: string): string => {
  for (const field of ['name', 'family', 'bucket']) {
    const value = body?.[field];
    if (typeof value === 'string') return value;
  }
  return fallback;
};

const describeReference = (stack: StackJson, data: string | undefined, type: string, id: string, attribute: string): string => {
  if (data) {
    if (type === 'aws_ssm_parameter') return `<ssm ${nameOf(stack.data?.[type]?.[id], id)}>`;
    if (type === 'aws_partition') return '<partition>';
    if (type === 'aws_caller_identity') return '<account>';
    return `<data ${type} ${id}>.${attribute}`;
  }
  return `<${type} ${nameOf(stack.resource?.[type]?.[id], id)}>.${attribute}`;
};

/** Every `${...}` expression loses its braces and has its references named: `${split(",", <ssm ...>)}` → `split(",", <ssm ...>)`. */
export const describeReferences = (stack: StackJson, value: string): string =>
  value.replace(EXPRESSION, (_all, expression: string) =>
    expression.replace(REFERENCE, (_ref, data: string | undefined, type: string, id: string, attribute: string) =>
      describeReference(stack, data, type, id, attribute),
    ),
  );

/** The resource block a single reference such as `${aws_sqs_queue.x.arn}` points at. */
export const referencedResource = (stack: StackJson, value: unknown): Block | undefined => {
  const match = typeof value === 'string' ? /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(value) : null;
  return match ? stack.resource?.[match[1]!]?.[match[2]!] : undefined;
};
