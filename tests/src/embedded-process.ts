// The embedded all-in-one as its own process (`npm start`'s entry through tsx), on a data folder and
// port the test chooses, so a test can `kill -9` it and start it again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

export interface EmbeddedProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves when the process has exited (after a kill, or on its own). */
  readonly exited: Promise<void>;
  /** `kill -9`, resolved once it is gone. */
  killHard(): Promise<void>;
}

/** Starts embedded/src/main.ts and resolves once it printed that it is running. */
export const startEmbeddedProcess = (
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<EmbeddedProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'embedded/src/main.ts')], {
      env: { ...process.env, MEDIAFLOW_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'ERROR', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    let out = '';
    let up = false;
    child.stdout!.on('data', (d) => {
      if (up) return;
      out += d;
      if (!out.includes('mediaflow is running')) return;
      up = true;
      resolve({
        child,
        pid: child.pid!,
        exited,
        killHard: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
    child.stderr!.on('data', (d) => {
      if (!up) out += d;
    });
    child.once('exit', (code, signal) => {
      if (!up) reject(new Error(`embedded process exited (${code ?? signal}) before it was up:\n${out}`));
    });
  });
