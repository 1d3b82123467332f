// Which file the embedded pool forks, and how. From TypeScript sources (npm start, tests) the runner
// is runner.ts loaded through tsx (a root devDependency); from a compiled build it is runner.js as is.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RunnerEntrypoint {
  readonly path: string;
  readonly execArgv: readonly string[];
}

export const runnerEntrypoint = (): RunnerEntrypoint => {
  if (!__filename.endsWith('.ts')) {
    // Bundled (dist/main/<entry>.js, see docker/bundle-entrypoints.mjs) the runner sits beside us;
    // compiled file by file it sits in main/ two folders up.
    const compiled = [
      path.join(__dirname, 'runner.js'),
      path.join(__dirname, '..', '..', 'main', 'runner.js'),
    ].find((f) => fs.existsSync(f));
    if (compiled) return { path: compiled, execArgv: [] };
  }
  // Resolved to a file URL here, so the child finds tsx whatever its working directory is.
  const source = path.join(__dirname, '..', '..', 'main', 'runner.ts');
  return { path: source, execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href] };
};
