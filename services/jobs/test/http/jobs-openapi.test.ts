// The jobs routes document themselves: every route and its problem codes land in the OpenAPI 3.1 document.
import { buildOpenApiDocument } from '@mediaflow/http';
import { registerJobProblemCodes } from '../../src/adapters/http/job-problem-codes';
import { jobsRouter, type JobsRouterDeps } from '../../src/adapters/http/jobs-router';

describe('jobs OpenAPI', () => {
  it('documents every jobs route with its schemas', () => {
    registerJobProblemCodes();
    const router = jobsRouter({} as JobsRouterDeps);
    const document = buildOpenApiDocument({ title: 'mediaflow', version: '1.0.0', routers: [router] });
    const paths = document.paths ?? {};
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(paths).sort()).toEqual(['/v1/admin/stats', '/v1/jobs', '/v1/jobs/{jobId}', '/v1/jobs/{jobId}/cancel', '/v1/jobs/{jobId}/events', '/v1/jobs/{jobId}/retry']);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Job', 'JobSummary', 'JobPage', 'JobHistory', 'AdminStats', 'JobStatus']));
    expect(JSON.stringify(paths['/v1/jobs/{jobId}/cancel'])).toContain('JOB_ALREADY_FINISHED');
    expect(JSON.stringify(paths['/v1/jobs/{jobId}/retry'])).toContain('JOB_NOT_RETRYABLE');
  });
});
