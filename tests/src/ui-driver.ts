// What a person does in the web UI, as playwright steps: sign in, upload, wait for a job's status.
import type { Page } from 'playwright-core';

export const signInWithDevToken = async (page: Page, baseUrl: string): Promise<void> => {
  await page.goto(`${baseUrl}/`);
  // Embedded on loopback: the development token is already in the field.
  await page.waitForFunction("document.querySelector('#token')?.value.startsWith('eyJ')");
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=drop-zone]');
};

/** Chooses `file` in the upload page and resolves with the job id once the job page opens. */
export const uploadThroughUi = async (page: Page, file: string): Promise<string> => {
  await page.setInputFiles('#file-input', file);
  await page.waitForURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
};

export const waitForJobStatus = async (page: Page, statuses: readonly string[], timeoutMs = 120_000): Promise<string> => {
  const badge = page.locator('.job-page .page-head .badge');
  // Browser-side code as a string: this file is type-checked without the DOM library.
  const wanted = JSON.stringify(statuses);
  await page.waitForFunction(`${wanted}.includes(document.querySelector('.job-page .page-head .badge')?.getAttribute('data-status') ?? '')`, undefined, {
    timeout: timeoutMs,
    polling: 200,
  });
  return (await badge.getAttribute('data-status')) ?? '';
};
