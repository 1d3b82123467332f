// The web UI deployed as static files on its own origin (as S3 + CloudFront serve it) against the
// API on another origin: sign in with a pasted token, upload, follow the job live over a cross-origin
// event stream, play it; the API docs page switching between the documents config.json lists; and
// the events page reading /asyncapi.json from the API's origin.
import type { Page } from 'playwright-core';
import { issueDevelopmentToken } from '@mediaflow/http';
import { generateClip } from '@mediaflow/processing/testing';
import { chromiumPagePerTest, describeWithChromium, screenshot } from '../src/browser';
import { startTestDeployment, type TestDeployment } from '../src/embedded-deployment';
import { startStaticWebHost, type StaticWebHost } from '../src/static-web-host';
import { uploadThroughUi, waitForJobStatus } from '../src/ui-driver';

describeWithChromium('web UI as static files on another origin', (chromiumPath) => {
  let host: StaticWebHost;
  let t: TestDeployment;
  let page: Page;
  let errors: string[];
  const ui = chromiumPagePerTest(chromiumPath);

  beforeAll(async () => {
    host = await startStaticWebHost();
    t = await startTestDeployment({ MEDIAFLOW_CORS_ORIGINS: host.origin });
    const api = t.deployment.url;
    host.configure(
      {
        apiUrl: api,
        mode: 'static',
        openapiUrls: [
          { name: 'all', url: `${api}/openapi.json` },
          { name: 'jobs only', url: `${host.origin}/specs/jobs.json` },
        ],
      },
      {
        '/specs/jobs.json': async () => {
          const whole = (await (await fetch(`${api}/openapi.json`)).json()) as { paths: Record<string, unknown> };
          return { ...whole, info: { title: 'mediaflow jobs', version: '1.0.0' }, paths: Object.fromEntries(Object.entries(whole.paths).filter(([p]) => p.startsWith('/v1/jobs'))) };
        },
      },
    );
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await host?.close();
  });
  beforeEach(() => {
    ({ page, errors } = ui);
  });

  it('signs in with a pasted token, uploads, follows the job live and plays it, all across origins', async () => {
    await page.goto(`${host.origin}/`);
    const field = page.locator('#token');
    await expect(field.inputValue()).resolves.toBe(''); // no development token off the embedded origin
    await field.fill(await issueDevelopmentToken({ secret: t.deployment.secrets.jwt, sub: 'static-user', ttlSeconds: 600 }));
    await page.click('button[type=submit]');
    await page.locator('[data-testid=drop-zone]').waitFor();
    await uploadThroughUi(page, (await generateClip('no-audio')).path);
    await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'])).resolves.toBe('completed');
    const video = page.locator('[data-testid=video]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('video').readyState >= 2, undefined, { timeout: 30_000 });
    await video.evaluate((v: any) => ((v.muted = true), v.play()));
    await page.waitForFunction(() => (globalThis as any).document.querySelector('video').currentTime > 0.3, undefined, { timeout: 30_000 });
    await screenshot(page, 'static-origin-job-page');
    expect(errors).toEqual([]);
  }, 180_000);

  it('lists the documents config.json names and switches between them', async () => {
    await page.goto(`${host.origin}/docs/`);
    await page.getByText('/v1/uploads/{uploadId}/complete').waitFor({ timeout: 30_000 });
    await page.selectOption('#api-document', { label: 'jobs only' });
    await page.locator('.swagger-ui .title', { hasText: 'mediaflow jobs' }).waitFor({ timeout: 30_000 });
    await expect(page.getByText('/v1/uploads/{uploadId}/complete').count()).resolves.toBe(0);
    await expect(page.getByText('/v1/jobs/{jobId}/retry').count()).resolves.toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('urls.primaryName')).toBe('jobs only');
  }, 60_000);

  it('renders the events catalog it fetches from the API origin (CORS)', async () => {
    await page.goto(`${host.origin}/docs/events/index.html`);
    const completed = page.locator('#events tr[data-event="JobCompleted.v1"]');
    await completed.waitFor({ timeout: 15_000 });
    await expect(completed.textContent()).resolves.toContain('mediaflow.jobs');
    await expect(page.locator('#raw').getAttribute('href')).resolves.toBe(`${t.deployment.url}/asyncapi.json`);
    expect(errors).toEqual([]);
  }, 60_000);
});
