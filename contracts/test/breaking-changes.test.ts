// The compatibility rule on small hand-made schema pairs: each kind of breaking change is found,
// and the changes a version may take (additive optional fields, widening) pass.
import { z } from 'zod';
import { findBreakingChanges, type BreakingChangeKind, type SchemaNode } from '../src';

const published = {
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 10 },
    size: { type: 'integer', minimum: 0 },
    kind: { type: 'string', enum: ['video', 'audio'] },
    note: { type: 'string' },
    tags: { type: 'array', items: { type: 'string', maxLength: 20 }, maxItems: 5 },
  },
  required: ['id', 'size', 'kind', 'tags'],
  additionalProperties: false,
} as const;

type Node = { [k: string]: unknown };
/** A copy of `published` with `change` applied to it. */
const changed = (
  change: (schema: Node & { properties: Record<string, Node>; required: string[] }) => void,
) => {
  const copy = structuredClone(published) as unknown as Node & {
    properties: Record<string, Node>;
    required: string[];
  };
  change(copy);
  return copy;
};

const kindsOf = (before: SchemaNode, after: SchemaNode): BreakingChangeKind[] =>
  findBreakingChanges(before, after).map((c) => c.kind);

describe('findBreakingChanges', () => {
  describe('accepts the changes a published version may take', () => {
    it.each<[string, SchemaNode]>([
      ['an identical schema', published],
      [
        'an added optional property',
        changed((s) => void (s.properties.caption = { type: 'string', maxLength: 100 })),
      ],
      [
        'a changed description',
        changed((s) => void (s.properties.id = { ...s.properties.id, description: 'the id' })),
      ],
      [
        'an added enum value',
        changed((s) => void (s.properties.kind = { type: 'string', enum: ['video', 'audio', 'image'] })),
      ],
      [
        'a raised maximum',
        changed((s) => void (s.properties.id = { type: 'string', minLength: 1, maxLength: 64 })),
      ],
      ['a lowered minimum', changed((s) => void (s.properties.id = { type: 'string', maxLength: 10 }))],
      [
        'integer widened to number',
        changed((s) => void (s.properties.size = { type: 'number', minimum: 0 })),
      ],
      ['a field made nullable', changed((s) => void (s.properties.note = { type: ['string', 'null'] }))],
      [
        'a field widened to a union',
        changed((s) => void (s.properties.note = { anyOf: [{ type: 'string' }, { type: 'number' }] })),
      ],
      [
        'a relaxed array bound',
        changed((s) => void (s.properties.tags = { type: 'array', items: { type: 'string' } })),
      ],
    ])('%s', (_what, current) => {
      expect(findBreakingChanges(published, current)).toEqual([]);
    });

    it('additional properties opened up', () => {
      expect(
        findBreakingChanges(
          published,
          changed((s) => void (s.additionalProperties = true)),
        ),
      ).toEqual([]);
    });
  });

  describe('finds each kind of breaking change', () => {
    const nullableNote = changed((s) => void (s.properties.note = { type: ['string', 'null'] }));
    const numberSize = changed((s) => void (s.properties.size = { type: 'number', minimum: 0 }));
    const openObject = { ...published, additionalProperties: true };

    it.each<[string, SchemaNode, SchemaNode, BreakingChangeKind, string]>([
      [
        'a removed property',
        published,
        changed((s) => void delete s.properties.note),
        'property-removed',
        'note',
      ],
      [
        'a string turned number',
        published,
        changed((s) => void (s.properties.id = { type: 'number' })),
        'type-narrowed',
        'id',
      ],
      ['number narrowed to integer', numberSize, published, 'type-narrowed', 'size'],
      ['a nullable made non-null', nullableNote, published, 'type-narrowed', 'note'],
      [
        'a removed enum value',
        published,
        changed((s) => void (s.properties.kind = { type: 'string', enum: ['video'] })),
        'enum-value-removed',
        'kind',
      ],
      [
        'a free string made an enum',
        published,
        changed((s) => void (s.properties.note = { type: 'string', enum: ['x'] })),
        'constraint-added',
        'note',
      ],
      [
        'a lowered maxLength',
        published,
        changed((s) => void (s.properties.id = { type: 'string', minLength: 1, maxLength: 8 })),
        'bound-tightened',
        'id',
      ],
      [
        'a raised minLength',
        published,
        changed((s) => void (s.properties.id = { type: 'string', minLength: 2, maxLength: 10 })),
        'bound-tightened',
        'id',
      ],
      [
        'a raised minimum',
        published,
        changed((s) => void (s.properties.size = { type: 'integer', minimum: 1 })),
        'bound-tightened',
        'size',
      ],
      [
        'a minimum made exclusive',
        published,
        changed((s) => void (s.properties.size = { type: 'integer', exclusiveMinimum: 0 })),
        'bound-tightened',
        'size',
      ],
      [
        'a new maximum',
        published,
        changed((s) => void (s.properties.size = { type: 'integer', minimum: 0, maximum: 10 })),
        'bound-tightened',
        'size',
      ],
      [
        'a lowered maxItems',
        published,
        changed((s) => void (s.properties.tags = { ...s.properties.tags, maxItems: 3 })),
        'bound-tightened',
        'tags',
      ],
      [
        'an added pattern',
        published,
        changed((s) => void (s.properties.note = { type: 'string', pattern: '^[a-z]+$' })),
        'constraint-added',
        'note',
      ],
      [
        'an optional property made required',
        published,
        changed((s) => void s.required.push('note')),
        'property-made-required',
        'note',
      ],
      [
        'a new required property',
        published,
        changed((s) => {
          s.properties.codec = { type: 'string' };
          s.required.push('codec');
        }),
        'required-property-added',
        'codec',
      ],
      [
        'a required property made optional',
        published,
        changed((s) => void s.required.splice(s.required.indexOf('size'), 1)),
        'property-made-optional',
        'size',
      ],
      ['additional properties forbidden', openObject, published, 'additional-properties-tightened', ''],
      [
        'a narrowed array item',
        published,
        changed(
          (s) => void (s.properties.tags = { ...s.properties.tags, items: { type: 'string', maxLength: 5 } }),
        ),
        'bound-tightened',
        'tags[]',
      ],
    ])('%s', (_what, before, after, kind, path) => {
      expect(findBreakingChanges(before, after)).toContainEqual(expect.objectContaining({ kind, path }));
    });

    it('reports a rename as the old name removed and the new one required', () => {
      const renamed = changed((s) => {
        const { size, ...rest } = s.properties;
        s.properties = { ...rest, sizeBytes: size as Node };
        s.required = s.required.map((r) => (r === 'size' ? 'sizeBytes' : r));
      });
      expect(kindsOf(published, renamed)).toEqual(['property-removed', 'required-property-added']);
    });

    it('explains the change in its message', () => {
      const [change] = findBreakingChanges(
        published,
        changed((s) => void (s.properties.id = { type: 'number' })),
      );
      expect(change?.message).toBe('type string → number (no longer accepts string)');
    });
  });

  describe('tagged unions', () => {
    const variant = (kind: string, extra: Record<string, unknown> = {}) => ({
      type: 'object',
      properties: { kind: { type: 'string', const: kind }, ...extra },
      required: ['kind'],
      additionalProperties: false,
    });
    const before = {
      oneOf: [variant('poster', { width: { type: 'integer', maximum: 4000 } }), variant('hls-master')],
    };

    it('accepts an added variant', () => {
      expect(findBreakingChanges(before, { oneOf: [...before.oneOf, variant('waveform')] })).toEqual([]);
    });

    it('reports a removed variant', () => {
      const hlsMasterGone = { oneOf: [before.oneOf[0], variant('waveform')] };
      expect(findBreakingChanges(before, hlsMasterGone)).toEqual([
        { path: '', kind: 'variant-removed', message: 'variant <kind=hls-master> is no longer accepted' },
      ]);
    });

    it('reports what a union collapsed to one variant no longer accepts', () => {
      expect(findBreakingChanges(before, before.oneOf[0] as SchemaNode)).toEqual([
        expect.objectContaining({ path: 'kind', kind: 'enum-value-removed' }),
      ]);
    });

    it('reports a narrowed variant at its path, named by its tag', () => {
      const narrowed = {
        oneOf: [variant('poster', { width: { type: 'integer', maximum: 2000 } }), variant('hls-master')],
      };
      expect(findBreakingChanges(before, narrowed)).toEqual([
        expect.objectContaining({ path: '<kind=poster>.width', kind: 'bound-tightened' }),
      ]);
    });
  });

  describe('schema documents', () => {
    it('follows $ref into $defs on either side', () => {
      const withRef = { $ref: '#/$defs/Thing', $defs: { Thing: published } };
      expect(findBreakingChanges(withRef, published)).toEqual([]);
      expect(
        kindsOf(published, {
          $ref: '#/$defs/Thing',
          $defs: { Thing: changed((s) => void delete s.properties.id) },
        }),
      ).toContain('property-removed');
    });

    it('reports what it cannot check instead of passing it', () => {
      expect(kindsOf(published, { $ref: '#/$defs/Missing' })).toEqual(['unsupported-schema']);
      expect(kindsOf(published, { ...published, if: { type: 'object' } })).toEqual(['unsupported-schema']);
    });

    it('works on what zod generates for an event', () => {
      const v1 = z
        .object({ jobId: z.string().max(128), percent: z.number().min(0).max(100) })
        .strict()
        .meta({ id: 'Demo.v1' });
      const additive = v1.extend({ speed: z.number().min(0).optional() }).meta({ id: 'Demo.v1' });
      const narrowed = v1.extend({ jobId: z.string().max(64) }).meta({ id: 'Demo.v1' });
      const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as SchemaNode;

      expect(findBreakingChanges(toJson(v1), toJson(additive))).toEqual([]);
      expect(findBreakingChanges(toJson(v1), toJson(narrowed))).toEqual([
        { path: 'jobId', kind: 'bound-tightened', message: 'maxLength 128 → 64' },
      ]);
    });
  });
});
