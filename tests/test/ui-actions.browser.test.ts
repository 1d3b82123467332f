// The web UI's harder paths in real Chromium: a multipart upload interrupted by a reload resumes with
// only the missing part; a job that failed (its storage broke) shows why and completes after Retry
// once the cause is fixed; Cancel stops a job waiting for a retry; webhooks, admin, API docs, sign-in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { mediaBinaries } from '@mediaflow/processing/media';
import { generateClip } from '@mediaflow/processing/testing';
import { chromiumPagePerTest, describeWithChromium, screenshot } from '../src/browser';
import { startTestDeployment, type TestDeployment } from '../src/embedded-deployment';
import { signInWithDevToken, uploadThroughUi, waitForJobStatus } from '../src/ui-driver';

const MiB = 1024 * 1024;

/** Makes the outputs storage unwritable (a file where its folder should be) until the returned undo. */
const breakOutputStorage = (dataDir: string): (() => void) => {
  const outputs = path.join(dataDir, 'blobs', 'outputs');
  const aside = `${outputs}.aside`;
  if (fs.existsSync(outputs)) fs.renameSync(outputs, aside);
  fs.mkdirSync(path.dirname(outputs), { recursive: true });
  fs.writeFileSync(outputs, 'not a folder');
  return () => {
    fs.rmSync(outputs, { force: true });
    if (fs.existsSync(aside)) fs.renameSync(aside, outputs);
  };
};

