import { busName, declareService, eventPatternOf, matchesPattern, resourceNames } from '../src';

const event = (source: string, detailType: string, version: number) => ({
  source,
  'detail-type': detailType,
  detail: { metadata: { version } },
});

describe('resource names', () => {
  it('carry the environment suffix and the service', () => {
    const names = resourceNames('jobs', 'prod');
    expect(names).toMatchObject({
      table: 'mediaflow-prod-jobs-events',
      queue: 'mediaflow-prod-jobs-inbox',
      deadLetterQueue: 'mediaflow-prod-jobs-inbox-dlq',
    });
    expect(names.rule(3)).toBe('mediaflow-prod-jobs-sub-3');
    expect(busName('prod')).toBe('mediaflow-prod');
  });

  it('refuse an environment that would make an invalid AWS name', () => {
    expect(() => resourceNames('jobs', 'Prod_1')).toThrow(/must match/);
    expect(() => busName('')).toThrow(/must match/);
  });
});

describe('service declarations', () => {
  it('refuse the same subscription twice', () => {
    const sub = { from: 'ingest' as const, event: 'UploadCompleted', versions: [1] };
    expect(() =>
      declareService({ service: 'jobs', subscriptions: [sub, sub], maxAttempts: 3, visibilityTimeoutSeconds: 30 }),
    ).toThrow(/twice/);
  });

  it('refuse a subscription naming no version', () => {
    const sub = { from: 'ingest' as const, event: 'UploadCompleted', versions: [] };
    expect(() =>
      declareService({ service: 'jobs', subscriptions: [sub], maxAttempts: 3, visibilityTimeoutSeconds: 30 }),
    ).toThrow(/no version/);
  });
});

describe('event patterns', () => {
  const pattern = eventPatternOf({ from: 'ingest', event: 'UploadCompleted', versions: [1, 2] });

  it('match the source, the detail-type and a listed major version', () => {
    expect(matchesPattern(pattern, event('mediaflow.ingest', 'UploadCompleted', 2))).toBe(true);
  });

  it.each([
    ['another source', event('mediaflow.jobs', 'UploadCompleted', 1)],
    ['another event', event('mediaflow.ingest', 'UploadInitiated', 1)],
    ['an unlisted version', event('mediaflow.ingest', 'UploadCompleted', 3)],
  ])('do not match %s', (_why, e) => {
    expect(matchesPattern(pattern, e)).toBe(false);
  });
});
