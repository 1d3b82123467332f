// Every subscription a service declares must name a published event version, from the service that
// publishes it: a typo here would otherwise be a rule that never fires, in every mode at once.
import { publisherOf, schemaFor } from '@mediaflow/contracts';
import { serviceDeclarations } from '@mediaflow/service-registry';

describe('service declarations', () => {
  const subscriptions = serviceDeclarations.flatMap((d) => d.subscriptions.map((s) => ({ consumer: d.service, ...s })));

  it.each(subscriptions.map((s) => [s.consumer, s.event, s]))('%s consumes a published %s', (_c, _e, s) => {
    expect(publisherOf(s.event)).toBe(s.from);
    for (const v of s.versions) expect(schemaFor(s.event, v)).toBeDefined();
  });

  it('leave no public event unconsumed', () => {
    const consumed = new Set(subscriptions.map((s) => s.event));
    const published = ['UploadCompleted', 'JobCreated', 'JobValidated', 'ProbeRequested', 'TranscodeRequested', 'JobCompleted', 'TranscodeFinished'];
    for (const e of published) expect(consumed).toContain(e);
  });
});
