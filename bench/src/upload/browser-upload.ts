// `browser-ui`: the web UI in headless Chromium (the browser tests' helpers), signed in once with the
// development token it offers on loopback; each upload opens the upload page and times
// setInputFiles → the job page's URL. The page's `change` event (its Date.now(), on this machine's
// clock) and its network events split the window: until the page has the file (Playwright's
// setInputFiles over CDP), until the ticket's answer, until the last part PUT finished, until
// complete answered, then the navigation.
import { performance } from 'node:perf_hooks';
import type { Browser, Page, Request } from 'playwright-core';
import { collectPageErrors, findOrInstallChromium, launchChromium } from '@mediaflow/tests';
import { signInWithDevToken } from '@mediaflow/tests';
import type { BenchDeployment } from './deployment';
import type { SourceFile } from './source-file';
import { phasesBetween, type UploadSample, type UploadVariant } from './variant';

interface Marks {
  ticket?: number;
  lastPut?: number;
  complete?: number;
}

const watchRequests = (page: Page): { marks: Marks; stop: () => void } => {
  const marks: Marks = {};
  const onFinished = (request: Request): void => {
    const at = performance.now();
    const { pathname } = new URL(request.url());
    if (request.method() === 'POST' && pathname === '/v1/uploads') marks.ticket = at;
    else if (request.method() === 'PUT' && pathname.startsWith('/blobs/')) marks.lastPut = at;
    else if (request.method() === 'POST' && pathname.endsWith('/complete')) marks.complete = at;
  };
  page.on('requestfinished', onFinished);
  return { marks, stop: () => page.off('requestfinished', onFinished) };
};

const uploadInPage = async (
  page: Page,
  deployment: BenchDeployment,
  source: SourceFile,
  timeoutMs: number,
): Promise<UploadSample> => {
  await page.goto(`${deployment.url}/`);
  await page.waitForSelector('[data-testid=drop-zone]');
  // The moment the page has the file, as a user's file dialog closing would give it.
  await page.evaluate("document.addEventListener('change', () => (window.chosenAt = Date.now()), { capture: true, once: true })");
  const { marks, stop } = watchRequests(page);
  const started = performance.now();
  try {
    await page.setInputFiles('#file-input', source.path);
    await page.waitForURL(/\/jobs\/[^/]+$/, { timeout: timeoutMs });
  } finally {
    stop();
  }
  const ended = performance.now();
  const jobId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const chosenAtMs = await page.evaluate<number | undefined>('window.chosenAt');
  // Date.now() → this process's performance.now(): the same clock, ms resolution.
  const chosen = chosenAtMs === undefined ? undefined : chosenAtMs - performance.timeOrigin;
  const { ticket, lastPut, complete } = marks;
  const phases =
    chosen !== undefined && ticket !== undefined && lastPut !== undefined && complete !== undefined
      ? phasesBetween(started, [
          ['select', chosen],
          ['ticket', ticket],
          ['transfer', lastPut],
          ['complete', complete],
          ['to job page', ended],
        ])
      : [['total', (ended - started) / 1000] as const];
  return { seconds: (ended - started) / 1000, jobId, phases };
};

/** The variant, or why it cannot run here (no Chromium and no way to install it). */
export const browserUiVariant = async (
  deployment: BenchDeployment,
  source: SourceFile,
  timeoutMs: number,
): Promise<{ variant: UploadVariant } | { skipped: string }> => {
  const lookup = findOrInstallChromium((line) => process.stderr.write(`${line}\n`));
  if ('missing' in lookup) return { skipped: lookup.missing };
  const browser: Browser = await launchChromium(lookup.path);
  try {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await signInWithDevToken(page, deployment.url);
    const variant: UploadVariant = {
      name: 'browser-ui',
      deployment,
      how: `Chromium ${browser.version()} (${lookup.path}), headless: the upload page, setInputFiles → job page URL`,
      upload: () =>
        uploadInPage(page, deployment, source, timeoutMs).catch((error: unknown) => {
          throw new Error(`${(error as Error).message}\npage errors: ${errors.join('; ') || 'none'}`);
        }),
      dispose: () => browser.close(),
    };
    return { variant };
  } catch (error) {
    await browser.close();
    throw error;
  }
};
