// makeEnvelope: what a producer puts on the bus is validated first and reads back through parseBusEnvelope.
import { ContractViolation, makeEnvelope, parseBusEnvelope } from '../src';
import { sampleData, sampleMetadata } from './fixtures/sample-events';

describe('makeEnvelope', () => {
  it('builds the envelope with the publisher as source, and it parses back', () => {
    const built = makeEnvelope('TranscodeFinished', sampleData.TranscodeFinished, {
      ...sampleMetadata(1),
      version: 1,
    });

    expect(built).toEqual({
      source: 'mediaflow.processing',
      'detail-type': 'TranscodeFinished',
      detail: { metadata: sampleMetadata(1), data: sampleData.TranscodeFinished },
    });
    expect(parseBusEnvelope(built).data).toEqual(sampleData.TranscodeFinished);
  });

  it('refuses data that breaks the schema', () => {
    const data = { ...sampleData.JobFailed, attempts: -1 };
    expect(() => makeEnvelope('JobFailed', data, { ...sampleMetadata(1), version: 1 })).toThrow(
      ContractViolation,
    );
  });

  it('refuses a field the schema does not know: producers are strict, only readers tolerate extras', () => {
    const data = { ...sampleData.JobCancelled, typo: true };
    expect(() => makeEnvelope('JobCancelled', data, { ...sampleMetadata(1), version: 1 })).toThrow(/typo/);
  });

  it('refuses bad metadata, with paths into the envelope', () => {
    const metadata = { ...sampleMetadata(1), version: 1 as const, occurredAt: 'yesterday' };
    try {
      makeEnvelope('JobCancelled', sampleData.JobCancelled, metadata);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'CONTRACT_VIOLATION',
        part: 'envelope',
        eventName: 'JobCancelled',
      });
      expect((error as ContractViolation).issues.map((i) => i.path)).toEqual(['detail.metadata.occurredAt']);
    }
  });
});
