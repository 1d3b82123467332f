// What a person does in the web UI, as playwright steps: sign in, upload, wait for a job's status.
import type { Page } from 'playwright-core';

// Page functions are serialized into the page, so each is self-contained and reaches the document
// through globalThis (tests are type-checked without the DOM library). They are functions, not
// strings: a string would need 'unsafe-eval', which the UI's Content-Security-Policy refuses.

export const signInWithDevToken = async (page: Page, baseUrl: string): Promise<void> => {
  await page.goto(`${baseUrl}/`);
  // Embedded on loopback: the development token is already in the field.
  await page.waitForFunction(() => (globalThis as any).document.querySelector('#token')?.value.startsWith('eyJ'));
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=drop-zone]');
};

/** Chooses `file` in the upload page and resolves with the job id once the job page opens. */
export const uploadThroughUi = async (page: Page, file: string): Promise<string> => {
  await page.setInputFiles('#file-input', file);
  await page.waitForURL(/\/jobs\/[^/]+$/, { timeout: 60_000 });
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
};

/** Resolves with the first of `statuses` the job page's badge shows (the value seen, not a later one). */
export const waitForJobStatus = async (page: Page, statuses: readonly string[], timeoutMs = 120_000): Promise<string> => {
  const seen = await page.waitForFunction(
    (wanted) => {
      const status = (globalThis as any).document.querySelector('.job-page .page-head .badge')?.getAttribute('data-status') ?? '';
      return wanted.includes(status) ? status : false;
    },
    statuses,
    { timeout: timeoutMs, polling: 200 },
  );
  return (await seen.jsonValue()) as string;
};
