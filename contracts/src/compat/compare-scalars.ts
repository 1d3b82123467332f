// Compatibility of what a single value may be: its types, its allowed values, its bounds and its
// string rules. Each check reports when the current schema rejects something the published one accepted.
import { report, type Comparison } from './comparison';
import {
  allowedValuesOf,
  lowerBoundOf,
  typeCovered,
  typesOf,
  upperBoundOf,
  type Bound,
  type ObjectNode,
} from './json-schema-reading';

export const compareScalars = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  compareTypes(c, old, current, path);
  compareAllowedValues(c, old, current, path);
  compareNumericBounds(c, old, current, path);
  compareCounts(c, old, current, path);
  compareRules(c, old, current, path);
};

const compareTypes = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  const allowed = typesOf(current);
  const lost = typesOf(old).filter((t) => !typeCovered(t, allowed));
  if (lost.length > 0) {
    report(
      c,
      path,
      'type-narrowed',
      `type ${typesOf(old).join('|')} → ${allowed.join('|')} (no longer accepts ${lost.join(', ')})`,
    );
  }
};

const compareAllowedValues = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  const now = allowedValuesOf(current);
  if (now === undefined) return;
  const before = allowedValuesOf(old);
  if (before === undefined) {
    return report(c, path, 'constraint-added', `now restricted to ${now.map(show).join(', ')}`);
  }
  const kept = new Set(now.map(show));
  const removed = before.map(show).filter((v) => !kept.has(v));
  if (removed.length > 0) report(c, path, 'enum-value-removed', `no longer accepts ${removed.join(', ')}`);
};

const show = (value: unknown): string => JSON.stringify(value);

/** A lower bound is tighter when higher, or equal but now exclusive; an upper one mirrors it. */
const tighter = (before: Bound | undefined, now: Bound | undefined, higherIsTighter: boolean): boolean => {
  if (now === undefined) return false;
  if (before === undefined) return true;
  if (now.value !== before.value) return now.value > before.value === higherIsTighter;
  return now.exclusive && !before.exclusive;
};

const showBound = (bound: Bound | undefined, side: 'min' | 'max'): string =>
  bound === undefined
    ? 'none'
    : `${bound.exclusive ? (side === 'min' ? '>' : '<') : side === 'min' ? '>=' : '<='} ${bound.value}`;

const compareNumericBounds = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  const [oldMin, newMin] = [lowerBoundOf(old), lowerBoundOf(current)];
  if (tighter(oldMin, newMin, true)) {
    report(
      c,
      path,
      'bound-tightened',
      `minimum raised: ${showBound(oldMin, 'min')} → ${showBound(newMin, 'min')}`,
    );
  }
  const [oldMax, newMax] = [upperBoundOf(old), upperBoundOf(current)];
  if (tighter(oldMax, newMax, false)) {
    report(
      c,
      path,
      'bound-tightened',
      `maximum lowered: ${showBound(oldMax, 'max')} → ${showBound(newMax, 'max')}`,
    );
  }
};

const COUNT_KEYWORDS = [
  ['minLength', true],
  ['maxLength', false],
  ['minItems', true],
  ['maxItems', false],
  ['minProperties', true],
  ['maxProperties', false],
] as const;

const compareCounts = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  for (const [keyword, higherIsTighter] of COUNT_KEYWORDS) {
    const before = typeof old[keyword] === 'number' ? { value: old[keyword], exclusive: false } : undefined;
    const now =
      typeof current[keyword] === 'number' ? { value: current[keyword], exclusive: false } : undefined;
    if (tighter(before, now, higherIsTighter)) {
      report(c, path, 'bound-tightened', `${keyword} ${before?.value ?? 'none'} → ${now?.value ?? 'none'}`);
    }
  }
};

/** A new or changed pattern/format cannot be proven to accept every old value, so it counts as breaking. */
const compareRules = (c: Comparison, old: ObjectNode, current: ObjectNode, path: string): void => {
  for (const keyword of ['pattern', 'format', 'contentEncoding', 'contentMediaType'] as const) {
    if (current[keyword] !== undefined && current[keyword] !== old[keyword]) {
      report(
        c,
        path,
        'constraint-added',
        `${keyword} ${show(old[keyword] ?? null)} → ${show(current[keyword])}`,
      );
    }
  }
  const [before, now] = [old.multipleOf, current.multipleOf];
  if (typeof now === 'number' && !(typeof before === 'number' && before % now === 0)) {
    report(c, path, 'constraint-added', `multipleOf ${show(before ?? null)} → ${now}`);
  }
  if (current.uniqueItems === true && old.uniqueItems !== true) {
    report(c, path, 'constraint-added', 'items must now be unique');
  }
};
