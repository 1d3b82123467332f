import { declareSubscriber, eventPatternOf, subscriberNames, subscriberRules } from '../src';

const jobCompleted = { from: 'jobs' as const, event: 'JobCompleted', versions: [1] };

describe('subscriber declarations', () => {
  it('give one rule per subscription with the pattern a service would get for the same subscription', () => {
    const d = declareSubscriber({ name: 'acme-archive', subscriptions: [jobCompleted, { from: 'jobs', event: 'JobFailed', versions: [1, 2] }] });
    expect(subscriberRules(d)).toEqual([
      { name: 'mediaflow-sub-acme-archive-0', pattern: eventPatternOf(jobCompleted), description: 'acme-archive consumes jobs/JobCompleted v1' },
      { name: 'mediaflow-sub-acme-archive-1', pattern: eventPatternOf(d.subscriptions[1]!), description: 'acme-archive consumes jobs/JobFailed v1,2' },
    ]);
    expect(subscriberNames('acme-archive')).toMatchObject({ queue: 'acme-archive-mediaflow-events', deadLetterQueue: 'acme-archive-mediaflow-events-dlq' });
  });

  it('refuse a bad name, no subscription, a duplicate or a subscription without version', () => {
    expect(() => declareSubscriber({ name: 'Acme_1', subscriptions: [jobCompleted] })).toThrow(/must match/);
    expect(() => declareSubscriber({ name: 'acme', subscriptions: [] })).toThrow(/subscribes to nothing/);
    expect(() => declareSubscriber({ name: 'acme', subscriptions: [jobCompleted, jobCompleted] })).toThrow(/twice/);
    expect(() => declareSubscriber({ name: 'acme', subscriptions: [{ ...jobCompleted, versions: [] }] })).toThrow(/no version/);
  });
});
