// The UI's routes: the page a path shows. The server answers index.html for the same prefixes
// (web-router.test.ts), so every page here must be reachable by a reload.
import { matchRoute } from '../app/routes';

describe('matchRoute', () => {
  it('shows the upload page at the root and at /upload', () => {
    expect(matchRoute('/')).toEqual({ page: 'upload' });
    expect(matchRoute('')).toEqual({ page: 'upload' });
    expect(matchRoute('/upload')).toEqual({ page: 'upload' });
    expect(matchRoute('/upload/')).toEqual({ page: 'upload' });
  });

  it('shows the job list, filtered by the status query when there is one', () => {
    expect(matchRoute('/jobs')).toEqual({ page: 'jobs' });
    expect(matchRoute('/jobs/')).toEqual({ page: 'jobs' });
    expect(matchRoute('/jobs?status=failed')).toEqual({ page: 'jobs', status: 'failed' });
    expect(matchRoute('/jobs?status=')).toEqual({ page: 'jobs' });
    expect(matchRoute('/jobs?other=1')).toEqual({ page: 'jobs' });
  });

  it('shows one job by its decoded id', () => {
    expect(matchRoute('/jobs/job_01HZX')).toEqual({ page: 'job', jobId: 'job_01HZX' });
    expect(matchRoute('/jobs/a%20b?tab=files#player')).toEqual({ page: 'job', jobId: 'a b' });
    expect(matchRoute('/jobs/a%2Fb')).toEqual({ page: 'job', jobId: 'a/b' });
  });

  it('shows the webhooks and admin pages', () => {
    expect(matchRoute('/webhooks')).toEqual({ page: 'webhooks' });
    expect(matchRoute('/admin')).toEqual({ page: 'admin' });
  });

  it('shows "not found" for any other path, deeper paths and look-alike prefixes', () => {
    for (const path of ['/nope', '/jobs/a/b', '/upload/x', '/webhooks/1', '/admin/stats', '/jobsx', '/uploads', '/docs'])
      expect(matchRoute(path)).toEqual({ page: 'not-found' });
  });

  it('shows "not found" rather than throwing for a malformed escape in the path', () => {
    expect(matchRoute('/jobs/%E0%A4')).toEqual({ page: 'not-found' });
    expect(matchRoute('/%zz')).toEqual({ page: 'not-found' });
  });
});
