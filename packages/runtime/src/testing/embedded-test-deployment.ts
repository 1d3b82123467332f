// What a test hands a service's createEmbeddedService, built the way the all-in-one builds it: a data
// folder (a new temp one, or a given one to restart over), the SQLite bus file in it, infrastructure
// settings with a quick relay, test secrets and the service's environment. dispose() undoes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateWithContracts } from '@mediaflow/bus';
import type { LogLevel } from '@mediaflow/config';
import { SqliteBus } from '@mediaflow/bus/sqlite';
import { embeddedPaths } from '../embedded-paths';
import { loadInfrastructureSettings } from '../infrastructure-config';
import type { EmbeddedShared } from '../service-instance';

export const TEST_SECRETS = { jwt: 'test-jwt-secret-of-at-least-32-bytes!!', urlSigning: 'test-url-signing-secret-of-32-bytes!!' } as const;

interface EmbeddedTestDeploymentOptions {
  /** The data folder to use (to restart over the files a previous run left); a new temp folder when absent. */
  readonly dataDir?: string;
  /** How often the outbox relay polls when idle; 20 ms so tests see published events quickly. */
  readonly relayIntervalMs?: number;
  readonly consumerConcurrency?: number;
  /** The level of the service's own log lines; SILENT when absent. */
  readonly logLevel?: LogLevel;
  /** The origin the service signs URLs for; the test's HTTP server URL when it serves them. */
  readonly publicBaseUrl?: string;
  readonly secrets?: EmbeddedShared['secrets'];
  /** The environment each service reads its own settings from (often the test's process.env). */
  readonly env: NodeJS.ProcessEnv;
}

interface EmbeddedTestDeployment {
  readonly dataDir: string;
  readonly bus: SqliteBus;
  /** Hand this to createEmbeddedService. */
  readonly shared: EmbeddedShared;
  /** Closes the bus, and removes the data folder when the deployment made it. Safe to call twice. */
  dispose(): Promise<void>;
}

export const createEmbeddedTestDeployment = (options: EmbeddedTestDeploymentOptions): EmbeddedTestDeployment => {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-embedded-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const config = loadInfrastructureSettings({
    MEDIAFLOW_DATA_DIR: dataDir,
    MEDIAFLOW_RELAY_INTERVAL_MS: String(options.relayIntervalMs ?? 20),
    ...(options.consumerConcurrency !== undefined && { MEDIAFLOW_CONSUMER_CONCURRENCY: String(options.consumerConcurrency) }),
    LOG_LEVEL: options.logLevel ?? 'SILENT',
  });
  const bus = new SqliteBus({ file: embeddedPaths(dataDir).bus, validate: validateWithContracts });
  let disposed = false;
  return {
    dataDir,
    bus,
    shared: {
      config,
      bus,
      publicBaseUrl: options.publicBaseUrl ?? 'http://127.0.0.1',
      secrets: options.secrets ?? TEST_SECRETS,
      env: options.env,
    },
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await bus.close();
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
