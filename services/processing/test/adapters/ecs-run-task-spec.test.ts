// The job spec in RunTask's container override: whole when it fits the override budget, else without
// the probe (the runner then probes itself), never cut anywhere else.
import { specForOverride } from '../../src/adapters/aws/ecs-runner-dispatcher';
import { JobSpecSchema, type JobSpec } from '../../src/application/job-spec';
import { JOB, mediaInfo } from '../support/transcode-events';

const spec = (over: Partial<JobSpec> = {}): JobSpec =>
  JobSpecSchema.parse({
    jobId: JOB,
    input: 'blob:owner-1/up/source',
    outputPrefix: `owner-1/${JOB}`,
    profile: 'sd',
    mediaInfo,
    ...over,
  });

describe('the job spec in a RunTask override', () => {
  it('carries the whole spec, probe included, when it fits', () => {
    expect(JSON.parse(specForOverride(spec()))).toEqual(spec());
  });

  it('drops only the probe from a spec that would not fit, and the rest still validates', () => {
    const big = spec({
      input: `blob:${'k'.repeat(4000)}`,
      expectedRungs: Array.from({ length: 16 }, () => 'x'.repeat(32)),
    });
    const padded = { ...big, mediaInfo: { ...mediaInfo, container: 'c'.repeat(3000) } } as JobSpec;
    const sent = JSON.parse(specForOverride(padded)) as JobSpec;
    expect(sent.mediaInfo).toBeUndefined();
    expect(() => JobSpecSchema.parse(sent)).not.toThrow();
    expect(sent.input).toBe(big.input);
    expect(sent.expectedRungs).toEqual(big.expectedRungs);
  });
});
