// The web UI in real Chromium against the embedded all-in-one: sign in with the development token,
// upload a generated clip, watch it complete live, play it (currentTime advances), see the storyboard
// on the seek bar, and the errors of a rejected file and a refused type. Screenshots land in
// artifacts/screenshots.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { generateClip } from '@mediaflow/processing/testing';
import { chromiumPagePerTest, describeWithChromium, screenshot } from '../src/browser';
import { issueDevelopmentToken } from '@mediaflow/http';
import { ApiClient } from '../src/api-client';
import { startTestDeployment, type TestDeployment } from '../src/embedded-deployment';
import { signInWithDevToken, uploadThroughUi, waitForJobStatus } from '../src/ui-driver';

describeWithChromium('web UI in Chromium (embedded)', (chromiumPath) => {
  let t: TestDeployment;
  let page: Page;
  let errors: string[];
  const ui = chromiumPagePerTest(chromiumPath);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-ui-'));

  beforeAll(async () => {
    t = await startTestDeployment();
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    ({ page, errors } = ui);
  });

  it('uploads a clip, follows it live to completed, plays it and shows its storyboard, media info and history', async () => {
    await signInWithDevToken(page, t.deployment.url);
    await screenshot(page, 'upload-page');
    const clip = await generateClip('landscape');
    const jobId = await uploadThroughUi(page, clip.path);
    // Live: the page updates from the event stream, with no reload, up to completed.
    await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'])).resolves.toBe('completed');
    expect(jobId).toMatch(/\S/);

    const video = page.locator('[data-testid=video]');
    await video.waitFor();
    await page.waitForFunction(() => (globalThis as any).document.querySelector('video').readyState >= 2, undefined, { timeout: 30_000 });
    await video.evaluate((v: any) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(() => (globalThis as any).document.querySelector('video').currentTime > 0.5, undefined, { timeout: 30_000 });
    const played = await video.evaluate((v: any) => ({ time: v.currentTime, width: v.videoWidth, error: v.error?.message }));
    expect(played.error).toBeUndefined();
    expect(played.width).toBeGreaterThan(0);

    // Storyboard: hovering the seek bar shows a frame from the sprite.
    const scrub = page.locator('[data-testid=scrub]');
    const box = (await scrub.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    const thumb = page.locator('[data-testid=scrub-preview] .thumb');
    await thumb.waitFor({ timeout: 10_000 });
    expect(await thumb.evaluate((el: any) => (globalThis as any).getComputedStyle(el).backgroundImage)).toMatch(/url\(.+\)/);

    await expect(page.locator('[data-testid=media-info]').textContent()).resolves.toContain('1920×1080');
    await expect(page.locator('[data-testid=downloads] a').count()).resolves.toBeGreaterThan(2);
    const timeline = (await page.locator('[data-testid=timeline]').textContent()) ?? '';
    for (const step of ['Created', 'Validated', 'Completed']) expect(timeline).toContain(step);
    await screenshot(page, 'job-page');

    // The list shows it completed.
    await page.click('a.nav-link[href="/jobs"]');
    await page.locator(`tr[data-job-id="${jobId}"] .badge[data-status=completed]`).waitFor();
    await screenshot(page, 'jobs-page');
    expect(errors).toEqual([]);
  }, 240_000);

  it('lists a job uploaded elsewhere as it happens, live, without a reload', async () => {
    await signInWithDevToken(page, t.deployment.url);
    await page.click('a.nav-link[href="/jobs"]');
    await page.locator('[data-testid=live-state]', { hasText: 'live' }).waitFor();
    let loads = 0;
    page.on('load', () => (loads += 1));
    // Another client of the same owner (the UI's dev-user) uploads through the API.
    const api = new ApiClient(t.deployment.url, await issueDevelopmentToken({ secret: t.deployment.secrets.jwt, sub: t.deployment.devOwner, ttlSeconds: 600 }));
    const { jobId } = await api.uploadFile((await generateClip('no-audio')).path, 'video/mp4', 'sd');
    await page.locator(`tr[data-job-id="${jobId}"]`).waitFor({ timeout: 20_000 });
    await page.locator(`tr[data-job-id="${jobId}"] .badge[data-status=completed]`).waitFor({ timeout: 60_000 });
    expect(loads).toBe(0);
  }, 120_000);

  it('takes a file dropped on the drop zone', async () => {
    await signInWithDevToken(page, t.deployment.url);
    const clip = await generateClip('no-audio');
    const bytes = fs.readFileSync(clip.path).toString('base64');
    // A real DataTransfer carrying a File, as the browser builds one for a drop from the desktop.
    const dataTransfer = await page.evaluateHandle(
      ({ name, base64 }) => {
        const g = globalThis as any;
        const raw = g.atob(base64);
        const data = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i += 1) data[i] = raw.charCodeAt(i);
        const transfer = new g.DataTransfer();
        transfer.items.add(new g.File([data], name, { type: 'video/mp4' }));
        return transfer;
      },
      { name: 'dropped.mp4', base64: bytes },
    );
    await page.dispatchEvent('[data-testid=drop-zone]', 'dragover', { dataTransfer });
    await expect(page.locator('[data-testid=drop-zone]').getAttribute('class')).resolves.toContain('dragging');
    await page.dispatchEvent('[data-testid=drop-zone]', 'drop', { dataTransfer });
    await page.waitForURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
    await expect(page.locator('.job-page h1').textContent()).resolves.toBe('dropped.mp4');
    await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'])).resolves.toBe('completed');
  }, 120_000);

  it('opens the event stream again after an error answer, and catches up', async () => {
    await signInWithDevToken(page, t.deployment.url);
    // The first stream request meets a server that answers 503 (restarting): EventSource gives up on it.
    let refused = 0;
    await page.route(/\/v1\/events\?/, (route) => (refused++ === 0 ? route.fulfill({ status: 503, body: '' }) : route.continue()));
    await page.click('a.nav-link[href="/jobs"]');
    await page.locator('[data-testid=live-state]', { hasText: 'reconnecting' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=live-state]', { hasText: 'live' }).waitFor({ timeout: 15_000 });
    expect(refused).toBe(2);
    const api = new ApiClient(t.deployment.url, await issueDevelopmentToken({ secret: t.deployment.secrets.jwt, sub: t.deployment.devOwner, ttlSeconds: 600 }));
    const { jobId } = await api.uploadFile((await generateClip('no-audio')).path, 'video/mp4', 'sd');
    await page.locator(`tr[data-job-id="${jobId}"] .badge[data-status=completed]`).waitFor({ timeout: 60_000 });
  }, 120_000);

  it('shows a change that happened between reading the job and opening its event stream', async () => {
    await signInWithDevToken(page, t.deployment.url);
    // The race, made certain: the page reads the job while it transcodes, its event stream opens only
    // once the job has completed, so JobCompleted is never delivered on it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/v1\/events\?/, async (route) => {
      await held;
      await route.continue();
    });
    const firstRead = page.waitForResponse((r) => /\/v1\/jobs\/[^/?]+$/.test(new URL(r.url()).pathname) && r.request().method() === 'GET');
    const jobId = await uploadThroughUi(page, (await generateClip('landscape')).path);
    expect(['completed', 'failed', 'rejected', 'cancelled']).not.toContain((await (await firstRead).json()).status);
    const api = new ApiClient(t.deployment.url, await issueDevelopmentToken({ secret: t.deployment.secrets.jwt, sub: t.deployment.devOwner, ttlSeconds: 600 }));
    await expect(api.waitForJob(jobId, ['completed', 'failed', 'rejected'])).resolves.toMatchObject({ status: 'completed' });
    release();
    await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'], 20_000)).resolves.toBe('completed');
  }, 180_000);

  it('plays an audio upload under its waveform', async () => {
    await signInWithDevToken(page, t.deployment.url);
    await uploadThroughUi(page, (await generateClip('audio-aac')).path);
    await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'])).resolves.toBe('completed');
    await page.locator('[data-testid=waveform] path').waitFor({ timeout: 10_000 });
    const audio = page.locator('[data-testid=audio]');
    await audio.evaluate((a: any) => a.play());
    await page.waitForFunction(() => (globalThis as any).document.querySelector('audio').currentTime > 0.3, undefined, { timeout: 20_000 });
    await screenshot(page, 'job-audio');
    expect(errors).toEqual([]);
  }, 120_000);

  it('sends several files as a batch, one after the other; a refused one does not stop the rest', async () => {
    await signInWithDevToken(page, t.deployment.url);
    const notes = path.join(scratch, 'batch-notes.txt');
    fs.writeFileSync(notes, 'not media\n');
    await page.setInputFiles('#file-input', [(await generateClip('audio-aac')).path, notes, (await generateClip('no-audio')).path]);
    const items = page.locator('[data-testid=batch] li');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid=batch] li[data-state=done], [data-testid=batch] li[data-state=failed]').length === 3, undefined, { timeout: 60_000 });
    await expect(items.evaluateAll((lis: any[]) => lis.map((li) => li.getAttribute('data-state')))).resolves.toEqual(['done', 'failed', 'done']);
    await expect(items.nth(1).textContent()).resolves.toContain('CONTENT_TYPE_NOT_ALLOWED');
    await screenshot(page, 'upload-batch');
    await items.nth(2).locator('a').click();
    await expect(waitForJobStatus(page, ['completed', 'failed', 'rejected'])).resolves.toBe('completed');
  }, 120_000);

  it('shows why a file was rejected, and refuses a type the API does not take', async () => {
    await signInWithDevToken(page, t.deployment.url);
    const text = await generateClip('text-as-mp4');
    await uploadThroughUi(page, text.path);
    await expect(waitForJobStatus(page, ['rejected', 'failed', 'completed'])).resolves.toBe('rejected');
    const box = page.locator('[data-testid=job-error]');
    await expect(box.textContent()).resolves.toMatch(/rejected.*MEDIA_UNSUPPORTED/s);
    await screenshot(page, 'job-rejected');

    const notes = path.join(scratch, 'notes.txt');
    fs.writeFileSync(notes, 'not media\n');
    await page.click('a.brand');
    await page.setInputFiles('#file-input', notes);
    const alert = page.locator('.upload-page .error-box');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('CONTENT_TYPE_NOT_ALLOWED');
    await screenshot(page, 'upload-refused');
  }, 120_000);
});
