// Starts the embedded all-in-one in this test process on a free port and a fresh data folder, with
// tokens for two owners.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAllInOne, type RunningDeployment } from '@mediaflow/embedded';
import { loadEmbeddedSettings } from '@mediaflow/embedded';
import { issueDevelopmentToken } from '@mediaflow/http';
import { createLogger } from '@mediaflow/logging';
import { ApiClient } from './api-client';

export interface TestDeployment {
  deployment: RunningDeployment;
  dataDir: string;
  owner: ApiClient;
  other: ApiClient;
  ownerToken: string;
  stop(): Promise<void>;
}

export const startTestDeployment = async (env: Record<string, string> = {}): Promise<TestDeployment> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-e2e-'));
  const environment = { ...process.env, MEDIAFLOW_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...env };
  const deployment = await startAllInOne(loadEmbeddedSettings(environment), createLogger('e2e'), environment);
  const token = (sub: string) => issueDevelopmentToken({ secret: deployment.secrets.jwt, sub, ttlSeconds: 3600 });
  const ownerToken = await token('owner-a');
  return {
    deployment,
    dataDir,
    ownerToken,
    owner: new ApiClient(deployment.url, ownerToken),
    other: new ApiClient(deployment.url, await token('owner-b')),
    stop: async () => {
      await deployment.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