describeWithChromium('web UI in Chromium: resume, retry, cancel, webhooks, admin, docs', (chromiumPath) => {
  let t: TestDeployment;
  let page: Page;
  let errors: string[];
  const ui = chromiumPagePerTest(chromiumPath);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-ui-'));
  const big = path.join(scratch, 'noise-2s.mp4');

  beforeAll(async () => {
    // ~18 MB: lossless H.264 of noise, so it travels as 4 parts of 5 MiB.
    execFileSync(mediaBinaries(process.env).ffmpeg.path, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '2', '-vf', 'noise=alls=30:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', big]);
    t = await startTestDeployment({
      MEDIAFLOW_UPLOAD_MULTIPART_THRESHOLD_BYTES: String(8 * MiB),
      MEDIAFLOW_UPLOAD_PART_SIZE_BYTES: String(5 * MiB),
      MEDIAFLOW_JOBS_MAX_ATTEMPTS: '1',
    });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    ({ page, errors } = ui);
  });

  it('resumes a multipart upload interrupted by a reload, sending only the part that was missing', async () => {
    expect(fs.statSync(big).size).toBeGreaterThan(15 * MiB);
    await signInWithDevToken(page, t.deployment.url);
    // Part 2 never gets an answer: the upload hangs there, as on a dropped connection.
    await page.route(/\/blobs\/uploads\/mp\/[^/]+\/2(\?|$)/, () => undefined);
    await page.setInputFiles('#file-input', big);
    await page.waitForFunction(() => Object.keys(JSON.parse((globalThis as any).localStorage.getItem('mediaflow.pendingUploads') ?? '[]')[0]?.etags ?? {}).length === 3, undefined, { timeout: 60_000, polling: 100 });
    await screenshot(page, 'upload-progress');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    const pending = page.locator('.card.pending');
    await expect(pending.textContent()).resolves.toContain('3 part(s) stored');
    await screenshot(page, 'upload-interrupted');

    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'PUT') sent.push(new URL(r.url()).pathname);
    });
    await page.setInputFiles('#file-input', big);
    await page.waitForURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/\/2$/);
    await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'])).resolves.toBe('completed');
    expect(await page.evaluate(() => (globalThis as any).localStorage.getItem('mediaflow.pendingUploads'))).toBe('[]');
    expect(errors.filter((e) => !e.includes('/blobs/uploads/mp/'))).toEqual([]);
  }, 180_000);

  it('shows why a job failed, and Retry completes it once the cause is fixed', async () => {
    await signInWithDevToken(page, t.deployment.url);
    const restore = breakOutputStorage(t.dataDir);
    let jobId: string;
    try {
      jobId = await uploadThroughUi(page, (await generateClip('no-audio')).path);
      await expect(waitForJobStatus(page, ['failed', 'completed', 'rejected'])).resolves.toBe('failed');
      const shown = (await page.locator('[data-testid=job-error]').textContent()) ?? '';
      // The store makes its objects/ and meta/ folders in parallel: either one is the first to fail.
      expect(shown).toMatch(/failed.*ENOTDIR.*…\/(objects|meta).*RUNNER_CRASHED/s);
      expect(shown).not.toContain(t.dataDir); // the server's layout stays on the server
      await screenshot(page, 'job-failed');
    } finally {
      restore();
    }
    await page.getByRole('button', { name: 'Retry' }).click();
    // The badge leaves `failed` first (the page refetches), then reaches the end of the new attempt.
    await waitForJobStatus(page, ['created', 'probing', 'queued', 'transcoding', 'completed']);
    await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'])).resolves.toBe('completed');
    await expect(page.locator('.attempts tbody tr').count()).resolves.toBe(2);
    await expect(page.locator('[data-testid=timeline]').textContent()).resolves.toContain('RetryRequested');
    const job = await t.owner.call('GET', `/v1/jobs/${jobId}`);
    expect(job.status).toBe(404); // owner-a is not the UI's dev-user: the job is not theirs
  }, 180_000);

  it('cancels a job that waits for its next attempt', async () => {
    const other = await startTestDeployment({ MEDIAFLOW_JOBS_MAX_ATTEMPTS: '3', MEDIAFLOW_JOBS_RETRY_BACKOFF_SECONDS: '600' });
    const restore = breakOutputStorage(other.dataDir);
    try {
      await signInWithDevToken(page, other.deployment.url);
      await uploadThroughUi(page, (await generateClip('no-audio')).path);
      await expect(waitForJobStatus(page, ['retry-scheduled', 'failed', 'completed'])).resolves.toBe('retry-scheduled');
      await page.getByRole('button', { name: 'Cancel job' }).click();
      await expect(waitForJobStatus(page, ['cancelled'])).resolves.toBe('cancelled');
      await expect(page.getByRole('button', { name: /Retry|Cancel job/ }).count()).resolves.toBe(0);
    } finally {
      restore();
      await other.stop();
    }
  }, 120_000);

  it('uploads to a server that completes uploads as soon as their bytes are stored', async () => {
    const onStore = await startTestDeployment({ MEDIAFLOW_UPLOAD_COMPLETE_ON_STORE: 'true' });
    try {
      await signInWithDevToken(page, onStore.deployment.url);
      await uploadThroughUi(page, (await generateClip('no-audio')).path);
      await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'])).resolves.toBe('completed');
      // The page's complete met 409 UPLOAD_ALREADY_COMPLETED and took it as done.
      expect(errors.filter((e) => !/\/complete → 409/.test(e) && !/status of 409/.test(e))).toEqual([]);
    } finally {
      await onStore.stop();
    }
  }, 120_000);

  it('manages webhooks: add (secret shown once), a refused URL with its code, delete', async () => {
    await signInWithDevToken(page, t.deployment.url);
    await page.click('a.nav-link[href="/webhooks"]');
    await page.fill('#webhook-url', 'https://hooks.example.com/mediaflow');
    await page.fill('#webhook-description', 'CI hook');
    await page.getByLabel('JobCompleted').check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect(page.locator('[data-testid=webhook-secret]').textContent()).resolves.toMatch(/whsec_|[A-Za-z0-9+/]{20}/);
    await expect(page.locator('[data-testid=webhooks]').textContent()).resolves.toContain('https://hooks.example.com/mediaflow');
    await screenshot(page, 'webhooks-page');

    await page.fill('#webhook-url', 'http://hooks.example.com/plain');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect(page.locator('.error-box').textContent()).resolves.toMatch(/WEBHOOK_URL_NOT_HTTPS|WEBHOOK_URL_FORBIDDEN/);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.locator('.empty').waitFor();
  }, 60_000);

  it('shows the admin stats, the API docs rendered from /openapi.json and the events from /asyncapi.json', async () => {
    await signInWithDevToken(page, t.deployment.url);
    await page.click('a.nav-link[href="/admin"]');
    const stats = page.locator('[data-testid=admin-stats]');
    await stats.waitFor();
    expect(Number(await stats.locator('.stat .value').first().textContent())).toBeGreaterThan(0);
    await screenshot(page, 'admin-page');

    await page.goto(`${t.deployment.url}/docs/`);
    await page.getByText('/v1/jobs/{jobId}/retry').waitFor({ timeout: 30_000 });
    await expect(page.locator('.swagger-ui .title').textContent()).resolves.toContain('mediaflow');
    await screenshot(page, 'api-docs');

    // The events catalog, linked from the docs page, rendered from /asyncapi.json with no request elsewhere.
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(t.deployment.url)) elsewhere.push(request.url());
    });
    await page.click('a[href="events/index.html"]');
    const completed = page.locator('#events tr[data-event="JobCompleted.v1"]');
    await completed.waitFor({ timeout: 15_000 });
    await expect(completed.textContent()).resolves.toMatch(/JobCompleted.*mediaflow\.jobs.*JobCompleted/);
    await expect(page.locator('section[id="JobCompleted.v1"] details[open] pre').textContent()).resolves.toContain('"detail-type": "JobCompleted"');
    expect(elsewhere).toEqual([]);
    await screenshot(page, 'events-docs');
  }, 60_000);

  it('refuses a token that is not one, and signs out', async () => {
    await page.goto(`${t.deployment.url}/`);
    await page.fill('#token', 'not-a-token');
    await page.click('button[type=submit]');
    await expect(page.locator('.error-box').textContent()).resolves.toContain('three dot-separated parts');
    await page.fill('#token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    await page.click('button[type=submit]');
    await expect(page.locator('.error-box').textContent()).resolves.toMatch(/401|UNAUTHORIZED|TOKEN/i);
    await signInWithDevToken(page, t.deployment.url);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#token').waitFor();
  }, 60_000);
});
