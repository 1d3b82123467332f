// Debian's Chromium for the browser tests, driven by playwright-core. Found on PATH (or at
// MEDIAFLOW_CHROMIUM), else installed with apt-get when this machine allows it (root, apt-get
// present); when neither works the caller skips its tests and says so loudly, naming the fix.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for a headless browser on a machine whose network is closed (see TOOLCHAIN.md). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'];

const found = (): string | undefined => [process.env.MEDIAFLOW_CHROMIUM, ...CANDIDATES].find((p): p is string => !!p && fs.existsSync(p));

const installWithApt = (log: (line: string) => void): string | undefined => {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  log('browser tests: no Chromium found; installing Debian\'s chromium with apt-get (about a minute)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    // Two test files may get here at once: the second waits for dpkg's lock instead of failing.
    const lock = ['-o', 'DPkg::Lock::Timeout=600'];
    execFileSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'ignore', env, timeout: 300_000 });
    execFileSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env, timeout: 600_000 });
  } catch (error) {
    log(`browser tests: apt-get install chromium failed: ${(error as Error).message}`);
    return undefined;
  }
  return found();
};

type ChromiumLookup = { readonly path: string } | { readonly missing: string };

export const findOrInstallChromium = (log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): ChromiumLookup => {
  const existing = found() ?? installWithApt(log);
  if (existing) return { path: existing };
  return {
    missing:
      'Chromium is not installed and could not be installed here (needs root and apt-get). Install it with ' +
      '`apt-get install chromium` or point MEDIAFLOW_CHROMIUM at a Chromium/Chrome binary to run the browser tests.',
  };
};

/** `describe` when Chromium is there (found or installed), else `describe.skip` with a loud message. */
export const describeWithChromium = (name: string, body: (executablePath: string) => void): void => {
  const lookup = findOrInstallChromium();
  if ('missing' in lookup) {
    process.stderr.write(`\n!!!!!!!!!!\n!! BROWSER TESTS SKIPPED (${name}): ${lookup.missing}\n!!!!!!!!!!\n\n`);
    describe.skip(name, () => body(''));
    return;
  }
  describe(name, () => body(lookup.path));
};

export const launchChromium = async (executablePath: string): Promise<Browser> => {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
};

/** Screenshots are test artifacts: <repo>/artifacts/screenshots (kept by CI, ignored by git). */
const screenshotDir = (): string => {
  const dir = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  const file = path.join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

/** Errors the page throws or logs, so a test can show them when it fails. */
export const collectPageErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`http: ${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`);
  });
  return errors;
};

interface PageUnderTest {
  page: Page;
  /** Page errors, failed console lines and HTTP answers >= 400 seen so far. */
  errors: string[];
}

/**
 * One Chromium for the describe block and a fresh context and page for each test (dialogs accepted,
 * errors collected). The returned object is refilled before each test.
 */
export const chromiumPagePerTest = (executablePath: string): PageUnderTest => {
  const current = {} as PageUnderTest;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium(executablePath);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ viewport: { width: 1280, height: 860 } });
    current.page = await context.newPage();
    current.page.on('dialog', (d) => void d.accept());
    current.errors = collectPageErrors(current.page);
  });
  afterEach(async () => {
    await context?.close();
  });
  return current;
};
