// Where the built UI lives, and a build when it is missing or older than its sources (npm start and
// the browser tests call this; CI builds it through turbo too).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const webDistDir = (env: NodeJS.ProcessEnv): string => env.MEDIAFLOW_WEB_DIST ?? path.join(__dirname, '..', 'dist');

/** Builds into webDistDir(env) when stale; the build swaps the new folder in whole. */
export const ensureWebBuild = (env: NodeJS.ProcessEnv): void => {
  const script = path.join(__dirname, '..', 'scripts', 'build.mjs');
  const result = spawnSync(process.execPath, [script, '--if-stale'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (result.status !== 0) throw new Error(`the web UI build failed (node ${script} exited ${result.status ?? result.signal})`);
};
