// validateWithContracts, the validator composition roots inject: contracts' registry behind the bus's
// EnvelopeValidator shape, and its typed errors kept for dead letters.
import { validateWithContracts } from '../src/contracts-validator';
import { describeFailure } from '../src/errors/describe-failure';
import { testEvent } from '../src/testing/ping-events';

const jobCancelled = {
  source: 'mediaflow.jobs',
  'detail-type': 'JobCancelled',
  detail: {
    metadata: {
      eventId: 'evt_01JD7Q3A0B',
      version: 1,
      occurredAt: '2026-11-24T10:15:30.123Z',
      correlationId: 'upl_01JD7Q2V5X',
      causationId: null,
      ownerId: 'user_42',
    },
    data: { jobId: 'job_upl_01JD7Q2V5X', reason: 'cancelled by the owner' },
  },
};

const thrownBy = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('validateWithContracts', () => {
  it('returns a registered event as a bus envelope, EventBridge fields dropped', () => {
    expect(validateWithContracts({ version: '0', id: 'x', resources: [], ...jobCancelled })).toEqual(
      jobCancelled,
    );
  });

  it('refuses data that breaks the contract with CONTRACT_VIOLATION and its issues', () => {
    const bad = { ...jobCancelled, detail: { ...jobCancelled.detail, data: { reason: 'no job id' } } };
    expect(describeFailure(thrownBy(() => validateWithContracts(bad)))).toMatchObject({
      code: 'CONTRACT_VIOLATION',
      issues: [expect.objectContaining({ path: 'jobId' })],
    });
  });

  it('refuses an event no contract registers with UNKNOWN_EVENT', () => {
    expect(
      describeFailure(thrownBy(() => validateWithContracts(testEvent('ingest', 'Ping', 1, { n: 1 })))),
    ).toMatchObject({
      code: 'UNKNOWN_EVENT',
    });
  });
});
