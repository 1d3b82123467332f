// Compares a published JSON Schema with the current one and lists what would break. The rule: the
// current schema must accept every payload the published one accepted (events already stored, producers
// not yet upgraded) and must keep every published field present and required as it was. An optional
// field added, an enum value added or a bound relaxed is not breaking.
import { compareArrays, compareObjects } from './compare-containers';
import { report, type BreakingChange, type Comparison } from './comparison';
import { compareScalars } from './compare-scalars';
import {
  ANNOTATION_KEYWORDS,
  UNDERSTOOD_KEYWORDS,
  asNode,
  isObjectNode,
  resolveRef,
  variantsOf,
  type ObjectNode,
  type SchemaNode,
} from './json-schema-reading';

export type { BreakingChange, BreakingChangeKind } from './comparison';

export const findBreakingChanges = (published: SchemaNode, current: SchemaNode): BreakingChange[] => {
  const comparison: Comparison = {
    publishedRoot: published,
    currentRoot: current,
    found: [],
    active: new WeakMap(),
    compareNodes,
  };
  compareNodes(comparison, published, current, '');
  return comparison.found;
};

/** Checks that `current` accepts everything `published` accepts at `path`. */
const compareNodes = (c: Comparison, published: SchemaNode, current: SchemaNode, path: string): void => {
  const before = dereference(c, published, c.publishedRoot, path);
  const after = dereference(c, current, c.currentRoot, path);
  if (before === undefined || after === undefined) return;
  if (after === true || before === false) return;
  if (after === false) return report(c, path, 'type-narrowed', 'now rejects every value');
  const old: ObjectNode = before === true ? {} : before;
  if (isActive(c, old, after)) return;
  c.active.set(old, (c.active.get(old) ?? new WeakSet()).add(after));
  try {
    compareObjectNodes(c, old, after, path);
  } finally {
    c.active.get(old)?.delete(after);
  }
};

const isActive = (c: Comparison, a: object, b: object): boolean => c.active.get(a)?.has(b) ?? false;

const compareObjectNodes = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  if (variantsOf(old) !== undefined || variantsOf(current) !== undefined)
    return compareUnions(c, old, current, path);
  if (Array.isArray(current.allOf)) {
    // A value must pass every allOf member, so each one must accept what the old schema accepted.
    for (const member of current.allOf) compareNodes(c, old, asNode(member), path);
  }
  reportUnsupportedKeywords(c, current, path);
  compareScalars(c, old, current, path);
  compareObjects(c, old, current, path);
  compareArrays(c, old, current, path);
};

/** Replaces a $ref by its target (keeping sibling annotations); undefined, reported, when it cannot. */
const dereference = (
  c: Comparison,
  node: SchemaNode,
  root: SchemaNode,
  path: string,
): SchemaNode | undefined => {
  let current = node;
  for (let hops = 0; isObjectNode(current) && typeof current.$ref === 'string'; hops++) {
    const { $ref, ...siblings } = current;
    const target = hops < 32 ? resolveRef(root, $ref as string) : undefined;
    if (target === undefined) {
      report(c, path, 'unsupported-schema', `cannot resolve $ref ${String($ref)}`);
      return undefined;
    }
    current = typeof target === 'boolean' ? target : { ...target, ...siblings };
  }
  return current;
};

const reportUnsupportedKeywords = (c: Comparison, node: ObjectNode, path: string): void => {
  for (const keyword of Object.keys(node)) {
    if (!ANNOTATION_KEYWORDS.has(keyword) && !UNDERSTOOD_KEYWORDS.has(keyword)) {
      report(
        c,
        path,
        'unsupported-schema',
        `keyword "${keyword}" is not understood by the compatibility check`,
      );
    }
  }
};

/** Each published variant must still be accepted by some current variant. */
const compareUnions = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  const oldVariants = variantsOf(old) ?? [old];
  const newVariants = variantsOf(current) ?? [current];
  for (const [index, variant] of oldVariants.entries()) {
    if (newVariants.some((candidate) => breaksWith(c, variant, candidate, path).length === 0)) continue;
    const only = newVariants.length === 1 ? newVariants[0] : undefined;
    if (only !== undefined) {
      compareNodes(c, variant, only, path);
      continue;
    }
    const label = discriminatorLabel(variant, c.publishedRoot) ?? `#${index}`;
    const counterpart = newVariants.find(
      (candidate) => discriminatorLabel(candidate, c.currentRoot) === label,
    );
    if (counterpart !== undefined) compareNodes(c, variant, counterpart, `${path}<${label}>`);
    else report(c, path, 'variant-removed', `variant <${label}> is no longer accepted`);
  }
};

/** Findings of a trial comparison, kept out of the real report. */
const breaksWith = (
  c: Comparison,
  published: SchemaNode,
  current: SchemaNode,
  path: string,
): BreakingChange[] => {
  const trial: Comparison = { ...c, found: [] };
  compareNodes(trial, published, current, path);
  return trial.found;
};

/** `kind=video` for a variant with a const-valued property, which is how tagged unions say which is which. */
const discriminatorLabel = (variant: SchemaNode, root: SchemaNode): string | undefined => {
  const node =
    isObjectNode(variant) && typeof variant.$ref === 'string' ? resolveRef(root, variant.$ref) : variant;
  if (!isObjectNode(node) || !isObjectNode(node.properties)) return undefined;
  for (const [name, property] of Object.entries(node.properties)) {
    if (!isObjectNode(property) || !Object.hasOwn(property, 'const')) continue;
    const value = property.const;
    return `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
  }
  return undefined;
};
