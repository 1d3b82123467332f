// parseBusEnvelope on what a consumer receives: a good message comes out typed; each way a message
// can be wrong gives its own typed error, with the zod issues kept as plain data.
import {
  ContractViolation,
  UnknownEvent,
  isContractViolation,
  isUnknownEvent,
  parseBusEnvelope,
  type KnownEvent,
} from '../src';
import { sampleData, sampleMetadata } from './fixtures/sample-events';

const envelope = (over: { source?: string; name?: string; version?: number; data?: unknown } = {}) => ({
  // Fields EventBridge adds around ours; the envelope schema must tolerate them.
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  account: '000000000000',
  region: 'us-east-1',
  time: '2026-11-24T10:15:30Z',
  resources: [],
  source: over.source ?? 'mediaflow.jobs',
  'detail-type': over.name ?? 'JobCreated',
  detail: { metadata: sampleMetadata(over.version ?? 1), data: over.data ?? sampleData.JobCreated },
});

/** Runs `fn`, expecting it to throw; returns what it threw. */
const thrownBy = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('parseBusEnvelope', () => {
  it('returns a valid event typed by name and version', () => {
    const event: KnownEvent = parseBusEnvelope(envelope());

    expect(event).toEqual({
      source: 'mediaflow.jobs',
      name: 'JobCreated',
      version: 1,
      metadata: sampleMetadata(1),
      data: sampleData.JobCreated,
    });
    if (event.name !== 'JobCreated') throw new Error('unreachable');
    // Narrowed by the name: this line only compiles because `data` is JobCreatedV1.
    const key: string = event.data.input.key;
    expect(key).toBe('uploads/upl_01JD7Q2V5X/source');
  });

  it('parses every sample event from its publisher', () => {
    const sources = {
      UploadCompleted: 'ingest',
      MediaProbed: 'processing',
      TranscodeFinished: 'processing',
    } as const;
    for (const [name, service] of Object.entries(sources)) {
      const event = parseBusEnvelope(
        envelope({ source: `mediaflow.${service}`, name, data: sampleData[name as keyof typeof sources] }),
      );
      expect(event.name).toBe(name);
    }
  });

  it('rejects a known event from a service that does not publish it', () => {
    const error = thrownBy(() => parseBusEnvelope(envelope({ source: 'mediaflow.ingest' })));

    expect(error).toBeInstanceOf(ContractViolation);
    expect(error).toMatchObject({
      code: 'CONTRACT_VIOLATION',
      part: 'envelope',
      eventName: 'JobCreated',
      eventVersion: 1,
      issues: [
        { path: 'source', message: 'JobCreated is published by mediaflow.jobs, not mediaflow.ingest' },
      ],
    });
  });

  it('rejects an event name nobody registered', () => {
    const error = thrownBy(() => parseBusEnvelope(envelope({ name: 'JobExploded' })));

    expect(isUnknownEvent(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'UNKNOWN_EVENT',
      name: 'UnknownEvent',
      eventName: 'JobExploded',
      knownVersions: [],
    });
  });

  it('rejects a version of a known event that is not registered', () => {
    const error = thrownBy(() => parseBusEnvelope(envelope({ version: 7 })));

    expect(error).toBeInstanceOf(UnknownEvent);
    expect(error).toMatchObject({ eventName: 'JobCreated', eventVersion: 7, knownVersions: [1] });
    expect((error as Error).message).toBe('JobCreated has no registered version 7; known: 1');
  });

  it('rejects data that breaks the schema and keeps every issue with its path', () => {
    const data = { ...sampleData.JobCreated, input: { key: '../etc/passwd' }, profile: 42, extra: true };
    const error = thrownBy(() => parseBusEnvelope(envelope({ data })));

    expect(isContractViolation(error)).toBe(true);
    const violation = error as ContractViolation;
    expect(violation).toMatchObject({ part: 'data', eventName: 'JobCreated', eventVersion: 1 });
    expect(violation.issues.map((i) => i.path).sort()).toEqual(['input.key', 'profile']);
    expect(violation.cause).toBeDefined();
  });

  it('reads tolerantly: fields a newer producer added, at any depth, are dropped, not refused', () => {
    const data = { ...sampleData.JobCreated, addedLater: 'x', input: { ...sampleData.JobCreated.input, region: 'eu' } };
    const event = parseBusEnvelope(envelope({ data }));

    expect(event.data).toEqual(sampleData.JobCreated);
  });

  it('rejects a malformed envelope before looking at the event', () => {
    const raw = envelope();
    const error = thrownBy(() =>
      parseBusEnvelope({ ...raw, detail: { ...raw.detail, metadata: { version: 1 } } }),
    );

    expect(error).toMatchObject({ code: 'CONTRACT_VIOLATION', part: 'envelope', eventName: undefined });
    expect((error as ContractViolation).issues.map((i) => i.path)).toContain('detail.metadata.eventId');
  });

  it('rejects something that is not an envelope at all', () => {
    expect(isContractViolation(thrownBy(() => parseBusEnvelope('JobCreated')))).toBe(true);
    expect(isContractViolation(thrownBy(() => parseBusEnvelope(null)))).toBe(true);
  });

  it('serialises its errors with their details for logs and dead-letter records', () => {
    const error = thrownBy(() => parseBusEnvelope(envelope({ version: 2 })));
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'UnknownEvent',
      code: 'UNKNOWN_EVENT',
      message: 'JobCreated has no registered version 2; known: 1',
      eventName: 'JobCreated',
      eventVersion: 2,
      knownVersions: [1],
    });
  });
});
