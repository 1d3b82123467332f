// The real thing for CLI tests: `npm start`'s script as a child process on a free port with a
// fresh data folder, and the CLI run as a child process against it, as a person would.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'cli/bin/mediaflow.cjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** The environment without anything a developer's shell might have set for the CLI. */
const cleanEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const name of ['MEDIAFLOW_TOKEN', 'MEDIAFLOW_API_URL', 'MEDIAFLOW_DATA_DIR', 'MEDIAFLOW_JWT_SECRET']) delete env[name];
  return env;
};

export const runCli = (args: readonly string[], env: Record<string, string> = {}, onStdout?: (text: string, child: ChildProcess) => void): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...cleanEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });

export interface TestServer {
  readonly url: string;
  readonly dataDir: string;
  /** The CLI's environment for this server: API URL, data folder and a development token. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

const waitForStart = (child: ChildProcess, output: { text: string }): Promise<string> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${output.text.slice(-3000)}`)), 60_000);
    const onData = (): void => {
      const match = /mediaflow is running at (\S+)/.exec(output.text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it started:\n${output.text.slice(-3000)}`));
    });
  });

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });

/** `node scripts/start.mjs` (what `npm start` runs) with the given extra environment. */
export const startServer = async (extraEnv: Record<string, string> = {}): Promise<TestServer> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mediaflow-cli-'));
  const env = { ...cleanEnv(), PORT: '0', HOST: '127.0.0.1', MEDIAFLOW_DATA_DIR: dataDir, LOG_LEVEL: 'WARN', ...extraEnv };
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { text: '' };
  const keep = (chunk: Buffer): void => {
    output.text = (output.text + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let url: string;
  try {
    url = await waitForStart(child, output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const token = await runCli(['token'], { MEDIAFLOW_DATA_DIR: dataDir });
  if (token.code !== 0) throw new Error(`mediaflow token failed: ${token.stderr}`);
  return {
    url,
    dataDir,
    env: { MEDIAFLOW_API_URL: url, MEDIAFLOW_DATA_DIR: dataDir, MEDIAFLOW_TOKEN: token.stdout.trim() },
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
