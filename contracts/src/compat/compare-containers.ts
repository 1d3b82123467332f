// Compatibility of objects and arrays: fields kept, required-ness unchanged, extra fields still
// allowed where they were, and item schemas compared in turn.
import { childPath, report, type Comparison } from './comparison';
import {
  asNode,
  propertiesOf,
  stringList,
  typeCovered,
  typesOf,
  type ObjectNode,
  type SchemaNode,
} from './json-schema-reading';

const allowsBoth = (old: ObjectNode, current: ObjectNode, type: string): boolean =>
  typeCovered(type, typesOf(old)) && typeCovered(type, typesOf(current));

/** Absent additionalProperties means any extra property is allowed. */
const additionalOf = (node: ObjectNode): SchemaNode => asNode(node.additionalProperties ?? true);

export const compareObjects = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  if (!allowsBoth(old, current, 'object')) return;
  compareProperties(c, old, current, path);
  compareRequired(c, old, current, path);
  compareAdditional(c, old, current, path);
};

const compareProperties = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  const [before, now] = [propertiesOf(old), propertiesOf(current)];
  for (const [name, schema] of Object.entries(before)) {
    const counterpart = now[name];
    if (counterpart === undefined)
      report(c, childPath(path, name), 'property-removed', `property "${name}" was removed (or renamed)`);
    else c.compareNodes(c, schema, counterpart, childPath(path, name));
  }
  for (const [name, schema] of Object.entries(now)) {
    // A new property constrains values that the old additionalProperties let through (none when it was false).
    if (!Object.hasOwn(before, name)) c.compareNodes(c, additionalOf(old), schema, childPath(path, name));
  }
};

const compareRequired = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  const [before, now] = [new Set(stringList(old.required)), new Set(stringList(current.required))];
  const oldProperties = propertiesOf(old);
  const newProperties = propertiesOf(current);
  for (const name of now) {
    if (before.has(name)) continue;
    if (Object.hasOwn(oldProperties, name)) {
      report(
        c,
        childPath(path, name),
        'property-made-required',
        `optional property "${name}" is now required`,
      );
    } else {
      report(
        c,
        childPath(path, name),
        'required-property-added',
        `new property "${name}" is required: add it as optional`,
      );
    }
  }
  for (const name of before) {
    // Consumers rely on a required field being there; a removed one is already reported.
    if (!now.has(name) && Object.hasOwn(newProperties, name)) {
      report(
        c,
        childPath(path, name),
        'property-made-optional',
        `required property "${name}" is now optional`,
      );
    }
  }
};

const compareAdditional = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  const [before, now] = [additionalOf(old), additionalOf(current)];
  if (before === false) return;
  if (now === false) {
    report(c, path, 'additional-properties-tightened', 'additional properties are no longer allowed');
    return;
  }
  c.compareNodes(c, before, now, childPath(path, '*'));
};

export const compareArrays = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  if (!allowsBoth(old, current, 'array')) return;
  const [oldPrefix, newPrefix] = [prefixOf(old), prefixOf(current)];
  const positions = Math.max(oldPrefix.length, newPrefix.length);
  for (let i = 0; i < positions; i++) {
    c.compareNodes(
      c,
      oldPrefix[i] ?? asNode(old.items ?? true),
      newPrefix[i] ?? asNode(current.items ?? true),
      `${path}[${i}]`,
    );
  }
  if (old.items !== undefined || current.items !== undefined) {
    c.compareNodes(c, asNode(old.items ?? true), asNode(current.items ?? true), `${path}[]`);
  }
};

const prefixOf = (node: ObjectNode): SchemaNode[] =>
  Array.isArray(node.prefixItems) ? node.prefixItems.map(asNode) : [];
