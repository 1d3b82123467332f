// `cli-multipart`: the real CLI, `node cli/bin/mediaflow.cjs upload FILE --json`, as a child process
// (its bundle, as its bin runs it; the warm-up round builds it if stale), from spawn to exit. Its
// stderr lines are timestamped as they arrive to split the window: the "upload up_…" note comes after
// process start + the ticket; the "uploading 100%" line when the last bytes are read for sending (and
// hashed: the CLI hashes the chunks it sends); then complete (with the SHA-256) and exit.
// Apart, per round: the same bin's process start alone (`upload --help`) and a bare `node -e 0`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { BenchDeployment } from './deployment';
import type { SourceFile } from './source-file';
import { phasesBetween, type UploadSample, type UploadVariant } from './variant';

// The CLI's exports map has no ./package.json: find its folder from an exported module (cli/src/…).
const cliBin = (): string =>
  path.join(path.dirname(require.resolve('@mediaflow/cli/file-digest')), '..', 'bin', 'mediaflow.cjs');

interface CliRun {
  readonly startedMs: number;
  readonly exitedMs: number;
  readonly stdout: string;
  /** Each stderr line with when it arrived (performance.now()). */
  readonly stderr: ReadonlyArray<readonly [line: string, atMs: number]>;
}

const runCli = (args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const startedMs = performance.now();
    const child = spawn(process.execPath, [cliBin(), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr: Array<readonly [string, number]> = [];
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    createInterface({ input: child.stderr }).on('line', (line) => stderr.push([line, performance.now()]));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitedMs = performance.now();
      if (code === 0) resolve({ startedMs, exitedMs, stdout, stderr });
      else
        reject(new Error(`mediaflow ${args.join(' ')} exited ${code}: ${stderr.map(([l]) => l).join('\n')}`));
    });
  });

const markOf = (run: CliRun, test: (line: string) => boolean): number | undefined =>
  run.stderr.find(([line]) => test(line))?.[1];

const uploadWithCli = async (deployment: BenchDeployment, source: SourceFile): Promise<UploadSample> => {
  const env = { ...process.env, MEDIAFLOW_API_URL: deployment.url, MEDIAFLOW_TOKEN: deployment.token };
  const run = await runCli(['upload', source.path, '--json'], env);
  const { jobId } = JSON.parse(run.stdout) as { jobId: string };
  const ticketed = markOf(run, (l) => l.startsWith('upload '));
  const read = markOf(run, (l) => l.startsWith('uploading') && l.includes('100%'));
  const phases =
    ticketed !== undefined && read !== undefined
      ? phasesBetween(run.startedMs, [
          ['start+ticket', ticketed],
          ['transfer', read],
          ['complete+exit', run.exitedMs],
        ])
      : [['spawn→exit', (run.exitedMs - run.startedMs) / 1000] as const];
  return { seconds: (run.exitedMs - run.startedMs) / 1000, jobId, phases };
};

export const cliMultipartVariant = (deployment: BenchDeployment, source: SourceFile): UploadVariant => ({
  name: 'cli-multipart',
  deployment,
  how: `node ${path.relative(path.resolve(path.dirname(cliBin()), '..', '..'), cliBin())} upload FILE --json (child process, spawn → exit; hashes while sending)`,
  upload: () => uploadWithCli(deployment, source),
  dispose: async () => undefined,
});

/** Seconds from spawn to exit of `node -e 0`: the start of any new Node process here, the CLI's floor. */
export const measureNodeStart = async (): Promise<number> => {
  const startedMs = performance.now();
  await new Promise<void>((resolve, reject) =>
    spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' })
      .on('error', reject)
      .on('close', () => resolve()),
  );
  return (performance.now() - startedMs) / 1000;
};

/** Seconds from spawn to exit of `mediaflow upload --help`: node + the CLI's bundle (tsx if none). */
export const measureCliStart = async (): Promise<number> => {
  const run = await runCli(['upload', '--help'], process.env);
  return (run.exitedMs - run.startedMs) / 1000;
};
