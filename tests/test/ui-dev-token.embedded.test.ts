// The development token (admin, 24 h) is handed to the web UI's sign-in page only where nobody but
// the machine's own user can reach it: on a loopback HOST by default, never when switched off, and
// not on an address other machines can reach unless switched on explicitly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEmbeddedSettings, startAllInOne } from '@mediaflow/embedded';
import { createLogger } from '@mediaflow/logging';

process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'ERROR';

const uiConfigWith = async (env: Record<string, string>): Promise<{ devToken?: string }> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-devtoken-'));
  const environment: NodeJS.ProcessEnv = { ...process.env, MEDIAFLOW_DATA_DIR: dataDir, PORT: '0', ...env };
  const deployment = await startAllInOne(loadEmbeddedSettings(environment), createLogger('dev-token-test'), environment);
  try {
    // Asked over the loopback in every case: what is offered depends on the setting, not on the caller.
    const port = new URL(deployment.url).port;
    const res = await fetch(`http://127.0.0.1:${port}/config.json`);
    expect(res.status).toBe(200);
    return (await res.json()) as { devToken?: string };
  } finally {
    await deployment.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

describe('the development token on the web UI sign-in page', () => {
  it('is offered on a loopback HOST (auto)', async () => {
    expect((await uiConfigWith({ HOST: '127.0.0.1' })).devToken).toMatch(/^eyJ/);
  }, 60_000);

  it('is not offered on an address other machines reach (auto), nor when off', async () => {
    expect((await uiConfigWith({ HOST: '0.0.0.0' })).devToken).toBeUndefined();
    expect((await uiConfigWith({ HOST: '127.0.0.1', MEDIAFLOW_UI_DEV_TOKEN: 'off' })).devToken).toBeUndefined();
  }, 60_000);
});
