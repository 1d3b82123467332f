// The embedded test deployment: what it hands a service, and that dispose leaves no temp folder behind
// but keeps a folder the test gave it (so a test can restart over the same files).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { embeddedPaths } from '../src';
import { createEmbeddedTestDeployment, TEST_SECRETS } from '../src/testing';

describe('createEmbeddedTestDeployment', () => {
  it('builds the shared part of an embedded deployment in a temp folder, and removes it on dispose', async () => {
    const deployment = createEmbeddedTestDeployment({ env: { SOME_SETTING: '1' }, relayIntervalMs: 50, consumerConcurrency: 1 });
    expect(deployment.shared).toMatchObject({
      config: { mode: 'embedded', dataDir: deployment.dataDir, relayIntervalMs: 50, consumerConcurrency: 1, logLevel: 'SILENT' },
      bus: deployment.bus,
      publicBaseUrl: 'http://127.0.0.1',
      secrets: TEST_SECRETS,
      env: { SOME_SETTING: '1' },
    });
    expect(fs.existsSync(embeddedPaths(deployment.dataDir).bus)).toBe(true);
    await deployment.dispose();
    await deployment.dispose();
    expect(fs.existsSync(deployment.dataDir)).toBe(false);
  });

  it('keeps a data folder it was given', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-given-'));
    try {
      const deployment = createEmbeddedTestDeployment({ dataDir, env: {}, publicBaseUrl: 'http://127.0.0.1:9999' });
      expect(deployment.shared.publicBaseUrl).toBe('http://127.0.0.1:9999');
      await deployment.dispose();
      expect(fs.existsSync(embeddedPaths(dataDir).bus)).toBe(true);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
