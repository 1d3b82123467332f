// Read-only views of a JSON Schema node for the compatibility check: its $ref target, its union
// variants, its types, its numeric bounds. Only the vocabulary z.toJSONSchema emits is understood.
export type SchemaNode = boolean | { readonly [keyword: string]: unknown };
export type ObjectNode = { readonly [keyword: string]: unknown };

/** Keywords that only document: a change to them never breaks a consumer. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema',
  '$id',
  '$defs',
  'definitions',
  '$comment',
  'id',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/** Validation keywords the check reasons about; any other one is reported rather than ignored. */
export const UNDERSTOOD_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'anyOf',
  'oneOf',
  'allOf',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'contentEncoding',
  'contentMediaType',
]);

export const isObjectNode = (node: unknown): node is ObjectNode =>
  typeof node === 'object' && node !== null && !Array.isArray(node);

export const asNode = (value: unknown): SchemaNode =>
  typeof value === 'boolean' || isObjectNode(value) ? value : true;

/** Follows local refs (`#/$defs/X`) inside `root`; undefined when the target is missing or remote. */
export const resolveRef = (root: SchemaNode, ref: string): SchemaNode | undefined => {
  if (!ref.startsWith('#')) return undefined;
  const segments = ref
    .slice(1)
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  for (const segment of segments) {
    if (!isObjectNode(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return typeof node === 'boolean' || isObjectNode(node) ? node : undefined;
};

/** The alternatives of a node: its anyOf/oneOf members, or the node itself. */
export const variantsOf = (node: ObjectNode): SchemaNode[] | undefined => {
  const members = node.anyOf ?? node.oneOf;
  return Array.isArray(members) ? members.map(asNode) : undefined;
};

const ALL_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** The JSON types a node allows; every type when it says nothing. */
export const typesOf = (node: ObjectNode): string[] => {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type.filter((t): t is string => typeof t === 'string');
  return ALL_TYPES;
};

/** Whether a value of JSON type `t` is still accepted by a node allowing `allowed`. */
export const typeCovered = (t: string, allowed: readonly string[]): boolean =>
  allowed.includes(t) || (t === 'integer' && allowed.includes('number'));

/** The allowed values when the node is an enum or a const; undefined when any value of its type goes. */
export const allowedValuesOf = (node: ObjectNode): unknown[] | undefined => {
  if (Array.isArray(node.enum)) return node.enum;
  if (Object.hasOwn(node, 'const')) return [node.const];
  return undefined;
};

export interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

const tighterOf = (
  a: Bound | undefined,
  b: Bound | undefined,
  higherIsTighter: boolean,
): Bound | undefined => {
  if (a === undefined || b === undefined) return a ?? b;
  if (a.value !== b.value) return a.value > b.value === higherIsTighter ? a : b;
  return a.exclusive ? a : b;
};

const boundOf = (value: unknown, exclusive: boolean): Bound | undefined =>
  typeof value === 'number' ? { value, exclusive } : undefined;

export const lowerBoundOf = (node: ObjectNode): Bound | undefined =>
  tighterOf(boundOf(node.minimum, false), boundOf(node.exclusiveMinimum, true), true);

export const upperBoundOf = (node: ObjectNode): Bound | undefined =>
  tighterOf(boundOf(node.maximum, false), boundOf(node.exclusiveMaximum, true), false);

export const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export const propertiesOf = (node: ObjectNode): Record<string, SchemaNode> =>
  isObjectNode(node.properties)
    ? Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, asNode(v)]))
    : {};

/** Whether a node constrains objects at all (so absent properties mean "anything goes"). */
export const describesObject = (node: ObjectNode): boolean =>
  node.type === 'object' || 'properties' in node || 'required' in node || 'additionalProperties' in node;
