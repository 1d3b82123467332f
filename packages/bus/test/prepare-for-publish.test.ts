// Size and batching rules shared by both publishers.
import {
  chunkForPutEvents,
  entrySizeOf,
  MAX_EVENT_BYTES,
  prepareForPublish,
  type OutgoingEvent,
} from '../src/prepare-for-publish';
import { testEvent, validateTestEnvelope } from '../src/testing/ping-events';

const sized = (sizeBytes: number): OutgoingEvent => ({
  ...prepareForPublish([testEvent('ingest', 'Ping', 1, { n: 0 })], validateTestEnvelope)[0]!,
  sizeBytes,
});

describe('entry size', () => {
  it('counts UTF-8 bytes of source, detail-type, detail and resources, as EventBridge does', () => {
    expect(entrySizeOf({ source: 'ab', detailType: 'é', detail: '{"x":"€"}', resources: ['r1'] })).toBe(
      2 + 2 + 11 + 2,
    );
  });

  it('accepts an event of exactly the limit and refuses one byte more', () => {
    const base = testEvent('ingest', 'Ping', 1, { n: 1, note: '' });
    const overhead = entrySizeOf({
      source: base.source,
      detailType: base['detail-type'],
      detail: JSON.stringify(base.detail),
    });
    const at = (bytes: number) =>
      testEvent('ingest', 'Ping', 1, { n: 1, note: 'x'.repeat(bytes - overhead) });

    expect(prepareForPublish([at(MAX_EVENT_BYTES)], validateTestEnvelope)[0]?.sizeBytes).toBe(
      MAX_EVENT_BYTES,
    );
    expect(() => prepareForPublish([at(MAX_EVENT_BYTES + 1)], validateTestEnvelope)).toThrow(
      expect.objectContaining({ code: 'EVENT_TOO_LARGE' }),
    );
  });
});

describe('PutEvents batches', () => {
  it('holds at most 10 entries', () => {
    expect(chunkForPutEvents(Array.from({ length: 25 }, () => sized(100))).map((b) => b.length)).toEqual([
      10, 10, 5,
    ]);
  });

  it('holds at most MAX_EVENT_BYTES in total', () => {
    const part = (fraction: number) => sized(Math.floor(MAX_EVENT_BYTES * fraction));
    expect(chunkForPutEvents([part(0.6), part(0.6), part(0.4)]).map((b) => b.length)).toEqual([1, 2]);
  });

  it('is one setting: 1 MB, the PutEvents entry limit of the EventBridge API reference', () => {
    expect(MAX_EVENT_BYTES).toBe(1024 * 1024);
  });
});
