// Which file the embedded pool forks, and how. From a compiled build it is runner.js as is. From
// TypeScript sources (npm start, tests) the pool bundles runner.ts once per start (runner-bundle.ts)
// and forks the bundle with plain node; runner.ts through tsx (a root devDependency) is the fallback
// when bundling fails, and what runnerEntrypoint() answers without building anything.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '@mediaflow/logging';
import { bundleRunner } from './runner-bundle';

export interface RunnerEntrypoint {
  readonly path: string;
  readonly execArgv: readonly string[];
}

const runnerSource = (): string => path.join(__dirname, '..', '..', 'main', 'runner.ts');

const compiledRunner = (): RunnerEntrypoint | undefined => {
  if (__filename.endsWith('.ts')) return undefined;
  // Bundled (dist/main/<entry>.js, see docker/bundle-entrypoints.mjs) the runner sits beside us;
  // compiled file by file it sits in main/ two folders up.
  const compiled = [
    path.join(__dirname, 'runner.js'),
    path.join(__dirname, '..', '..', 'main', 'runner.js'),
  ].find((f) => fs.existsSync(f));
  return compiled ? { path: compiled, execArgv: [] } : undefined;
};

/** runner.js from a build, else runner.ts through tsx (resolved to a file URL: any working directory works). */
export const runnerEntrypoint = (): RunnerEntrypoint =>
  compiledRunner() ?? { path: runnerSource(), execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href] };

/** What the pool forks: runner.js from a build, else a fresh bundle of runner.ts, else (logged) runner.ts through tsx. */
export const preparedRunnerEntrypoint = async (logger: Logger): Promise<RunnerEntrypoint> => {
  const compiled = compiledRunner();
  if (compiled) return compiled;
  try {
    const bundle = await bundleRunner(runnerSource());
    logger.info('runner bundled', { path: bundle.path, written: bundle.built, ms: bundle.ms });
    // The bundle carries its source map: stack traces in the runners' logs name the TypeScript lines.
    return { path: bundle.path, execArgv: ['--enable-source-maps'] };
  } catch (error) {
    logger.warn('bundling the runner failed: runners start through tsx, slower', { error: error as Error });
    return runnerEntrypoint();
  }
};
