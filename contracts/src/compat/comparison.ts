// The state one compatibility check threads through its steps, and the finding type it produces.
// Recursion goes through `compareNodes` on the state, so the step modules do not import each other.
import type { SchemaNode } from './json-schema-reading';

export type BreakingChangeKind =
  | 'property-removed'
  | 'property-made-required'
  | 'required-property-added'
  | 'property-made-optional'
  | 'type-narrowed'
  | 'enum-value-removed'
  | 'bound-tightened'
  | 'constraint-added'
  | 'additional-properties-tightened'
  | 'variant-removed'
  | 'unsupported-schema';

export interface BreakingChange {
  /** Where, e.g. `manifest.outputs[].sizeBytes` or `mediaInfo<kind=video>.video`; empty for the root. */
  readonly path: string;
  readonly kind: BreakingChangeKind;
  readonly message: string;
}

export interface Comparison {
  readonly publishedRoot: SchemaNode;
  readonly currentRoot: SchemaNode;
  readonly found: BreakingChange[];
  /** Pairs being compared right now: a recursive schema is assumed compatible on re-entry. */
  readonly active: WeakMap<object, WeakSet<object>>;
  /** Checks that `current` accepts everything `published` accepts at `path`. */
  readonly compareNodes: (c: Comparison, published: SchemaNode, current: SchemaNode, path: string) => void;
}

export const childPath = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

export const report = (c: Comparison, path: string, kind: BreakingChangeKind, message: string): void => {
  c.found.push({ path, kind, message });
};
