// parseEventData and the registry lookups it stands on.
import {
  ContractViolation,
  UnknownEvent,
  eventNames,
  parseEventData,
  publisherOf,
  registeredEvents,
  schemaFor,
  type JobValidatedV1,
} from '../src';
import { sampleData } from './fixtures/sample-events';

describe('parseEventData', () => {
  it('returns the data typed for a literal name and version', () => {
    const data: JobValidatedV1 = parseEventData('JobValidated', 1, sampleData.JobValidated);
    expect(data.plan.outputs).toHaveLength(7);
  });

  it('parses the sample of every registered event', () => {
    for (const name of eventNames)
      expect(parseEventData(name, 1, sampleData[name])).toEqual(sampleData[name]);
  });

  it('throws ContractViolation with the issues on bad data', () => {
    const bad = { ...sampleData.TranscodeProgressed, percent: 140 };
    expect(() => parseEventData('TranscodeProgressed', 1, bad)).toThrow(ContractViolation);
    try {
      parseEventData('TranscodeProgressed', 1, bad);
    } catch (error) {
      expect(error).toMatchObject({ part: 'data', eventName: 'TranscodeProgressed', eventVersion: 1 });
      expect((error as ContractViolation).issues).toEqual([
        { path: 'percent', message: expect.stringMatching(/100/) },
      ]);
    }
  });

  it('throws UnknownEvent for an unregistered name or version', () => {
    expect(() => parseEventData('Nope', 1, {})).toThrow(UnknownEvent);
    expect(() => parseEventData('JobCreated', 2, {})).toThrow(UnknownEvent);
  });
});

describe('the event registry', () => {
  it('names the publisher of every event', () => {
    expect(publisherOf('UploadCompleted')).toBe('ingest');
    expect(publisherOf('JobCancelled')).toBe('jobs');
    expect(publisherOf('TranscodeProgressed')).toBe('processing');
    expect(() => publisherOf('Nope')).toThrow(UnknownEvent);
  });

  it('lists the sixteen public events at version 1, each schema tagged <Name>.v<major>', () => {
    expect(eventNames).toHaveLength(16);
    for (const event of registeredEvents()) {
      expect(event.version).toBe(1);
      expect(event.schema.meta()?.id).toBe(event.schemaId);
      expect(event.source).toBe(`mediaflow.${event.publisher}`);
    }
  });

  it('finds a schema by name and version', () => {
    expect(schemaFor('JobCreated', 1).safeParse(sampleData.JobCreated).success).toBe(true);
    expect(() => schemaFor('JobCreated', 0)).toThrow(UnknownEvent);
    // An inherited key of a plain object is no event name.
    expect(() => schemaFor('toString', 1)).toThrow(UnknownEvent);
  });
});
